import path from 'node:path';
import type { FakeFileSystem } from '../runtime/file-system';
import { serializeOrigin } from './origin';

/**
 * Per-origin web storage a page would have written, by Chromium's
 * `BrowsingDataRemover` data-type names. Cookies and the HTTP cache are not
 * here: they have their own stores (`ses.cookies`, the cache).
 */
export const storageTypes = [
  'localStorage',
  'indexedDB',
  'fileSystems',
  'serviceWorkers',
  'cacheStorage',
  'shaderCache',
  'backgroundFetch',
  'downloads',
] as const;
export type StorageType = (typeof storageTypes)[number];

/** The file a persistent session's buckets are saved in, inside its storage path. */
export const storageFileName = 'Fake Storage.json';

/** `{ [origin]: { [type]: { [key]: value } } }`: a plain copy of every bucket. */
export type StorageSnapshot = Record<string, Partial<Record<StorageType, Record<string, string>>>>;

/** Which origins a clear touches: all, the listed ones, or all but the listed ones. */
export type OriginFilter =
  | { readonly mode: 'all' }
  | { readonly mode: 'only'; readonly origins: ReadonlySet<string> }
  | { readonly mode: 'except'; readonly origins: ReadonlySet<string> };

export function isStorageType(value: string): value is StorageType {
  return (storageTypes as readonly string[]).includes(value);
}

/**
 * A session's per-origin storage buckets: origin → storage type → key → value.
 * Tests seed and read them through `fake.storage(session)`; `clearStorageData`
 * and `clearData` empty them. A persistent session keeps them in
 * `<storagePath>/Fake Storage.json`: written by `flushStorageData()`, by every
 * clear, and when the app quits (`fake.restart()`), and read back when the
 * session is created again, the way Chromium's LevelDB-backed stores behave
 * across a restart.
 */
export class StorageBuckets {
  readonly #data = new Map<string, Map<StorageType, Map<string, string>>>();
  readonly #fs: FakeFileSystem;
  readonly #file: string | undefined;
  #dirty = false;

  constructor(fs: FakeFileSystem, storagePath: string | null) {
    this.#fs = fs;
    this.#file = storagePath === null ? undefined : path.join(storagePath, storageFileName);
    this.#load();
  }

  /** Normalises `origin` to Chromium's serialisation; throws for opaque origins. */
  static origin(origin: string): string {
    const serialized = serializeOrigin(origin);
    if (serialized === undefined) {
      throw new TypeError(
        `Failed to use storage origin '${origin}': it is opaque or not a URL. Pass an origin such as 'https://example.com'.`,
      );
    }
    return serialized;
  }

  set(origin: string, type: StorageType, key: string, value: string): void {
    this.#put(StorageBuckets.origin(origin), type, key, value);
    this.#dirty = true;
  }

  get(origin: string, type: StorageType, key: string): string | undefined {
    return this.#bucketsOf(StorageBuckets.origin(origin), false)?.get(type)?.get(key);
  }

  delete(origin: string, type: StorageType, key: string): boolean {
    const removed = this.#bucketsOf(StorageBuckets.origin(origin), false)?.get(type)?.delete(key) ?? false;
    if (removed) {
      this.#prune();
      this.#dirty = true;
    }
    return removed;
  }

  /** A plain copy of one bucket (`{}` when empty). */
  entries(origin: string, type: StorageType): Record<string, string> {
    return Object.fromEntries(this.#bucketsOf(StorageBuckets.origin(origin), false)?.get(type) ?? []);
  }

  /** Origins holding data, optionally of one type, sorted. */
  origins(type?: StorageType): string[] {
    return [...this.#data.entries()]
      .filter(([, byType]) => type === undefined || (byType.get(type)?.size ?? 0) > 0)
      .map(([origin]) => origin)
      .sort();
  }

  snapshot(): StorageSnapshot {
    const out: StorageSnapshot = {};
    for (const origin of [...this.#data.keys()].sort()) {
      const byType = this.#data.get(origin);
      if (byType === undefined) continue;
      const entry: Partial<Record<StorageType, Record<string, string>>> = {};
      for (const type of storageTypes) {
        const bucket = byType.get(type);
        if (bucket !== undefined && bucket.size > 0) entry[type] = Object.fromEntries(bucket);
      }
      out[origin] = entry;
    }
    return out;
  }

  /** Empties the buckets of `types` for the origins `filter` selects, then saves. */
  clear(types: ReadonlySet<StorageType>, filter: OriginFilter): void {
    if (types.size === 0) return;
    for (const [origin, byType] of this.#data) {
      if (!matches(filter, origin)) continue;
      for (const type of types) byType.delete(type);
    }
    this.#prune();
    this.#dirty = true;
    this.flush();
  }

  /** Writes unsaved changes of a persistent session to disk (`flushStorageData`). */
  flush(): void {
    if (this.#file === undefined || !this.#dirty) return;
    this.#fs.mkdirSync(path.dirname(this.#file), { recursive: true });
    this.#fs.writeFileSync(this.#file, `${JSON.stringify(this.snapshot(), null, 2)}\n`);
    this.#dirty = false;
  }

  #bucketsOf(origin: string, create: true): Map<StorageType, Map<string, string>>;
  #bucketsOf(origin: string, create: false): Map<StorageType, Map<string, string>> | undefined;
  #bucketsOf(origin: string, create: boolean): Map<StorageType, Map<string, string>> | undefined {
    let byType = this.#data.get(origin);
    if (byType === undefined && create) {
      byType = new Map();
      this.#data.set(origin, byType);
    }
    return byType;
  }

  #put(origin: string, type: StorageType, key: string, value: string): void {
    const byType = this.#bucketsOf(origin, true);
    let bucket = byType.get(type);
    if (bucket === undefined) {
      bucket = new Map();
      byType.set(type, bucket);
    }
    bucket.set(key, value);
  }

  #prune(): void {
    for (const [origin, byType] of this.#data) {
      for (const [type, bucket] of byType) if (bucket.size === 0) byType.delete(type);
      if (byType.size === 0) this.#data.delete(origin);
    }
  }

  #load(): void {
    if (this.#file === undefined || !this.#fs.existsSync(this.#file)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(this.#fs.readFileSync(this.#file, 'utf8')));
    } catch {
      return; // A corrupt store starts empty, as Chromium recovers a broken LevelDB.
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    for (const [origin, byType] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof byType !== 'object' || byType === null) continue;
      for (const [type, bucket] of Object.entries(byType as Record<string, unknown>)) {
        if (!isStorageType(type) || typeof bucket !== 'object' || bucket === null) continue;
        for (const [key, value] of Object.entries(bucket as Record<string, unknown>)) {
          if (typeof value === 'string') this.#put(origin, type, key, value);
        }
      }
    }
  }
}

function matches(filter: OriginFilter, origin: string): boolean {
  if (filter.mode === 'all') return true;
  const listed = filter.origins.has(origin);
  return filter.mode === 'only' ? listed : !listed;
}
