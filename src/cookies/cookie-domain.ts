import type { CookieUrl } from './cookie-url';
import type { InclusionStatus } from './inclusion-status';
import { effectiveDomain } from './registrable-domain';

/** `url::CanonicalizeHost` for a Domain attribute (lower case, IDNA, IPv4 forms), or `''` when invalid. */
export function canonicalizeHost(domain: string): string {
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return '';
  }
}

const nonAscii = /[^\0-\x7f]/;

/**
 * `cookie_util::GetCookieDomainWithString`: the cookie's domain — the URL host
 * for a host-only cookie, or `.domain` for a domain cookie — or undefined when
 * the Domain attribute may not be used from this URL (another site, a public
 * suffix, an IP address or an intranet host that is not the URL host itself).
 */
export function cookieDomainFor(url: CookieUrl, domain: string, status: InclusionStatus): string | undefined {
  // Chromium only warns about non-ASCII here (kCookieDomainRejectNonASCII is off).
  if (nonAscii.test(domain)) status.warn('WARN_DOMAIN_NON_ASCII');
  const host = url.host;
  if (host.endsWith('..')) return undefined;
  if (
    domain === '' ||
    (url.hostIsIp && equalsIgnoringCase(host, domain.startsWith('.') ? domain.slice(1) : domain))
  ) {
    return host;
  }
  if (domain.includes('%')) return undefined;
  let cookieDomain = canonicalizeHost(domain);
  if (cookieDomain === '') return undefined;
  if (!cookieDomain.startsWith('.')) cookieDomain = `.${cookieDomain}`;
  const urlSite = effectiveDomain(url.scheme, host);
  if (urlSite === '') {
    // IE/Firefox compatibility: an exact match names the host itself → a host cookie.
    const normalized = (domain.startsWith('.') ? domain.slice(1) : domain).toLowerCase();
    return host === normalized ? host : undefined;
  }
  if (effectiveDomain(url.scheme, cookieDomain) !== urlSite) return undefined;
  const isSuffix =
    host.length < cookieDomain.length ? cookieDomain === `.${host}` : host.endsWith(cookieDomain);
  return isSuffix ? cookieDomain : undefined;
}

function equalsIgnoringCase(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
