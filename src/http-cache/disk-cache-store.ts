import path from 'node:path';
import { createHash } from 'node:crypto';
import { postTask, type Clock, type TimerHandle } from '../clock/clock';
import type { FakeFileSystem } from '../runtime/file-system';
import { diskEntrySize, type CacheEntry, type HttpCacheStore } from './cache-store';

interface IndexEntry {
  readonly key: string;
  readonly file: string;
  readonly size: number;
  /** `HINT_UNUSABLE_PER_CACHING_HEADERS`. */
  readonly unusable?: boolean;
}

type StoredMetadata = Omit<CacheEntry, 'body'>;

// `kWriteToDiskDelayMSecs`: the index is written this long after the last change.
export const indexWriteDelayMs = 20_000;

/**
 * Chromium's disk cache (SimpleCache) for persistent sessions, kept on the
 * fake's file system under `<session>/Cache/Cache_Data`: one file per entry,
 * named after its key's hash as Chromium names them, written on the task
 * after it is stored (SimpleCache writes on a worker thread), and an index
 * of keys, sizes and use order, written 20 s (of the clock) after the last
 * change and on a clean quit. Entry files the index
 * does not list are found again on load. Its size is the index's sum of
 * per-entry estimates, each rounded up to 256 bytes. Past 95 % of the limit,
 * least recently used entries go until it is at 90 %. The files are the
 * fake's own format, not SimpleCache's.
 */
export class DiskCacheStore implements HttpCacheStore {
  readonly maxSize: number;
  readonly #fs: FakeFileSystem;
  readonly #dir: string;
  readonly #clock: Clock | undefined;
  // Insertion order is use order: the first entry is the least recently used.
  readonly #index = new Map<string, IndexEntry>();
  #size = 0;
  #dirReady = false;
  #indexTimer: TimerHandle | undefined;
  #indexDueAt = 0;
  /** Files of doomed entries, deleted with the next index write unless a new entry takes the name first. */
  readonly #doomed = new Set<string>();
  /** Entries stored but not on disk yet, by file: SimpleCache writes them on its worker thread, a task later. */
  readonly #unwritten = new Map<string, CacheEntry>();
  #entryWritePosted = false;

  constructor(fs: FakeFileSystem, dir: string, maxSize: number, clock?: Clock) {
    this.#fs = fs;
    this.#dir = dir;
    this.maxSize = maxSize;
    this.#clock = clock;
    this.#load();
  }

  open(key: string): CacheEntry | undefined {
    const indexed = this.#index.get(key);
    if (indexed === undefined) return undefined;
    const entry = this.#read(indexed.file);
    if (entry?.key !== key) {
      this.doom(key);
      return undefined;
    }
    this.#index.delete(key);
    this.#index.set(key, indexed);
    this.#changed();
    return entry;
  }

  write(entry: CacheEntry, unusable = false): boolean {
    const file = `${entryHash(entry.key)}_0`;
    this.#drop(entry.key);
    const size = diskEntrySize(entry);
    if (size > this.maxSize / 8) {
      this.#unwritten.delete(file);
      this.#doomed.add(file);
      this.#changed();
      return false;
    }
    this.#doomed.delete(file);
    if (this.#clock === undefined) this.#writeEntry(file, entry);
    else {
      this.#unwritten.set(file, entry);
      this.#postEntryWrites();
    }
    this.#index.set(entry.key, { key: entry.key, file, size, ...(unusable ? { unusable } : {}) });
    this.#size += size;
    this.#evictIfNeeded(entry.key);
    this.#changed();
    return this.#index.has(entry.key);
  }

  doom(key: string): void {
    if (this.#remove(key)) this.#changed();
  }

  clear(matches?: (url: string) => boolean): void {
    for (const indexed of [...this.#index.values()]) {
      const entry = matches === undefined ? undefined : this.#read(indexed.file);
      if (matches === undefined || entry === undefined || matches(entry.url)) this.#remove(indexed.key);
    }
    this.#changed();
  }

  size(): number {
    return this.#size;
  }

  unusable(key: string): boolean {
    return this.#index.get(key)?.unusable === true;
  }

  keys(): string[] {
    return [...this.#index.keys()];
  }

  /** Writes the index now (`SimpleIndex::WriteToDisk` on a clean quit). */
  flush(): void {
    this.#writeEntries();
    if (this.#indexTimer === undefined) return;
    this.#clock?.clearTimeout(this.#indexTimer);
    this.#indexTimer = undefined;
    this.#writeIndex();
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

  /** Takes an entry out of the index, leaving its file to be overwritten. */
  #drop(key: string): IndexEntry | undefined {
    const indexed = this.#index.get(key);
    if (indexed === undefined) return undefined;
    this.#index.delete(key);
    this.#size -= indexed.size;
    return indexed;
  }

  // SimpleCache deletes a doomed entry's files on its worker thread, later; a
  // stale entry is usually doomed just before its replacement is written under
  // the same name, so the delete waits for the index write and is often moot.
  #remove(key: string): boolean {
    const indexed = this.#drop(key);
    if (indexed === undefined) return false;
    this.#unwritten.delete(indexed.file);
    this.#doomed.add(indexed.file);
    return true;
  }

  // Entries stored within one task are written together on the next, and one
  // stored then doomed or replaced before that is written once or not at all.
  #postEntryWrites(): void {
    if (this.#entryWritePosted) return;
    this.#entryWritePosted = true;
    postTask(() => {
      this.#entryWritePosted = false;
      this.#writeEntries();
    });
  }

  #writeEntries(): void {
    for (const [file, entry] of this.#unwritten) this.#writeEntry(file, entry);
    this.#unwritten.clear();
  }

  #writeEntry(file: string, entry: CacheEntry): void {
    const { body, ...metadata } = entry;
    const json = Buffer.from(JSON.stringify(metadata satisfies StoredMetadata));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.byteLength);
    this.#writeFile(file, Buffer.concat([length, json, body]));
  }

  #changed(): void {
    const clock = this.#clock;
    if (clock === undefined) {
      this.#writeIndex();
      return;
    }
    // One timer, moved on when it fires early, rather than one timer per change.
    this.#indexDueAt = clock.now() + indexWriteDelayMs;
    if (this.#indexTimer === undefined) this.#scheduleIndexWrite(clock, indexWriteDelayMs);
  }

  #scheduleIndexWrite(clock: Clock, delay: number): void {
    this.#indexTimer = clock.setTimeout(() => {
      this.#indexTimer = undefined;
      const left = this.#indexDueAt - clock.now();
      if (left > 0) this.#scheduleIndexWrite(clock, left);
      else this.#writeIndex();
    }, delay);
    // A pending index write must not keep a test runner's process alive.
    (this.#indexTimer as { unref?: () => void }).unref?.();
  }

  #read(file: string): CacheEntry | undefined {
    const unwritten = this.#unwritten.get(file);
    if (unwritten !== undefined) return unwritten;
    try {
      const data = this.#fs.readFileSync(path.join(this.#dir, file));
      const length = data.readUInt32LE(0);
      const metadata = JSON.parse(data.subarray(4, 4 + length).toString('utf8')) as StoredMetadata;
      return { ...metadata, body: new Uint8Array(data.subarray(4 + length)) };
    } catch {
      return undefined;
    }
  }

  #load(): void {
    let files: string[];
    try {
      files = (this.#fs.readdirSync(this.#dir) as string[]).filter((name) => name.endsWith('_0'));
      this.#dirReady = true;
    } catch {
      return;
    }
    let listed: IndexEntry[] = [];
    try {
      const parsed = JSON.parse(this.#fs.readFileSync(this.#indexFile(), 'utf8')) as {
        entries?: IndexEntry[];
      };
      listed = Array.isArray(parsed.entries) ? parsed.entries : [];
    } catch {
      // No index yet, or a broken one: the entry files say what is there.
    }
    const present = new Set(files);
    for (const indexed of listed) {
      if (!present.has(indexed.file)) continue;
      present.delete(indexed.file);
      this.#index.set(indexed.key, indexed);
      this.#size += indexed.size;
    }
    for (const file of present) {
      const entry = this.#read(file);
      if (entry === undefined) continue;
      const size = diskEntrySize(entry);
      this.#index.set(entry.key, { key: entry.key, file, size });
      this.#size += size;
    }
  }

  #writeIndex(): void {
    this.#writeEntries();
    for (const file of this.#doomed) this.#fs.rmSync(path.join(this.#dir, file), { force: true });
    this.#doomed.clear();
    this.#writeFile('index', `${JSON.stringify({ version: 1, entries: [...this.#index.values()] })}\n`);
  }

  #writeFile(name: string, data: string | Uint8Array): void {
    const file = path.join(this.#dir, name);
    if (this.#dirReady) {
      try {
        this.#fs.writeFileSync(file, data);
        return;
      } catch {
        // The directory went away under the cache: make it again.
      }
    }
    this.#fs.mkdirSync(this.#dir, { recursive: true });
    this.#dirReady = true;
    this.#fs.writeFileSync(file, data);
  }

  #indexFile(): string {
    return path.join(this.#dir, 'index');
  }
}

const hashes = new Map<string, string>();

/** SimpleCache's entry hash: the first 8 bytes of the key's SHA-1, little-endian, in hex. */
function entryHash(key: string): string {
  let hash = hashes.get(key);
  if (hash === undefined) {
    hash = createHash('sha1').update(key).digest().readBigUInt64LE(0).toString(16).padStart(16, '0');
    if (hashes.size >= 10_000) hashes.clear();
    hashes.set(key, hash);
  }
  return hash;
}
