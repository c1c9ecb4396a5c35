import type { AuthChallenge } from './auth-challenge';
import type { Credentials } from '../exchange';

interface Entry {
  readonly origin: string;
  readonly realm: string;
  readonly challenge: AuthChallenge;
  readonly credentials: Credentials;
  readonly isProxy: boolean;
  /** Directory paths this identity was used under (Chromium `HttpAuthCache::Entry::paths_`). */
  readonly paths: Set<string>;
  nonceCount: number;
}

function directoryOf(pathname: string): string {
  return pathname.slice(0, pathname.lastIndexOf('/') + 1) || '/';
}

/**
 * A session's HTTP auth cache (Chromium `net::HttpAuthCache`): identities keyed
 * by origin and realm, used to pre-authenticate later requests to paths at or
 * below one that already succeeded.
 */
export class AuthCache {
  readonly #entries: Entry[] = [];

  add(url: URL, isProxy: boolean, challenge: AuthChallenge, credentials: Credentials): void {
    const origin = url.origin;
    const realm = challenge.params.get('realm') ?? '';
    const existing = this.#entries.find(
      (e) => e.origin === origin && e.realm === realm && e.isProxy === isProxy,
    );
    if (existing !== undefined) {
      this.#entries.splice(this.#entries.indexOf(existing), 1);
    }
    const entry: Entry = { origin, realm, challenge, credentials, isProxy, paths: new Set(), nonceCount: 0 };
    if (existing !== undefined && existing.credentials.username === credentials.username) {
      for (const p of existing.paths) entry.paths.add(p);
    }
    entry.paths.add(directoryOf(url.pathname));
    this.#entries.push(entry);
  }

  /** The identity to send preemptively for `url`, if a cached one covers its path. */
  lookupByPath(url: URL, isProxy: boolean): Entry | undefined {
    const path = url.pathname;
    return this.#entries.find(
      (e) => e.isProxy === isProxy && e.origin === url.origin && [...e.paths].some((p) => path.startsWith(p)),
    );
  }

  lookupByRealm(url: URL, isProxy: boolean, realm: string): Entry | undefined {
    return this.#entries.find((e) => e.isProxy === isProxy && e.origin === url.origin && e.realm === realm);
  }

  remove(url: URL, isProxy: boolean, realm: string): void {
    const index = this.#entries.findIndex(
      (e) => e.isProxy === isProxy && e.origin === url.origin && e.realm === realm,
    );
    if (index !== -1) this.#entries.splice(index, 1);
  }

  clear(): void {
    this.#entries.length = 0;
  }

  get size(): number {
    return this.#entries.length;
  }
}

export type AuthCacheEntry = Entry;
