import { domainMatch, pathMatch } from 'tough-cookie';
import type { ChromiumCookie } from './chromium-cookie';
import type { CookieUrl } from './cookie-url';
import { SameSiteContext } from './same-site-context';

/**
 * `CanonicalCookie::IsDomainMatch(host)`: a host-only cookie matches its host
 * exactly; a domain cookie `.x` matches `x` and every subdomain of it.
 */
export function isDomainMatch(cookieDomain: string, host: string): boolean {
  if (host === cookieDomain) return true;
  if (!cookieDomain.startsWith('.')) return false;
  return domainMatch(host, cookieDomain.slice(1), false) === true;
}

/** `cookie_util::IsOnPath`: tough-cookie's RFC 6265 path-match is the same rule. */
export function isOnPath(cookiePath: string, urlPath: string): boolean {
  return cookiePath !== '' && pathMatch(urlPath, cookiePath);
}

// A cookie without SameSite is sent on cross-site top-level POSTs for its
// first two minutes (Chromium's "Lax+POST" mitigation, kLaxAllowUnsafeMaxAge).
const laxAllowUnsafeMaxAgeMs = 2 * 60 * 1000;

/** The lowest context in which `cookie` may be sent (`GetEffectiveSameSite`, non-legacy semantics). */
function requiredContext(cookie: ChromiumCookie, nowMs: number): SameSiteContext {
  switch (cookie.sameSiteMode) {
    case 'strict':
      return SameSiteContext.strict;
    case 'lax':
      return SameSiteContext.lax;
    case 'no_restriction':
      return SameSiteContext.crossSite;
    case 'unspecified':
      return nowMs - cookie.creationTime <= laxAllowUnsafeMaxAgeMs
        ? SameSiteContext.laxMethodUnsafe
        : SameSiteContext.lax;
  }
}

export interface RequestAccess {
  readonly includeHttpOnly: boolean;
  readonly sameSite: SameSiteContext;
}

/**
 * `CookieBase::IncludeForRequestURL` (expiry is handled by the caller): HttpOnly,
 * Secure only for cryptographic or trustworthy URLs, domain, path, SameSite,
 * and SameSite=None only together with Secure.
 */
export function includeForRequest(
  cookie: ChromiumCookie,
  url: CookieUrl,
  access: RequestAccess,
  nowMs: number,
): boolean {
  if (cookie.httpOnly && !access.includeHttpOnly) return false;
  if (cookie.secure && !url.trustworthy) return false;
  if (!isDomainMatch(cookie.cookieDomain, url.host)) return false;
  if (!isOnPath(cookie.cookiePath, url.path)) return false;
  if (access.sameSite < requiredContext(cookie, nowMs)) return false;
  return cookie.sameSiteMode !== 'no_restriction' || cookie.secure;
}

/** `CookieMonster::CookieSorter`: longest path first, then oldest creation (then insertion). */
export function requestOrder(a: ChromiumCookie, b: ChromiumCookie): number {
  return (
    b.cookiePath.length - a.cookiePath.length ||
    a.creationTime - b.creationTime ||
    a.creationIndex - b.creationIndex
  );
}
