import path from 'node:path';
import { createHash } from 'node:crypto';
import type { FakeFileSystem } from '../runtime/file-system';
import { diskEntrySize, type CacheEntry, type HttpCacheStore } from './cache-store';

interface IndexEntry {
  readonly key: string;
  readonly file: string;
  readonly size: number;
}

type StoredMetadata = Omit<CacheEntry, 'body'>;

/**
 * Chromium's disk cache (SimpleCache) for persistent sessions, kept on the
 * fake's file system under `<session>/Cache/Cache_Data`: one file per entry,
 * named after its key's hash as Chromium names them, and an index of keys,
 * sizes and use order. Its size is the index's sum of per-entry estimates,
 * each rounded up to 256 bytes. Past 95 % of the limit, least recently used
 * entries go until it is at 90 %. The files are the fake's own format, not
 * SimpleCache's.
 */
export class DiskCacheStore implements HttpCacheStore {
  readonly maxSize: number;
  readonly #fs: FakeFileSystem;
  readonly #dir: string;
  // Insertion order is use order: the first entry is the least recently used.
  readonly #index = new Map<string, IndexEntry>();
  #size = 0;

  constructor(fs: FakeFileSystem, dir: string, maxSize: number) {
    this.#fs = fs;
    this.#dir = dir;
    this.maxSize = maxSize;
    this.#load();
  }

  open(key: string): CacheEntry | undefined {
    const indexed = this.#index.get(key);
    if (indexed === undefined) return undefined;
    const entry = this.#read(indexed);
    if (entry === undefined) {
      this.doom(key);
      return undefined;
    }
    this.#index.delete(key);
    this.#index.set(key, indexed);
    this.#saveIndex();
    return entry;
  }

  write(entry: CacheEntry): boolean {
    this.#remove(entry.key);
    const size = diskEntrySize(entry);
    if (size > this.maxSize / 8) {
      this.#saveIndex();
      return false;
    }
    const file = `${entryHash(entry.key)}_0`;
    const { body, ...metadata } = entry;
    const json = Buffer.from(JSON.stringify(metadata satisfies StoredMetadata));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.byteLength);
    this.#fs.mkdirSync(this.#dir, { recursive: true });
    this.#fs.writeFileSync(path.join(this.#dir, file), Buffer.concat([length, json, body]));
    this.#index.set(entry.key, { key: entry.key, file, size });
    this.#size += size;
    this.#evictIfNeeded(entry.key);
    this.#saveIndex();
    return this.#index.has(entry.key);
  }

  doom(key: string): void {
    if (this.#remove(key)) this.#saveIndex();
  }

  clear(matches?: (url: string) => boolean): void {
    for (const indexed of [...this.#index.values()]) {
      const entry = matches === undefined ? undefined : this.#read(indexed);
      if (matches === undefined || entry === undefined || matches(entry.url)) this.#remove(indexed.key);
    }
    this.#saveIndex();
  }

  size(): number {
    return this.#size;
  }

  keys(): string[] {
    return [...this.#index.keys()];
  }

  // SimpleIndex: evict from the high watermark (limit - limit/20) down to the low one (limit - limit/10).
  #evictIfNeeded(writing: string): void {
    const margin = Math.floor(this.maxSize / 20);
    if (this.#size <= this.maxSize - margin) return;
    for (const key of [...this.#index.keys()]) {
      if (this.#size <= this.maxSize - 2 * margin) return;
      if (key !== writing) this.#remove(key);
    }
  }

  #remove(key: string): boolean {
    const indexed = this.#index.get(key);
    if (indexed === undefined) return false;
    this.#index.delete(key);
    this.#size -= indexed.size;
    this.#fs.rmSync(path.join(this.#dir, indexed.file), { force: true });
    return true;
  }

  #read(indexed: IndexEntry): CacheEntry | undefined {
    try {
      const data = this.#fs.readFileSync(path.join(this.#dir, indexed.file));
      const length = data.readUInt32LE(0);
      const metadata = JSON.parse(data.subarray(4, 4 + length).toString('utf8')) as StoredMetadata;
      if (metadata.key !== indexed.key) return undefined;
      return { ...metadata, body: new Uint8Array(data.subarray(4 + length)) };
    } catch {
      return undefined;
    }
  }

  #load(): void {
    let entries: IndexEntry[];
    try {
      const parsed = JSON.parse(this.#fs.readFileSync(this.#indexFile(), 'utf8')) as {
        entries?: IndexEntry[];
      };
      entries = Array.isArray(parsed.entries) ? parsed.entries : [];
    } catch {
      return;
    }
    for (const indexed of entries) {
      if (!this.#fs.existsSync(path.join(this.#dir, indexed.file))) continue;
      this.#index.set(indexed.key, indexed);
      this.#size += indexed.size;
    }
  }

  #saveIndex(): void {
    this.#fs.mkdirSync(this.#dir, { recursive: true });
    this.#fs.writeFileSync(
      this.#indexFile(),
      `${JSON.stringify({ version: 1, entries: [...this.#index.values()] })}\n`,
    );
  }

  #indexFile(): string {
    return path.join(this.#dir, 'index');
  }
}

/** SimpleCache's entry hash: the first 8 bytes of the key's SHA-1, little-endian, in hex. */
function entryHash(key: string): string {
  const digest = createHash('sha1').update(key).digest();
  return digest.readBigUInt64LE(0).toString(16).padStart(16, '0');
}
