import { isLocalhost, type CookieUrl } from './cookie-url';

export type CookiePrefix = 'secure' | 'host' | 'none';

/** `cookie_util::GetCookiePrefix`: case-insensitive, like Chromium. */
export function cookiePrefix(name: string): CookiePrefix {
  const lower = name.slice(0, 9).toLowerCase();
  if (lower === '__secure-') return 'secure';
  if (lower.startsWith('__host-')) return 'host';
  return 'none';
}

/**
 * `cookie_util::IsCookiePrefixValid`: `__Secure-` needs the Secure attribute
 * and a URL whose `ProvisionalAccessScheme` is not non-cryptographic (https,
 * wss, or http on localhost; a custom secure scheme is not enough); `__Host-`
 * also needs Path exactly `/` and no Domain attribute (or the URL's own IP
 * address). `domain` and `path` are the attributes as given.
 */
export function isPrefixValid(
  prefix: CookiePrefix,
  url: CookieUrl,
  secure: boolean,
  domain: string,
  path: string,
): boolean {
  const secureSource = secure && (url.cryptographic || isLocalhost(url.host));
  if (prefix === 'secure') return secureSource;
  if (prefix === 'host') {
    if (!secureSource || path !== '/') return false;
    return domain === '' || (url.hostIsIp && url.host === domain);
  }
  return true;
}

/**
 * `CanonicalCookie::HasHiddenPrefixName`: a nameless cookie whose value starts
 * (after spaces and tabs) with a prefix would read as a prefixed cookie in
 * `document.cookie`, so Chromium refuses it.
 */
export function hasHiddenPrefixName(value: string): boolean {
  return cookiePrefix(value.replace(/^[ \t]+/, '')) !== 'none';
}
