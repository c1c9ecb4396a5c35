import type { ChromiumCookie } from './chromium-cookie';
import { parseCookieUrl, type PrivilegedSchemes } from './cookie-url';
import { domainAsHost, registrableDomain } from './registrable-domain';
import { includeForRequest } from './request-inclusion';
import { SameSiteContext } from './same-site-context';

/**
 * Which cookies a storage clear removes. `clearData` passes origins (or
 * origins to keep); the session's planner may also pass its resolved form:
 * everything, the cookies of one URL (`clearStorageData({ origin })`), or
 * registrable domains to delete or to preserve.
 */
export type ClearForOriginsFilter =
  | { readonly origins?: readonly string[]; readonly excludeOrigins?: readonly string[] }
  | { readonly kind: 'all' }
  | { readonly kind: 'url'; readonly url: string }
  | {
      readonly kind: 'registrable-domains';
      readonly mode: 'delete' | 'preserve';
      readonly domains: readonly string[];
    }
  | undefined;

/**
 * `DomainMatchesDomains` in `cookie_deletion_info.cc`: a cookie belongs to
 * the registrable domain of its domain, or to its bare domain when that has
 * none (IP addresses, `localhost`).
 */
function siteOf(cookie: ChromiumCookie): string {
  return registrableDomain(cookie.cookieDomain) || domainAsHost(cookie.cookieDomain);
}

/** The registrable domain (or host) of an origin, as `BrowsingDataFilterBuilder` widens it. */
function siteOfOrigin(origin: string): string | undefined {
  let host: string;
  try {
    host = new URL(origin).hostname;
  } catch {
    return undefined;
  }
  return registrableDomain(host) || host;
}

function sitesOf(origins: readonly string[]): Set<string> {
  return new Set(origins.map(siteOfOrigin).filter((site): site is string => site !== undefined));
}

/** The deletion predicate for `filter` (undefined or empty → every cookie). */
export function clearPredicate(
  filter: ClearForOriginsFilter,
  schemes: PrivilegedSchemes | undefined,
  nowMs: number,
): (cookie: ChromiumCookie) => boolean {
  if (filter === undefined) return () => true;
  if ('kind' in filter) {
    if (filter.kind === 'all') return () => true;
    if (filter.kind === 'url') {
      const url = parseCookieUrl(filter.url, schemes);
      if (url === undefined) return () => false;
      const access = { includeHttpOnly: true, sameSite: SameSiteContext.strict };
      return (cookie) => includeForRequest(cookie, url, access, nowMs);
    }
    const sites = new Set(filter.domains);
    const keep = filter.mode === 'preserve';
    return (cookie) => sites.has(siteOf(cookie)) !== keep;
  }
  const include = filter.origins === undefined ? undefined : sitesOf(filter.origins);
  const exclude = filter.excludeOrigins === undefined ? undefined : sitesOf(filter.excludeOrigins);
  return (cookie) => {
    const site = siteOf(cookie);
    return (include === undefined || include.has(site)) && (exclude === undefined || !exclude.has(site));
  };
}
