import { Store, domainMatch, pathMatch } from 'tough-cookie';
import type { Callback, Cookie as ToughCookie, ErrorCallback, Nullable } from 'tough-cookie';
import { ChromiumCookie } from './chromium-cookie';
import { cookieKey } from './registrable-domain';
import { fromToughCookie } from './tough-conversion';

/**
 * Where a `Cookies` instance keeps its cookies: data only, no rules. Chromium's
 * `CookieMonster` keeps a multimap keyed by registrable domain; lookups and
 * the per-domain limit work on one key's cookies, in insertion order.
 */
export interface CookieStore {
  readonly size: number;
  /** The cookies grouped under `key` (see `cookieKey`), oldest insertion first. */
  cookiesForKey(key: string): readonly ChromiumCookie[];
  /** Every cookie, keys in ascending order (Chromium's multimap order). */
  allCookies(): ChromiumCookie[];
  add(cookie: ChromiumCookie): void;
  delete(cookie: ChromiumCookie): void;
}

const none: readonly ChromiumCookie[] = [];

/**
 * The default in-memory store. It is also a tough-cookie `Store`, so a
 * tough-cookie `CookieJar` can be opened over the same cookies (tough-cookie
 * reads wall-clock time for expiry; the fake's own reads use its clock).
 */
export class InMemoryCookieStore extends Store implements CookieStore {
  readonly #byKey = new Map<string, ChromiumCookie[]>();
  #size = 0;

  constructor() {
    super();
    this.synchronous = true;
  }

  get size(): number {
    return this.#size;
  }

  cookiesForKey(key: string): readonly ChromiumCookie[] {
    return this.#byKey.get(key) ?? none;
  }

  allCookies(): ChromiumCookie[] {
    const keys = [...this.#byKey.keys()].sort();
    return keys.flatMap((key) => this.#byKey.get(key) ?? []);
  }

  add(cookie: ChromiumCookie): void {
    const list = this.#byKey.get(cookie.storeKey);
    if (list === undefined) this.#byKey.set(cookie.storeKey, [cookie]);
    else list.push(cookie);
    this.#size++;
  }

  delete(cookie: ChromiumCookie): void {
    const list = this.#byKey.get(cookie.storeKey);
    const index = list?.indexOf(cookie) ?? -1;
    if (list === undefined || index === -1) return;
    list.splice(index, 1);
    if (list.length === 0) this.#byKey.delete(cookie.storeKey);
    this.#size--;
  }

  // ── tough-cookie Store interface ───────────────────────────────────────

  override findCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
  ): Promise<ToughCookie | undefined>;
  override findCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
    callback: Callback<ToughCookie | undefined>,
  ): void;
  override findCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
    callback?: Callback<ToughCookie | undefined>,
  ): Promise<ToughCookie | undefined> | void {
    const found = this.#matching(domain, path, key)[0];
    return settle(found, callback);
  }

  override findCookies(
    domain: Nullable<string>,
    path: Nullable<string>,
    allowSpecialUseDomain?: boolean,
  ): Promise<ToughCookie[]>;
  override findCookies(
    domain: Nullable<string>,
    path: Nullable<string>,
    allowSpecialUseDomain?: boolean,
    callback?: Callback<ToughCookie[]>,
  ): void;
  override findCookies(
    domain: Nullable<string>,
    path: Nullable<string>,
    allowSpecialUseDomain?: boolean | Callback<ToughCookie[]>,
    callback?: Callback<ToughCookie[]>,
  ): Promise<ToughCookie[]> | void {
    const done = typeof allowSpecialUseDomain === 'function' ? allowSpecialUseDomain : callback;
    const results: ToughCookie[] = [];
    if (domain) {
      // Every cookie that domain-matches a host shares the host's key.
      for (const cookie of this.cookiesForKey(cookieKey(domain))) {
        const hostMatches =
          cookie.hostOnly === true
            ? cookie.domain === domain
            : domainMatch(domain, cookie.domain, false) === true;
        if (hostMatches && (!path || pathMatch(path, cookie.cookiePath))) results.push(cookie);
      }
    }
    return settle(results, done);
  }

  override putCookie(cookie: ToughCookie): Promise<void>;
  override putCookie(cookie: ToughCookie, callback: ErrorCallback): void;
  override putCookie(cookie: ToughCookie, callback?: ErrorCallback): Promise<void> | void {
    for (const old of this.#matching(cookie.domain, cookie.path, cookie.key)) this.delete(old);
    this.add(cookie instanceof ChromiumCookie ? cookie : fromToughCookie(cookie));
    return settle(undefined, callback);
  }

  override updateCookie(oldCookie: ToughCookie, newCookie: ToughCookie): Promise<void>;
  override updateCookie(oldCookie: ToughCookie, newCookie: ToughCookie, callback: ErrorCallback): void;
  override updateCookie(
    _oldCookie: ToughCookie,
    newCookie: ToughCookie,
    callback?: ErrorCallback,
  ): Promise<void> | void {
    if (callback === undefined) return this.putCookie(newCookie);
    this.putCookie(newCookie, callback);
  }

  override removeCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
  ): Promise<void>;
  override removeCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
    callback: ErrorCallback,
  ): void;
  override removeCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
    callback?: ErrorCallback,
  ): Promise<void> | void {
    for (const cookie of this.#matching(domain, path, key)) this.delete(cookie);
    return settle(undefined, callback);
  }

  override removeCookies(domain: string, path: Nullable<string>): Promise<void>;
  override removeCookies(domain: string, path: Nullable<string>, callback: ErrorCallback): void;
  override removeCookies(
    domain: string,
    path: Nullable<string>,
    callback?: ErrorCallback,
  ): Promise<void> | void {
    for (const cookie of this.allCookies()) {
      if (cookie.domain === domain && (!path || cookie.cookiePath === path)) this.delete(cookie);
    }
    return settle(undefined, callback);
  }

  override removeAllCookies(): Promise<void>;
  override removeAllCookies(callback: ErrorCallback): void;
  override removeAllCookies(callback?: ErrorCallback): Promise<void> | void {
    this.#byKey.clear();
    this.#size = 0;
    return settle(undefined, callback);
  }

  override getAllCookies(): Promise<ToughCookie[]>;
  override getAllCookies(callback: Callback<ToughCookie[]>): void;
  override getAllCookies(callback?: Callback<ToughCookie[]>): Promise<ToughCookie[]> | void {
    return settle<ToughCookie[]>(this.allCookies(), callback);
  }

  #matching(domain: Nullable<string>, path: Nullable<string>, key: Nullable<string>): ChromiumCookie[] {
    if (domain == null || path == null || key == null) return [];
    return this.allCookies().filter((c) => c.domain === domain && c.cookiePath === path && c.key === key);
  }
}

/** tough-cookie's dual callback/Promise convention for a synchronous store. */
function settle<T>(value: T, callback: ((error: null, result: T) => void) | undefined): Promise<T> | void {
  if (callback === undefined) return Promise.resolve(value);
  callback(null, value);
}
