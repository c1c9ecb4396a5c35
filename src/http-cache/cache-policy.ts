import CachePolicy from 'http-cache-semantics';
import type { HeaderList } from '../transports/transport';
import type { CacheMode } from '../pipeline/exchange';
import { getAllHeaders, getHeader } from '../pipeline/header-list';

/**
 * Chromium's HTTP cache decisions (`HttpCache::Transaction`,
 * `HttpResponseHeaders`). Freshness comes from `http-cache-semantics` as a
 * private cache, fed the directives as Chromium parses them; Chromium's
 * deviations from RFC 9111 are layered on top:
 * - heuristic freshness only for 200, 203 and 206 without `must-revalidate`;
 *   300, 301, 308 and 410 are fresh forever; every other status gets 0;
 * - `immutable` is ignored; `Pragma: no-cache` counts even next to a
 *   `Cache-Control` header; only a bare `no-cache`/`no-store` token counts;
 * - a malformed `max-age` or an unreadable `Expires` is ignored, `Expires: 0`
 *   has expired;
 * - the age is the RFC's corrected initial age plus resident time;
 * - `stale-while-revalidate` needs a load flag main-process requests never
 *   carry, so a stale response is always validated first;
 * - request `Cache-Control: no-cache`/`Pragma: no-cache` bypass the cache
 *   (fetch and overwrite), only `max-age=0` validates, other request
 *   directives (`no-store`, `max-stale`, `min-fresh`) are not read;
 * - every GET response is stored unless it says `no-store`, whatever its
 *   status or freshness (the RFC would refuse many of them);
 * - a 304 updates the stored headers by Chromium's own list.
 */

/** What the policy reads from a stored response. */
export interface StoredResponse {
  readonly status: number;
  readonly httpVersion: string;
  readonly headers: HeaderList;
  /** When the request that got this response was sent (clock milliseconds). */
  readonly requestTime: number;
  /** When the response headers came in. */
  readonly responseTime: number;
}

/** Chromium's load flags, as Electron's `cache` option and the request headers set them. */
export interface LoadFlags {
  /** No read, no write (`no-store`, or a request the cache cannot handle). */
  readonly disableCache: boolean;
  /** No read; the response is written (`reload`, request `no-cache`). */
  readonly bypassCache: boolean;
  /** Read only after validation (`no-cache`, request `max-age=0`). */
  readonly validateCache: boolean;
  /** Read without validation (`force-cache`, `only-if-cached`). */
  readonly skipValidation: boolean;
  /** Never the network (`only-if-cached`): a miss is ERR_CACHE_MISS. */
  readonly onlyFromCache: boolean;
  /** The caller's own `If-None-Match`/`If-Modified-Since`, when it sent them. */
  readonly externalValidation: { readonly etag?: string; readonly lastModified?: string } | undefined;
}

export type Validation = 'none' | 'asynchronous' | 'synchronous';

// `HttpUtil::IsNonCoalescingHeader`: values that may hold commas themselves.
const nonCoalescing = new Set([
  'date',
  'expires',
  'last-modified',
  'location',
  'retry-after',
  'set-cookie',
  'www-authenticate',
  'proxy-authenticate',
  'strict-transport-security',
]);

/** Every value of a header, its comma-separated items split apart as `EnumerateHeader` does. */
export function headerValues(headers: HeaderList, name: string): string[] {
  const all = getAllHeaders(headers, name);
  if (all.length === 0) return all;
  const values = all.map((value) => value.trim());
  if (nonCoalescing.has(name.toLowerCase())) return values;
  return values.flatMap(splitItems).filter((item) => item !== '');
}

/** Splits at commas outside quoted strings (`HttpUtil::ValuesIterator`). */
function splitItems(value: string): string[] {
  const items: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '"') quoted = !quoted;
    else if (char === '\\' && quoted) i++;
    else if (char === ',' && !quoted) {
      items.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  items.push(value.slice(start).trim());
  return items;
}

/** `HasHeaderValue`: an item equal to `value`, ignoring case (`no-cache="x"` is not `no-cache`). */
export function hasHeaderValue(headers: HeaderList, name: string, value: string): boolean {
  const wanted = value.toLowerCase();
  return headerValues(headers, name).some((item) => item.toLowerCase() === wanted);
}

/** `GetCacheControlDirective`: the first `directive=<digits>` in seconds; malformed ones are skipped. */
function directiveSeconds(headers: HeaderList, directive: string): number | undefined {
  for (const item of headerValues(headers, 'cache-control')) {
    if (item.length <= directive.length || item[directive.length] !== '=') continue;
    if (item.slice(0, directive.length).toLowerCase() !== directive) continue;
    const digits = item.slice(directive.length + 1).trim();
    if (/^\d+$/.test(digits)) return Number(digits);
  }
  return undefined;
}

/** A date-valued header in milliseconds; `Expires: 0` is the distant past, an unreadable one absent. */
function timeValue(headers: HeaderList, name: string): number | undefined {
  const value = getHeader(headers, name)?.trim();
  if (value === undefined) return undefined;
  if (name === 'expires' && value === '0') return -Infinity;
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : undefined;
}

/** The `Age` header in seconds: digits only, saturating at 2^32 - 1 (`GetAgeValue`). */
function ageValue(headers: HeaderList): number | undefined {
  const value = headerValues(headers, 'age')[0];
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Math.min(Number(value), 2 ** 32 - 1);
}

// http-cache-semantics reads the clock through `now()`; the fake sets it per
// call so the library never reads wall time.
let policyTime = 0;
class PolicyAtTime extends CachePolicy {
  now(): number {
    return policyTime;
  }
}

/**
 * RFC 9111 freshness of a response as a private cache reads it, in seconds,
 * from http-cache-semantics. It is given only the directives Chromium would
 * read, and a 200 status: which statuses may be fresh is Chromium's rule.
 */
function rfcFreshness(stored: StoredResponse): number {
  const maxAge = directiveSeconds(stored.headers, 'max-age');
  const expires = timeValue(stored.headers, 'expires');
  const headers: Record<string, string> = {};
  if (maxAge !== undefined) headers['cache-control'] = `max-age=${maxAge}`;
  if (expires !== undefined)
    headers['expires'] = expires === -Infinity ? '0' : String(getHeader(stored.headers, 'expires'));
  for (const name of ['date', 'last-modified']) {
    const value = getHeader(stored.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  policyTime = stored.responseTime;
  const policy = new PolicyAtTime(
    { method: 'GET', headers: {} },
    { status: 200, headers },
    { shared: false, immutableMinTimeToLive: 0 },
  );
  return policy.maxAge();
}

/** How long a response is fresh, and how long after that it may be served while revalidating (ms). */
export interface Freshness {
  readonly lifetime: number;
  readonly staleWhileRevalidate: number;
}

// Stored headers never change in place, so their freshness is worked out once.
const known = new WeakMap<HeaderList, { status: number; responseTime: number; freshness: Freshness }>();

/** `GetFreshnessLifetimes`. */
export function freshness(stored: StoredResponse): Freshness {
  const seen = known.get(stored.headers);
  if (seen !== undefined && seen.status === stored.status && seen.responseTime === stored.responseTime)
    return seen.freshness;
  const result = computeFreshness(stored);
  known.set(stored.headers, { status: stored.status, responseTime: stored.responseTime, freshness: result });
  return result;
}

function computeFreshness(stored: StoredResponse): Freshness {
  const { headers, status } = stored;
  if (
    hasHeaderValue(headers, 'cache-control', 'no-cache') ||
    hasHeaderValue(headers, 'cache-control', 'no-store') ||
    hasHeaderValue(headers, 'pragma', 'no-cache')
  ) {
    return { lifetime: 0, staleWhileRevalidate: 0 };
  }
  const mustRevalidate = hasHeaderValue(headers, 'cache-control', 'must-revalidate');
  const staleWhileRevalidate = mustRevalidate
    ? 0
    : (directiveSeconds(headers, 'stale-while-revalidate') ?? 0) * 1000;
  const explicit =
    directiveSeconds(headers, 'max-age') !== undefined || timeValue(headers, 'expires') !== undefined;
  const heuristic =
    (status === 200 || status === 203 || status === 206) &&
    !mustRevalidate &&
    getHeader(headers, 'last-modified') !== undefined;
  if (explicit || heuristic) {
    const lifetime = rfcFreshness(stored) * 1000;
    if (explicit || lifetime > 0) return { lifetime, staleWhileRevalidate };
  }
  if (status === 300 || status === 301 || status === 308 || status === 410)
    return { lifetime: Infinity, staleWhileRevalidate: 0 };
  return { lifetime: 0, staleWhileRevalidate };
}

/** `GetCurrentAge` (ms): the corrected initial age plus the time spent in the cache. */
export function currentAge(stored: StoredResponse, now: number): number {
  const date = timeValue(stored.headers, 'date') ?? stored.responseTime;
  const apparentAge = Math.max(0, stored.responseTime - date);
  const correctedAge = (ageValue(stored.headers) ?? 0) * 1000 + (stored.responseTime - stored.requestTime);
  return Math.max(apparentAge, correctedAge) + (now - stored.responseTime);
}

/** `HttpResponseHeaders::RequiresValidation` at `now`. */
export function validationByHeaders(stored: StoredResponse, now: number): Validation {
  const { lifetime, staleWhileRevalidate } = freshness(stored);
  if (lifetime === 0 && staleWhileRevalidate === 0) return 'synchronous';
  const age = currentAge(stored, now);
  if (lifetime > age) return 'none';
  if (lifetime + staleWhileRevalidate > age) return 'asynchronous';
  return 'synchronous';
}

/** Whether a response may not be written (`ShouldDisableCaching`). */
export function forbidsStoring(headers: HeaderList): boolean {
  return hasHeaderValue(headers, 'cache-control', 'no-store');
}

const modeFlags: Record<CacheMode, Partial<LoadFlags>> = {
  default: {},
  'no-store': { disableCache: true },
  'no-cache': { validateCache: true },
  reload: { bypassCache: true },
  'force-cache': { skipValidation: true },
  'only-if-cached': { onlyFromCache: true, skipValidation: true },
};

/**
 * The load flags of a request: Electron's `cache` mode, then what the
 * request's own headers imply (`HttpCache::Transaction::SetRequest`). Of the
 * header rules the first that matches wins: `If-Match`, `If-Unmodified-Since`
 * or `If-Range` disable the cache, `no-cache` bypasses it, `max-age=0`
 * validates. A byte range also disables it: the fake keeps no partial entries.
 */
export function loadFlags(mode: CacheMode, headers: HeaderList): LoadFlags {
  const flags = { ...modeFlags[mode] };
  let passThrough = false;
  let forceFetch = false;
  let forceValidate = false;
  let range = false;
  const etags: string[] = [];
  const dates: string[] = [];
  for (const [name, value] of headers) {
    switch (name.toLowerCase()) {
      case 'if-unmodified-since':
      case 'if-match':
      case 'if-range':
        passThrough = true;
        break;
      case 'cache-control': {
        const items = splitItems(value).map((item) => item.toLowerCase());
        if (items.includes('no-cache')) forceFetch = true;
        else if (items.includes('max-age=0')) forceValidate = true;
        break;
      }
      case 'pragma':
        if (splitItems(value).some((item) => item.toLowerCase() === 'no-cache')) forceFetch = true;
        break;
      case 'if-none-match':
        etags.push(value.trim());
        break;
      case 'if-modified-since':
        dates.push(value.trim());
        break;
      case 'range':
        range = true;
        break;
    }
  }
  if (passThrough) flags.disableCache = true;
  else if (forceFetch) flags.bypassCache = true;
  else if (forceValidate) flags.validateCache = true;

  let externalValidation: LoadFlags['externalValidation'];
  if (etags.length > 0 || dates.length > 0) {
    // More than one, or an empty one: Chromium cannot tell what a 304 would answer.
    if (etags.length > 1 || dates.length > 1 || etags[0] === '' || dates[0] === '') flags.disableCache = true;
    externalValidation = {
      ...(etags[0] === undefined ? {} : { etag: etags[0] }),
      ...(dates[0] === undefined ? {} : { lastModified: dates[0] }),
    };
  }
  if (range) flags.disableCache = true;
  return {
    disableCache: flags.disableCache === true,
    bypassCache: flags.bypassCache === true,
    validateCache: flags.validateCache === true,
    skipValidation: flags.skipValidation === true,
    onlyFromCache: flags.onlyFromCache === true,
    externalValidation,
  };
}

/**
 * The request header values the response varies on, as one string
 * (`HttpVaryData`); an absent header counts as empty. `'*'` for `Vary: *`,
 * undefined without `Vary`.
 */
export function varyKey(requestHeaders: HeaderList, responseHeaders: HeaderList): string | undefined {
  const fields = headerValues(responseHeaders, 'vary');
  if (fields.length === 0) return undefined;
  if (fields.includes('*')) return '*';
  return fields.map((field) => `${getHeader(requestHeaders, field) ?? ''}\n`).join('');
}

/** `HttpVaryData::MatchesRequest`: one stored variant per key; `Vary: *` never matches. */
export function varyMatches(
  stored: { readonly headers: HeaderList; readonly vary: string | undefined },
  requestHeaders: HeaderList,
): boolean {
  if (stored.vary === undefined) return true;
  if (stored.vary === '*' || hasHeaderValue(stored.headers, 'vary', '*')) return false;
  return varyKey(requestHeaders, stored.headers) === stored.vary;
}

/**
 * `ConditionalizeRequest`: the validators to send for a stored 200 (its first
 * ETag, only from HTTP/1.1 on, and Last-Modified). After a `Vary` mismatch
 * only the ETag may be used. Undefined when the request cannot be made
 * conditional.
 */
export function validatorsFor(stored: StoredResponse, varyMismatch: boolean): [string, string][] | undefined {
  if (stored.status !== 200) return undefined;
  const etag =
    Number.parseFloat(stored.httpVersion) >= 1.1 ? headerValues(stored.headers, 'etag')[0] : undefined;
  const lastModified = varyMismatch ? undefined : getHeader(stored.headers, 'last-modified')?.trim();
  if (varyMismatch && etag === undefined) return undefined;
  const validators: [string, string][] = [];
  if (etag !== undefined && etag !== '') validators.push(['If-None-Match', etag]);
  if (lastModified !== undefined && lastModified !== '') validators.push(['If-Modified-Since', lastModified]);
  return validators.length === 0 ? undefined : validators;
}

/** `ExternallyConditionalizedValidationHeadersMatchEntry`: the caller's validators are the entry's. */
export function externalValidatorsMatch(
  stored: StoredResponse,
  external: NonNullable<LoadFlags['externalValidation']>,
): boolean {
  if (external.etag !== undefined && external.etag !== headerValues(stored.headers, 'etag')[0]) return false;
  return (
    external.lastModified === undefined ||
    external.lastModified === getHeader(stored.headers, 'last-modified')
  );
}

// PERSIST_SANS_COOKIES, _CHALLENGES, _HOP_BY_HOP, _RANGES and _SECURITY_STATE.
const transientHeaders = new Set([
  'set-cookie',
  'set-cookie2',
  'clear-site-data',
  'www-authenticate',
  'proxy-authenticate',
  'connection',
  'proxy-connection',
  'keep-alive',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-range',
  'strict-transport-security',
]);

/**
 * The headers a cache entry keeps (`HttpResponseInfo::Persist` with
 * transient headers skipped): no cookies, challenges, hop-by-hop or range
 * headers, no HSTS, and none a `no-cache="…"` directive names.
 */
export function persistedHeaders(headers: HeaderList): [string, string][] {
  const named = new Set<string>();
  for (const item of headerValues(headers, 'cache-control')) {
    const match = /^no-cache="(.*)"$/s.exec(item);
    if (match === null) continue;
    for (const field of (match[1] ?? '').split(',')) {
      const name = field.trim().toLowerCase();
      if (name !== '') named.add(name);
    }
  }
  return headers
    .filter(([name]) => !transientHeaders.has(name.toLowerCase()) && !named.has(name.toLowerCase()))
    .map(([name, value]): [string, string] => [name, value]);
}

// `kNonUpdatedHeaders` and `kNonUpdatedHeaderPrefixes`: never taken from a 304.
const notUpdated = new Set([
  'connection',
  'proxy-connection',
  'keep-alive',
  'www-authenticate',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-location',
  'content-md5',
  'etag',
  'content-encoding',
  'content-range',
  'content-type',
  'content-length',
  'x-frame-options',
  'x-xss-protection',
]);

/**
 * `HttpResponseHeaders::Update` after a 304: each header the 304 may update
 * replaces every stored header of its name; the 304's come first, then the
 * stored ones left.
 */
export function updatedHeaders(stored: HeaderList, notModified: HeaderList): [string, string][] {
  const replaced = new Set<string>();
  const merged: [string, string][] = [];
  for (const [name, value] of notModified) {
    const lower = name.toLowerCase();
    if (notUpdated.has(lower) || lower.startsWith('x-content-') || lower.startsWith('x-webkit-')) continue;
    replaced.add(lower);
    merged.push([name, value]);
  }
  for (const [name, value] of stored) if (!replaced.has(name.toLowerCase())) merged.push([name, value]);
  return merged;
}
