import type { CookieFields } from './chromium-cookie';
import { cookieDomainFor } from './cookie-domain';
import { capExpiry } from './cookie-expiry';
import { cookiePathFor } from './cookie-path';
import { cookiePrefix, hasHiddenPrefixName, isPrefixValid } from './cookie-prefix';
import { isLocalhost, type CookieUrl } from './cookie-url';
import { InclusionStatus } from './inclusion-status';
import { hasExtension, parseSetCookieLine } from './set-cookie-line';
import { priorityFromExtensions, sameSiteFromTough } from './tough-conversion';

/**
 * Expiry in microseconds from Max-Age (which wins) or Expires, as
 * `CanonicalCookie::ParseExpiration` computes it; Max-Age ≤ 0 means "already expired".
 */
function expiryFrom(maxAge: unknown, expires: unknown, nowMs: number): number | undefined {
  if (typeof maxAge === 'number') return maxAge <= 0 ? -Infinity : nowMs * 1000 + maxAge * 1_000_000;
  if (maxAge === 'Infinity') return Infinity;
  if (maxAge === '-Infinity') return -Infinity;
  if (expires instanceof Date) return expires.getTime() * 1000;
  return undefined;
}

/**
 * `CanonicalCookie::Create`: a cookie from one Set-Cookie value received from
 * `url`, or the reasons it is refused (the caller drops those silently).
 */
export function cookieFromHeader(
  url: CookieUrl,
  line: string,
  nowMs: number,
): { readonly fields?: CookieFields; readonly status: InclusionStatus } {
  const status = new InclusionStatus();
  const parsed = parseSetCookieLine(line, status);
  if (parsed === undefined) return { status };
  const { name, value, attributes } = parsed;
  const domainAttribute = attributes.domain ?? '';
  const pathAttribute = attributes.path ?? '';
  const domain = cookieDomainFor(url, domainAttribute, status);
  if (domain === undefined) status.exclude('EXCLUDE_INVALID_DOMAIN');
  const prefixValid =
    name === ''
      ? !hasHiddenPrefixName(value)
      : isPrefixValid(cookiePrefix(name), url, attributes.secure, domainAttribute, pathAttribute);
  if (!prefixValid) status.exclude('EXCLUDE_INVALID_PREFIX');
  // Partitioned needs Secure from a secure or localhost origin; main-process
  // requests have no partition key, so a valid one is stored unpartitioned.
  if (hasExtension(attributes, 'partitioned')) {
    const provisionallySecure = url.cryptographic || isLocalhost(url.host);
    if (!provisionallySecure || !attributes.secure) status.exclude('EXCLUDE_INVALID_PARTITIONED');
  }
  if (!status.isInclude || domain === undefined) return { status };
  const fields: CookieFields = {
    name,
    value,
    domain,
    path: cookiePathFor(url.path, pathAttribute),
    creation: nowMs,
    lastAccess: nowMs,
    expiry: capExpiry(expiryFrom(attributes.maxAge, attributes.expires, nowMs), nowMs),
    secure: attributes.secure,
    httpOnly: attributes.httpOnly,
    sameSite: sameSiteFromTough(attributes.sameSite),
    priority: priorityFromExtensions(attributes.extensions),
  };
  return { fields, status };
}
