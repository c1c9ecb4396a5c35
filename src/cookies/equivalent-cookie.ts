import type { ChromiumCookie, CookieFields } from './chromium-cookie';
import type { InclusionStatus } from './inclusion-status';
import { domainAsHost } from './registrable-domain';
import { isOnPath } from './request-inclusion';

/** `CanonicalCookie::IsEquivalent`: same name, domain (dot included) and path. */
export function isEquivalent(a: CookieFields, b: ChromiumCookie): boolean {
  return a.name === b.name && a.domain === b.cookieDomain && a.path === b.cookiePath;
}

function isSubdomainOf(sub: string, parent: string): boolean {
  return sub === parent || sub.endsWith(`.${parent}`);
}

/**
 * `IsEquivalentForSecureCookieMatching` ("leave Secure cookies alone"): same
 * name, domains related either way, and the new path within the Secure one's.
 */
function shadowsSecureCookie(candidate: CookieFields, secure: ChromiumCookie): boolean {
  const a = domainAsHost(candidate.domain);
  const b = domainAsHost(secure.cookieDomain);
  return (
    candidate.name === secure.name &&
    (isSubdomainOf(a, b) || isSubdomainOf(b, a)) &&
    isOnPath(secure.cookiePath, candidate.path)
  );
}

/**
 * `CookieMonster::MaybeDeleteEquivalentCookieAndUpdateStatus`: finds the
 * cookie `candidate` replaces among the cookies of its key, adding
 * EXCLUDE_OVERWRITE_SECURE (an insecure source shadowing a Secure cookie) or
 * EXCLUDE_OVERWRITE_HTTP_ONLY (a non-HTTP setter replacing an HttpOnly cookie).
 */
export function findReplaced(
  candidate: CookieFields,
  keyCookies: readonly ChromiumCookie[],
  allowedToSetSecure: boolean,
  skipHttpOnly: boolean,
  status: InclusionStatus,
): ChromiumCookie | undefined {
  let replaced: ChromiumCookie | undefined;
  for (const existing of keyCookies) {
    if (existing.secure && !allowedToSetSecure && shadowsSecureCookie(candidate, existing)) {
      status.exclude('EXCLUDE_OVERWRITE_SECURE');
    }
    if (isEquivalent(candidate, existing)) {
      if (skipHttpOnly && existing.httpOnly) status.exclude('EXCLUDE_OVERWRITE_HTTP_ONLY');
      else replaced = existing;
    }
  }
  return replaced;
}

export type InsertCause = 'inserted' | 'inserted-no-change-overwrite' | 'inserted-no-value-change-overwrite';

/**
 * The cause reported for the insert that follows an overwrite: the same value
 * and attributes → no change; the same value only → no value change.
 */
export function insertCause(candidate: CookieFields, replaced: ChromiumCookie | undefined): InsertCause {
  if (replaced === undefined || replaced.value !== candidate.value) return 'inserted';
  const unchanged =
    replaced.expiry === candidate.expiry &&
    replaced.secure === candidate.secure &&
    replaced.httpOnly === candidate.httpOnly &&
    replaced.sameSiteMode === candidate.sameSite &&
    replaced.priority === candidate.priority;
  return unchanged ? 'inserted-no-change-overwrite' : 'inserted-no-value-change-overwrite';
}
