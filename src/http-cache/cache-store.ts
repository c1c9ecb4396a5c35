import type { HeaderList } from '../transports/transport';
import type { StoredResponse } from './cache-policy';

/** One cached response: Chromium keeps one entry per key, the newest response replacing the last. */
export interface CacheEntry extends StoredResponse {
  readonly key: string;
  /** The URL the response answered, for clearing by origin. */
  readonly url: string;
  readonly statusText: string;
  /** The headers as stored (transient ones already dropped). */
  readonly headers: HeaderList;
  readonly body: Uint8Array;
  /** The request header values named by `Vary` (see `varyKey`), or undefined without `Vary`. */
  readonly vary: string | undefined;
  readonly remoteAddress: string | undefined;
}

/**
 * Where a session's HTTP cache keeps its entries: in memory for in-memory
 * partitions, on the fake's file system for persistent ones. Every store
 * evicts the least recently used entries past its limit and refuses an entry
 * larger than an eighth of it, as Chromium's backends do.
 */
export interface HttpCacheStore {
  /** The limit in bytes, as counted by {@link HttpCacheStore.size}. */
  readonly maxSize: number;
  /** Opens an entry, which makes it the most recently used. */
  open(key: string): CacheEntry | undefined;
  /**
   * Writes an entry in place of any with its key; false when the store
   * refused it. `unusable` is the cache's hint that the entry can never be
   * reused as it is (no freshness, no validators).
   */
  write(entry: CacheEntry, unusable?: boolean): boolean;
  /**
   * Whether the store holds the hint that the entry of `key` is unusable
   * (`GetEntryInMemoryData`), known without opening it. Only SimpleCache
   * keeps such hints.
   */
  unusable(key: string): boolean;
  /** Removes the entry of a key, if any. */
  doom(key: string): void;
  /** Removes every entry, or those whose URL `matches`. */
  clear(matches?: (url: string) => boolean): void;
  /** The backend's own byte count (`getCacheSize`). */
  size(): number;
  /** Keys from the least to the most recently used. */
  keys(): string[];
  /** Writes what the store keeps only in memory, on a clean quit. */
  flush(): void;
}

/** Pickle fields are 4-byte aligned. */
function aligned(length: number): number {
  return Math.ceil(length / 4) * 4;
}

/** The header block as `HttpResponseHeaders` stores it: NUL after the status line and each header, one more at the end. */
export function rawHeaderBlock(
  entry: Pick<CacheEntry, 'httpVersion' | 'status' | 'statusText' | 'headers'>,
): string {
  const version = entry.httpVersion === '2' || entry.httpVersion === '2.0' ? '2.0' : entry.httpVersion;
  let block = `HTTP/${version} ${entry.status}${entry.statusText === '' ? '' : ` ${entry.statusText}`}\0`;
  for (const [name, value] of entry.headers) block += `${name}: ${value}\0`;
  return `${block}\0`;
}

/**
 * Stream 0 of an entry: the size of Chromium's serialized `HttpResponseInfo`
 * (`MakePickle`) for a response over a direct, unencrypted connection. The
 * pickle's 4-byte header, flags and extra flags (8), request, response and
 * original response times (24), the header block (length + bytes, aligned),
 * 16 bytes of `Vary` digest when the response varies, the remote address
 * (length + bytes, aligned) and port (4), the connection info (4) and the
 * empty proxy chain (8). TLS certificates are not counted.
 */
export function responseInfoSize(entry: CacheEntry): number {
  const headers = Buffer.byteLength(rawHeaderBlock(entry));
  const address = Buffer.byteLength(entry.remoteAddress ?? '');
  return (
    4 + 8 + 24 + 4 + aligned(headers) + (entry.vary === undefined ? 0 : 16) + 4 + aligned(address) + 4 + 4 + 8
  );
}

/** In memory (`MemEntryImpl::GetStorageSize`): the key plus every stream; there is no stream 2 here. */
export function memoryEntrySize(entry: CacheEntry): number {
  return Buffer.byteLength(entry.key) + responseInfoSize(entry) + entry.body.byteLength;
}

// `sizeof(SimpleFileHeader)` and `sizeof(SimpleFileEOF)`.
const simpleFileHeader = 24;
const simpleFileEof = 24;

/**
 * On disk (`SimpleEntryImpl::GetDiskUsage`, kept by the index in 256-byte
 * units): for each of the three streams, the file size Chromium estimates
 * from it (header, key, data, end-of-file record), rounded up to 256 bytes.
 */
export function diskEntrySize(entry: CacheEntry): number {
  const perStream = simpleFileHeader + Buffer.byteLength(entry.key) + simpleFileEof;
  const usage = responseInfoSize(entry) + entry.body.byteLength + 0 + 3 * perStream;
  return Math.ceil(usage / 256) * 256;
}
