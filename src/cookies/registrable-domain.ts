import { parse } from 'tldts';

const options = { allowPrivateDomains: true, validateHostname: false } as const;
const cache = new Map<string, string>();
const cacheLimit = 10_000;

/**
 * Chromium's `registry_controlled_domains::GetDomainAndRegistry(host,
 * INCLUDE_PRIVATE_REGISTRIES)`: the registrable domain ("eTLD+1"), or `''` for
 * an IP address, a public suffix itself, or a host whose suffix is not on the
 * Public Suffix List at all (`localhost`, `*.test`, `fake-host`). tldts would
 * treat an unknown last label as a suffix; Chromium excludes unknown registries.
 * Leading dots are ignored; a trailing dot is kept; `..` at the end → `''`.
 */
export function registrableDomain(host: string): string {
  const cached = cache.get(host);
  if (cached !== undefined) return cached;
  const result = compute(host);
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(host, result);
  return result;
}

function compute(host: string): string {
  let name = host.replace(/^\.+/, '');
  if (name === '' || name.endsWith('..')) return '';
  const trailingDot = name.endsWith('.');
  if (trailingDot) name = name.slice(0, -1);
  const parsed = parse(name, options);
  if (parsed.isIp === true || parsed.domain === null) return '';
  if (parsed.isIcann !== true && parsed.isPrivate !== true) return '';
  return trailingDot ? `${parsed.domain}.` : parsed.domain;
}

/** `CookieDomainAsHost`: the domain without its leading dot. */
export function domainAsHost(domain: string): string {
  return domain.startsWith('.') ? domain.slice(1) : domain;
}

/**
 * `CookieMonster::GetKey`: cookies are grouped (and limited to 180 per group)
 * by the registrable domain of their domain, or the bare domain when it has none.
 */
export function cookieKey(domain: string): string {
  const effective = registrableDomain(domain);
  return domainAsHost(effective === '' ? domain : effective);
}

/**
 * `cookie_util::GetEffectiveDomain`: the registrable domain for http(s)/ws(s)
 * hosts; for any other scheme the host itself (no registry applies).
 */
export function effectiveDomain(scheme: string, host: string): string {
  if (scheme === 'http' || scheme === 'https' || scheme === 'ws' || scheme === 'wss')
    return registrableDomain(host);
  return domainAsHost(host);
}
