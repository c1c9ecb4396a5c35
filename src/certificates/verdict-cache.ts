import { createHash } from 'node:crypto';
import { perObject } from '../runtime/per-object';

/** A verification outcome as Chromium's CachingCertVerifier keeps it. */
export interface CachedVerdict {
  /** The final result: 0 or a net error (after the session's verify proc). */
  readonly code: number;
  readonly verifiedChain: readonly Buffer[];
  readonly isIssuedByKnownRoot: boolean;
}

interface Entry {
  readonly verdict: CachedVerdict;
  readonly verifiedAt: number;
  readonly expiresAt: number;
}

/** The cache key: the presented chain and the host name (Chromium's `CertVerifier::RequestParams`). */
export function verdictKey(chain: readonly Buffer[], hostname: string): string {
  const hashes = chain.map((der) => createHash('sha256').update(der).digest('base64'));
  return [hostname, ...hashes].join('\n');
}

/**
 * Chromium's `CachingCertVerifier` (net/cert/caching_cert_verifier.cc), one
 * per session: results are kept 30 minutes from when their verification
 * started, at most 256 of them, successes and failures alike. An entry only
 * counts while the clock is inside `[verifiedAt, verifiedAt + 30 min)`, so a
 * clock set backwards misses too. A change of the trust store empties it;
 * setting a new verify proc does not.
 */
export class VerdictCache {
  static readonly ttlMs = 1800 * 1000;
  static readonly maxEntries = 256;
  readonly #entries = new Map<string, Entry>();
  #trustGeneration = 0;

  get size(): number {
    return this.#entries.size;
  }

  /** Empties the cache when the trust store changed since it was last used. */
  syncTrust(generation: number): void {
    if (generation === this.#trustGeneration) return;
    this.#entries.clear();
    this.#trustGeneration = generation;
  }

  get(key: string, now: number): CachedVerdict | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (!isValidAt(entry, now)) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.verdict;
  }

  /** Stores a result whose verification started at `startedAt`, if the trust store did not change meanwhile. */
  put(key: string, verdict: CachedVerdict, startedAt: number, trustGeneration: number): void {
    if (trustGeneration !== this.#trustGeneration) return;
    if (!this.#entries.has(key) && this.#entries.size >= VerdictCache.maxEntries) this.#compact(startedAt);
    this.#entries.set(key, { verdict, verifiedAt: startedAt, expiresAt: startedAt + VerdictCache.ttlMs });
  }

  // Chromium drops the expired entries, then, if still full, entries in key order
  // (its map's order, effectively arbitrary); the fake drops the oldest instead.
  #compact(now: number): void {
    for (const [key, entry] of this.#entries) if (!isValidAt(entry, now)) this.#entries.delete(key);
    for (const key of this.#entries.keys()) {
      if (this.#entries.size < VerdictCache.maxEntries) break;
      this.#entries.delete(key);
    }
  }
}

function isValidAt(entry: Entry, now: number): boolean {
  return now >= entry.verifiedAt && now < entry.expiresAt;
}

/** The verdict cache of one session (keyed by its internals). */
export const verdictCacheOf = perObject(() => new VerdictCache());
