import { ChromiumCookie, isExpired, touch, type CookieFields } from './chromium-cookie';
import type { CookieStore } from './cookie-store';
import type { CookieUrl } from './cookie-url';
import { findReplaced, insertCause, type InsertCause } from './equivalent-cookie';
import { maxCookies, planDomainCollection, planGlobalCollection, type Removal } from './garbage-collection';
import type { InclusionStatus } from './inclusion-status';
import { cookieKey } from './registrable-domain';
import { includeForRequest, requestOrder, type RequestAccess } from './request-inclusion';
import { checkSetPermitted, type SetAccess } from './set-permission';

/**
 * The `'changed'` causes (Electron's names for `net::CookieChangeCause`).
 * Electron maps `UNKNOWN_DELETION` to `'unknown'`, but `CookieMonster` never
 * dispatches it (and Electron 45's typings omit it), so neither does the fake.
 */
export type ChangeCause =
  InsertCause | 'explicit' | 'overwrite' | 'expired' | 'evicted' | 'expired-overwrite';

export interface CookieChange {
  readonly cookie: ChromiumCookie;
  readonly cause: ChangeCause;
}

// Chromium skips rewriting a cookie's access time more often than this.
const accessUpdateThresholdMs = 60_000;

/**
 * The imperative shell around the cookie rules: Chromium's `CookieMonster`
 * operations over a `CookieStore`, reporting every insertion and deletion.
 */
export class CookieMonster {
  readonly #store: CookieStore;
  readonly #onChange: (change: CookieChange) => void;
  readonly #onAccess: (cookie: ChromiumCookie) => void;

  /** `onAccess` hears each access-time update, which a persistent store writes like a change. */
  constructor(
    store: CookieStore,
    onChange: (change: CookieChange) => void,
    onAccess: (cookie: ChromiumCookie) => void = () => undefined,
  ) {
    this.#store = store;
    this.#onChange = onChange;
    this.#onAccess = onAccess;
  }

  /**
   * `CookieMonster::SetCanonicalCookie`: checks the context, replaces the
   * equivalent cookie (its creation date is kept when the value is unchanged),
   * inserts unless already expired, then collects garbage for the key.
   * Refusals are added to `status`.
   */
  setCanonicalCookie(fields: CookieFields, url: CookieUrl, access: SetAccess, status: InclusionStatus): void {
    const allowedToSetSecure = checkSetPermitted(fields, url, access, status);
    const alreadyExpired = isExpired(fields, fields.creation);
    const key = cookieKey(fields.domain);
    const replaced = findReplaced(
      fields,
      this.#store.cookiesForKey(key),
      allowedToSetSecure,
      !access.includeHttpOnly,
      status,
    );
    if (!status.isInclude) return;
    if (replaced !== undefined) this.#remove(replaced, alreadyExpired ? 'expired-overwrite' : 'overwrite');
    if (!alreadyExpired) {
      const inherit = replaced !== undefined && replaced.value === fields.value ? replaced : undefined;
      const cookie = new ChromiumCookie(
        inherit === undefined ? fields : { ...fields, creation: inherit.creationTime },
      );
      if (inherit !== undefined) cookie.creationIndex = inherit.creationIndex;
      this.#store.add(cookie);
      this.#onChange({ cookie, cause: insertCause(fields, replaced) });
    }
    this.#apply(planDomainCollection(this.#store.cookiesForKey(key), fields.creation));
    if (this.#store.size > maxCookies)
      this.#apply(planGlobalCollection(this.#store.allCookies(), fields.creation));
  }

  /**
   * `CookieMonster::GetCookieListWithOptions`: the cookies for `url`'s key,
   * expired ones deleted on the way, in Cookie-header order, filtered by
   * `IncludeForRequestURL`. Sending a cookie updates its access time.
   */
  cookiesForUrl(
    url: CookieUrl,
    access: RequestAccess,
    nowMs: number,
    updateAccessTime: boolean,
  ): ChromiumCookie[] {
    const keyCookies = this.#store.cookiesForKey(cookieKey(url.host));
    if (keyCookies.length === 0) return [];
    const live: ChromiumCookie[] = [];
    for (const cookie of [...keyCookies]) {
      if (isExpired(cookie, nowMs)) this.#remove(cookie, 'expired');
      else live.push(cookie);
    }
    const included = live
      .sort(requestOrder)
      .filter((cookie) => includeForRequest(cookie, url, access, nowMs));
    if (updateAccessTime) {
      for (const cookie of included) {
        if (nowMs - (cookie.lastAccessTime ?? 0) < accessUpdateThresholdMs) continue;
        touch(cookie, nowMs);
        this.#onAccess(cookie);
      }
    }
    return included;
  }

  /** `CookieMonster::GetAllCookies`: deletes every expired cookie first, then all in Cookie-header order. */
  allCookies(nowMs: number): ChromiumCookie[] {
    const live: ChromiumCookie[] = [];
    for (const cookie of this.#store.allCookies()) {
      if (isExpired(cookie, nowMs)) this.#remove(cookie, 'expired');
      else live.push(cookie);
    }
    return live.sort(requestOrder);
  }

  /** `CookieMonster::DeleteMatchingCookies` with `DELETE_COOKIE_EXPLICIT`; returns how many went. */
  deleteMatching(predicate: (cookie: ChromiumCookie) => boolean): number {
    let deleted = 0;
    for (const cookie of this.#store.allCookies()) {
      if (!predicate(cookie)) continue;
      this.#remove(cookie, 'explicit');
      deleted++;
    }
    return deleted;
  }

  #apply(removals: readonly Removal[]): void {
    for (const { cookie, cause } of removals) this.#remove(cookie, cause);
  }

  #remove(cookie: ChromiumCookie, cause: ChangeCause): void {
    this.#store.delete(cookie);
    this.#onChange({ cookie, cause });
  }
}
