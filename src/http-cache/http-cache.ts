import path from 'node:path';
import type { Clock } from '../clock/clock';
import { NetError } from '../errors/net-error';
import type { Exchange, ExchangeResponse } from '../pipeline/exchange';
import type { Restart } from '../pipeline/stages/stage';
import { urlOf } from '../pipeline/exchange-url';
import type { Runtime } from '../runtime/runtime';
import type { HttpCacheLookup } from '../session/session-internals';
import type { OriginFilter } from '../session/storage-buckets';
import { BufferedBody, type HeaderList, type TransportResponse } from '../transports/transport';
import { cacheKey } from './cache-key';
import {
  externalValidatorsMatch,
  forbidsStoring,
  freshness,
  loadFlags,
  persistedHeaders,
  updatedHeaders,
  validationByHeaders,
  validatorsFor,
  varyKey,
  varyMatches,
  type LoadFlags,
  type Validation,
} from './cache-policy';
import type { CacheEntry, HttpCacheStore } from './cache-store';
import { DiskCacheStore } from './disk-cache-store';
import { MemoryCacheStore } from './memory-cache-store';

/** `HttpCache::Transaction::Mode`. */
type Mode = 'none' | 'read' | 'write' | 'read-write' | 'update';

/** A request the cache did not answer, on its way to the network. */
export interface CacheTransaction {
  /**
   * Sends the request (with the validators the cache adds, which webRequest
   * never sees) and turns the network's answer into the caller's: a 304 to a
   * validation becomes the stored response, a new response is written.
   */
  send(
    network: (validators: HeaderList) => Promise<TransportResponse>,
  ): Promise<{ response: TransportResponse; fromCache: boolean }>;
}

/** The cache's part in sending `exchange`, decided by its lookup; undefined when the cache has none. */
export function takeCacheTransaction(exchange: Exchange): CacheTransaction | undefined {
  const transaction = exchange.cacheTransaction;
  exchange.cacheTransaction = undefined;
  return transaction;
}

const writingMethods = new Set(['PUT', 'DELETE', 'PATCH']);

// A "non-error response": 2xx or 3xx.
function nonError(status: number): boolean {
  return status >= 200 && status < 400;
}

/**
 * A session's HTTP cache (Chromium `HttpCache` with its transactions) over a
 * store: the memory backend for in-memory partitions, the disk backend for
 * persistent ones.
 */
export class HttpCache implements HttpCacheLookup {
  readonly store: HttpCacheStore;
  readonly #clock: Clock;

  constructor(store: HttpCacheStore, clock: Clock) {
    this.store = store;
    this.#clock = clock;
  }

  /**
   * The cache stage: answers from the entry when it may (setting the
   * response and skipping the network), fails with ERR_CACHE_MISS when only
   * the cache may answer and cannot, or leaves a transaction for the network.
   */
  lookup(exchange: Exchange): void | Restart {
    const url = urlOf(exchange);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    const flags = loadFlags(exchange.cache, exchange.headers);
    const method = exchange.method;
    const key = cacheKey(url, exchange.urlChain[0] ?? exchange.url);
    const requestHeaders = exchange.headers.map(([name, value]): [string, string] => [name, value]);
    const request: RequestView = { method, url: exchange.url, key, requestHeaders, flags };
    let mode = initialMode(method, flags, exchange.body !== undefined);
    if (mode === 'none') {
      // A successful POST makes the stored GET of its URL stale (DoomMainEntryForUrl).
      if (method === 'POST' && !flags.disableCache) this.#expect(exchange, request, 'none', undefined, []);
      return;
    }
    if (mode === 'write') {
      this.store.doom(key);
      this.#expect(exchange, request, 'write', undefined, []);
      return;
    }
    // `MaybeRejectBasedOnEntryInMemoryData`: an entry known to be unusable is doomed unopened.
    if (mode === 'read-write' && !flags.skipValidation && this.store.unusable(key)) this.store.doom(key);
    const entry = this.store.open(key);
    if (entry === undefined) {
      if (mode === 'read') throw new NetError('ERR_CACHE_MISS');
      if (mode === 'read-write' && method === 'GET') this.#expect(exchange, request, 'write', undefined, []);
      return;
    }
    if (mode === 'update') {
      const external = flags.externalValidation;
      if (entry.status !== 200 || external === undefined || !externalValidatorsMatch(entry, external)) return;
      this.#expect(exchange, request, 'update', entry, []);
      return;
    }
    const { validation, varyMismatch } = this.#validation(entry, request);
    if (validation === 'none') {
      exchange.response = fromEntry(entry, entry.headers, method);
      return { restartAt: 'webRequest.onHeadersReceived' };
    }
    if (mode === 'read') throw new NetError('ERR_CACHE_MISS');
    const validators = writingMethods.has(method) ? undefined : validatorsFor(entry, varyMismatch);
    // A request that cannot be made conditional fetches anew and overwrites.
    mode = validators === undefined ? 'write' : 'read-write';
    this.#expect(exchange, request, mode, entry, validators ?? []);
  }

  size(): number {
    return this.store.size();
  }

  flush(): void {
    this.store.flush();
  }

  clear(filter?: OriginFilter): void {
    if (filter === undefined || filter.mode === 'all') {
      this.store.clear();
      return;
    }
    this.store.clear((url) => filter.origins.has(new URL(url).origin) === (filter.mode === 'only'));
  }

  /** `RequiresValidation`; main-process requests cannot revalidate in the background. */
  #validation(entry: CacheEntry, request: RequestView): { validation: Validation; varyMismatch: boolean } {
    if (!varyMatches(entry, request.requestHeaders)) return { validation: 'synchronous', varyMismatch: true };
    const { flags, method } = request;
    if (flags.skipValidation) return { validation: 'none', varyMismatch: false };
    if (flags.validateCache || writingMethods.has(method))
      return { validation: 'synchronous', varyMismatch: false };
    const validation = validationByHeaders(entry, this.#clock.now());
    return { validation: validation === 'none' ? 'none' : 'synchronous', varyMismatch: false };
  }

  #expect(
    exchange: Exchange,
    request: RequestView,
    mode: Mode,
    entry: CacheEntry | undefined,
    validators: HeaderList,
  ): void {
    exchange.cacheTransaction = {
      send: async (network) => {
        const requestTime = this.#clock.now();
        const response = await network(validators);
        return this.#respond(request, mode, entry, validators.length > 0, {
          response,
          requestTime,
          responseTime: this.#clock.now(),
        });
      },
    };
  }

  /** `DoSuccessfulSendRequest` onwards: what the network's answer does to the entry. */
  async #respond(
    request: RequestView,
    mode: Mode,
    entry: CacheEntry | undefined,
    conditional: boolean,
    answer: { response: TransportResponse; requestTime: number; responseTime: number },
  ): Promise<{ response: TransportResponse; fromCache: boolean }> {
    const { response } = answer;
    const { method, key } = request;
    const store = this.store;
    const plain = { response, fromCache: false };
    if (nonError(response.status)) {
      if (method === 'POST') store.doom(cacheKey(new URL(request.url), request.url));
      if (writingMethods.has(method) && entry !== undefined) store.doom(key);
    }
    if (mode === 'none' || writingMethods.has(method)) return plain;
    // An auth challenge is handed to the caller; the stored entry stays as it was.
    if (response.status === 401 || response.status === 407) return plain;
    if (entry !== undefined && response.status === 304 && (conditional || mode === 'update')) {
      const served = updatedHeaders(entry.headers, response.headers);
      const updated: CacheEntry = {
        ...entry,
        headers: persistedHeaders(served),
        requestTime: answer.requestTime,
        responseTime: answer.responseTime,
        vary: varyKey(request.requestHeaders, served),
      };
      if (forbidsStoring(served)) store.doom(key);
      else store.write(updated, unusable(updated));
      if (response.body !== null) for await (const chunk of response.body) void chunk;
      if (mode === 'update') return { response: withStoredCorp(response, entry), fromCache: false };
      return { response: { ...response, ...storedAnswer(entry, served, method) }, fromCache: true };
    }
    // The network's answer replaces the entry. A HEAD is never stored by itself,
    // and the fake keeps no partial (206) entries.
    if (method === 'HEAD' || response.status === 206 || response.status === 416) {
      if (method === 'HEAD' && entry !== undefined) store.doom(key);
      return plain;
    }
    store.doom(key);
    if (forbidsStoring(response.headers)) return plain;
    const commit = (body: Uint8Array): void => {
      const stored: CacheEntry = {
        key,
        url: request.url,
        status: response.status,
        statusText: response.statusText,
        httpVersion: response.httpVersion,
        headers: persistedHeaders(response.headers),
        body,
        requestTime: answer.requestTime,
        responseTime: answer.responseTime,
        vary: varyKey(request.requestHeaders, response.headers),
        remoteAddress: response.remoteAddress,
      };
      store.write(stored, unusable(stored));
    };
    return {
      response: { ...response, body: storingBody(response.body, store.maxSize / 8, commit) },
      fromCache: false,
    };
  }
}

interface RequestView {
  readonly method: string;
  readonly url: string;
  readonly key: string;
  readonly requestHeaders: HeaderList;
  readonly flags: LoadFlags;
}

/** `ComputeUnusablePerCachingHeaders`: no validator to send and no freshness to wait out. */
function unusable(entry: CacheEntry): boolean {
  return validatorsFor(entry, false) === undefined && freshness(entry).lifetime === 0;
}

/** `ShouldPassThrough` and the mode choice of `DoGetBackendComplete`; `'miss'` is ERR_CACHE_MISS. */
function initialMode(method: string, flags: LoadFlags, hasBody: boolean): Mode {
  const usesCache =
    !flags.disableCache &&
    (method === 'GET' ||
      method === 'HEAD' ||
      (method === 'PUT' && hasBody) ||
      method === 'DELETE' ||
      method === 'PATCH');
  let mode: Mode = 'none';
  if (usesCache) {
    if (flags.onlyFromCache) {
      if (flags.bypassCache) throw new NetError('ERR_CACHE_MISS');
      mode = 'read';
    } else mode = flags.bypassCache ? 'write' : 'read-write';
    if (flags.externalValidation !== undefined) mode = mode === 'read' ? 'none' : 'update';
  }
  if (writingMethods.has(method) && mode !== 'read-write' && mode !== 'write') mode = 'none';
  if (method === 'HEAD' && mode === 'write') mode = 'none';
  if (flags.onlyFromCache && mode !== 'read') throw new NetError('ERR_CACHE_MISS');
  return mode;
}

/** The stored response as the pipeline hands it on (`fromCache: true`). */
function fromEntry(entry: CacheEntry, headers: HeaderList, method: string): ExchangeResponse {
  return {
    statusCode: entry.status,
    statusMessage: entry.statusText,
    httpVersion: entry.httpVersion,
    headers: headers.map(([name, value]): [string, string] => [name, value]),
    body: method === 'HEAD' ? null : new BufferedBody(entry.body),
    fromCache: true,
    remoteAddress: entry.remoteAddress,
  };
}

/** The stored response in place of the 304 that validated it. */
function storedAnswer(entry: CacheEntry, headers: HeaderList, method: string): TransportResponse {
  const { statusCode, statusMessage, httpVersion, body, remoteAddress } = fromEntry(entry, headers, method);
  return {
    status: statusCode,
    statusText: statusMessage,
    httpVersion,
    headers,
    body,
    ...(remoteAddress === undefined ? {} : { remoteAddress }),
  };
}

// `UpdateSecurityHeadersBeforeForwarding`: a 304 passed to the caller keeps the stored CORP.
function withStoredCorp(response: TransportResponse, entry: CacheEntry): TransportResponse {
  const corp = entry.headers.find(([name]) => name.toLowerCase() === 'cross-origin-resource-policy');
  if (corp === undefined) return response;
  const headers = response.headers.filter(([name]) => name.toLowerCase() !== 'cross-origin-resource-policy');
  return { ...response, headers: [...headers, corp] };
}

/** Passes the body through and writes the entry once it was read to its end. */
function storingBody(
  body: AsyncIterable<Uint8Array> | null,
  limit: number,
  commit: (body: Uint8Array) => void,
): AsyncIterable<Uint8Array> | null {
  if (body === null) {
    commit(new Uint8Array(0));
    return null;
  }
  if (body instanceof BufferedBody) {
    if (body.bytes.byteLength <= limit) commit(body.bytes);
    return body;
  }
  return {
    [Symbol.asyncIterator]() {
      const source = body[Symbol.asyncIterator]();
      const chunks: Uint8Array[] = [];
      let size = 0;
      return {
        async next() {
          const next = await source.next();
          if (next.done === true) {
            if (size <= limit) commit(Buffer.concat(chunks));
            return next;
          }
          size += next.value.byteLength;
          // Past the largest entry the store takes, nothing more is kept.
          if (size <= limit) chunks.push(next.value);
          return next;
        },
        async return(value?: unknown) {
          await source.return?.(value);
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/** The session's cache: on disk under `<session>/Cache/Cache_Data` when persistent, else in memory. */
export function createHttpCache(runtime: Runtime, storagePath: string | null): HttpCache {
  const store =
    storagePath === null
      ? new MemoryCacheStore(runtime.memoryCacheSize)
      : new DiskCacheStore(
          runtime.fs,
          path.join(storagePath, 'Cache', 'Cache_Data'),
          runtime.diskCacheSize,
          runtime.clock,
        );
  return new HttpCache(store, runtime.clock);
}
