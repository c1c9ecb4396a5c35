import type { Cookie as ToughCookie } from 'tough-cookie';
import type { CookieSameSite } from '../structures/cookie';
import { ChromiumCookie, type CookiePriority } from './chromium-cookie';

/** tough-cookie's `sameSite` string → Chromium's `StringToCookieSameSite` (unknown → unspecified). */
export function sameSiteFromTough(sameSite: string | undefined): CookieSameSite {
  switch (sameSite?.toLowerCase()) {
    case 'none':
      return 'no_restriction';
    case 'lax':
      return 'lax';
    case 'strict':
      return 'strict';
    default:
      return 'unspecified';
  }
}

/**
 * Chromium's `Priority` attribute, which tough-cookie keeps among its
 * unrecognised `extensions` (`StringToCookiePriority`: unknown → medium).
 */
export function priorityFromExtensions(extensions: readonly string[] | null): CookiePriority {
  let priority: CookiePriority = 'medium';
  for (const extension of extensions ?? []) {
    const [name = '', value = ''] = extension.split('=', 2);
    if (name.trim().toLowerCase() !== 'priority') continue;
    const given = value.trim().toLowerCase();
    priority = given === 'low' || given === 'high' ? given : 'medium';
  }
  return priority;
}

function timeOf(date: Date | 'Infinity' | null): number | undefined {
  return date instanceof Date ? date.getTime() : undefined;
}

/** A cookie written through tough-cookie's API into our store, as a stored Chromium cookie. */
export function fromToughCookie(cookie: ToughCookie): ChromiumCookie {
  const domain = cookie.domain ?? '';
  const expiry = cookie.expiryTime();
  const creation = timeOf(cookie.creation) ?? 0;
  return new ChromiumCookie({
    name: cookie.key,
    value: cookie.value,
    domain: cookie.hostOnly === false ? `.${domain}` : domain,
    path: cookie.path ?? '/',
    creation,
    lastAccess: timeOf(cookie.lastAccessed),
    expiry: expiry === undefined || expiry === Infinity ? undefined : expiry * 1000,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: sameSiteFromTough(cookie.sameSite),
    priority: priorityFromExtensions(cookie.extensions),
  });
}
