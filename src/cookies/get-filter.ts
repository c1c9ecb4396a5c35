import type { ChromiumCookie } from './chromium-cookie';
import { isDomainMatch } from './request-inclusion';

/** The `cookies.get` filter as `base::Value::Dict` lookups see it: wrong-typed members are absent. */
export interface GetFilter {
  readonly url: string;
  readonly name?: string;
  readonly path?: string;
  readonly domain?: string;
  readonly secure?: boolean;
  readonly session?: boolean;
  readonly httpOnly?: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Reads the filter the way `Cookies::Get` does: strings and booleans only, anything else ignored. */
export function readGetFilter(filter: Readonly<Record<string, unknown>>): GetFilter {
  const read: Mutable<GetFilter> = { url: typeof filter.url === 'string' ? filter.url : '' };
  for (const key of ['name', 'path', 'domain'] as const) {
    const value = filter[key];
    if (typeof value === 'string') read[key] = value;
  }
  for (const key of ['secure', 'session', 'httpOnly'] as const) {
    const value = filter[key];
    if (typeof value === 'boolean') read[key] = value;
  }
  return read;
}

/**
 * Electron's `MatchesCookie`: `name` and `path` by equality (a path filter is
 * not a prefix), `domain` by `IsDomainMatch(filter)` — a domain cookie `.x`
 * matches `x` and its subdomains, a host-only cookie only its exact host — and
 * the booleans by equality (`session: true` = not persistent).
 */
export function matchesFilter(cookie: ChromiumCookie, filter: GetFilter): boolean {
  if (filter.name !== undefined && filter.name !== cookie.name) return false;
  if (filter.path !== undefined && filter.path !== cookie.cookiePath) return false;
  if (filter.domain !== undefined && !isDomainMatch(cookie.cookieDomain, filter.domain)) return false;
  if (filter.secure !== undefined && filter.secure !== cookie.secure) return false;
  if (filter.session !== undefined && filter.session !== (cookie.expiry === undefined)) return false;
  if (filter.httpOnly !== undefined && filter.httpOnly !== cookie.httpOnly) return false;
  return true;
}
