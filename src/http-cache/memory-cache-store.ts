import { memoryEntrySize, responseInfoSize, type CacheEntry, type HttpCacheStore } from './cache-store';

// `kDefaultEvictionSize`: an overflow evicts down to this much below the limit.
const evictionMargin = 1024 * 1024;

/**
 * Chromium's in-memory cache backend (`MemBackendImpl`), used by in-memory
 * partitions: its size is the sum of every entry's key and streams; past the
 * limit, least recently used entries go until it is 1 MiB under the limit; a
 * stream larger than an eighth of the limit cannot be written.
 */
export class MemoryCacheStore implements HttpCacheStore {
  readonly maxSize: number;
  // Insertion order is use order: the first entry is the least recently used.
  readonly #entries = new Map<string, { entry: CacheEntry; size: number }>();
  #size = 0;

  constructor(maxSize: number) {
    this.maxSize = maxSize;
  }

  open(key: string): CacheEntry | undefined {
    const stored = this.#entries.get(key);
    if (stored === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, stored);
    return stored.entry;
  }

  write(entry: CacheEntry): boolean {
    this.doom(entry.key);
    const largest = this.maxSize / 8;
    if (entry.body.byteLength > largest || responseInfoSize(entry) > largest) return false;
    const size = memoryEntrySize(entry);
    this.#entries.set(entry.key, { entry, size });
    this.#size += size;
    if (this.#size <= this.maxSize) return true;
    const target = Math.max(0, this.maxSize - evictionMargin);
    for (const [key] of this.#entries) {
      if (this.#size <= target) break;
      // The entry being written is in use and cannot be evicted.
      if (key !== entry.key) this.doom(key);
    }
    if (this.#size <= this.maxSize) return true;
    this.doom(entry.key);
    return false;
  }

  doom(key: string): void {
    const stored = this.#entries.get(key);
    if (stored === undefined) return;
    this.#entries.delete(key);
    this.#size -= stored.size;
  }

  clear(matches?: (url: string) => boolean): void {
    for (const [key, { entry }] of [...this.#entries])
      if (matches === undefined || matches(entry.url)) this.doom(key);
  }

  size(): number {
    return this.#size;
  }

  keys(): string[] {
    return [...this.#entries.keys()];
  }

  unusable(_key: string): boolean {
    return false;
  }

  flush(): void {
    // Nothing outlives the process.
  }
}
