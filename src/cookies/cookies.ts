import { EventEmitter } from 'node:events';
import type { Clock } from '../clock/clock';
import { createElectronEvent, type ElectronEvent } from '../runtime/electron-event';
import { conversionError, insufficientArguments, isDictionary } from '../session/gin-arguments';
import type { Cookie } from '../structures/cookie';
import type { CookiesGetFilter } from '../structures/cookies-get-filter';
import type { CookiesSetDetails } from '../structures/cookies-set-details';
import { ChromiumCookie } from './chromium-cookie';
import { clearPredicate, type ClearForOriginsFilter } from './clear-filter';
import { readCookieFile, writeCookieFile, type CookiePersistence } from './cookie-file';
import { cookieFromHeader } from './cookie-from-header';
import { CookieMonster, type ChangeCause, type CookieChange } from './cookie-monster';
import { CookieWriteBatch } from './cookie-write-batch';
import { InMemoryCookieStore, type CookieStore } from './cookie-store';
import { parseCookieUrl, type CookieUrl, type PrivilegedSchemes } from './cookie-url';
import { toElectronCookie } from './cookie-view';
import { matchesFilter, readGetFilter, type GetFilter } from './get-filter';
import { InclusionStatus, setCookieFailure } from './inclusion-status';
import { withLegacyCallback } from './legacy-callbacks';
import { includeForRequest } from './request-inclusion';
import { createSanitizedCookie } from './sanitized-cookie';
import {
  contextForRequest,
  contextForResponse,
  SameSiteContext,
  type SameSiteRequest,
} from './same-site-context';
import { readSetDetails, type SetRequest } from './set-details';

export type { CookiePersistence } from './cookie-file';
export type { ClearForOriginsFilter } from './clear-filter';

/** The cause argument of `'changed'`. */
export type CookieChangedCause = ChangeCause;

export interface CookiesEvents {
  changed: [event: ElectronEvent, cookie: Cookie, cause: CookieChangedCause, removed: boolean];
}

export interface CookiesOptions {
  readonly clock: Clock;
  /** Set for `persist:` and `fromPath` sessions: persistent cookies survive a restart there. */
  readonly persistence?: CookiePersistence;
  /** `protocol.registerSchemesAsPrivileged` registrations: standard schemes take cookies, secure ones Secure cookies. */
  readonly privilegedSchemes?: PrivilegedSchemes;
  /** Where cookies live; an `InMemoryCookieStore` by default. */
  readonly store?: CookieStore;
}

const defaultCookieableSchemes = new Set(['http', 'https', 'ws', 'wss']);
const inclusive = { includeHttpOnly: true, sameSite: SameSiteContext.strict } as const;

/** `V8ValueConverter` yields a dictionary only for a non-array object. */
function isValueDictionary(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function failure(build: (status: InclusionStatus) => void): Error {
  const status = new InclusionStatus();
  build(status);
  return new Error(setCookieFailure(status));
}

/**
 * Electron's `ses.cookies`, with Chromium's cookie rules.
 *
 * Timing: each API call does its work in a microtask after the call returns,
 * emits its `'changed'` events, then settles. Expired cookies are never
 * returned or sent; like Chromium, the fake deletes them (event `'expired'`)
 * when it next looks at them: `get()` without `url` (all), `get({ url })` and
 * requests (that URL's registrable domain), and inserts over the 180-per-domain
 * or 3300 total limits. Persistent cookies reach the persistence file as
 * Chromium's cookie database commits them: 30 s of the fake's clock after the
 * first unwritten change, at 512 unwritten changes, on `flushStore()`, and on
 * a clean quit (`fake.restart()` calls `closeStore()`).
 */
export class Cookies extends EventEmitter<CookiesEvents> {
  readonly #clock: Clock;
  readonly #store: CookieStore;
  readonly #monster: CookieMonster;
  readonly #schemes: PrivilegedSchemes | undefined;
  /** Unwritten persistent-cookie operations; absent for in-memory sessions. */
  readonly #writes: CookieWriteBatch | undefined;
  #pending: CookieChange[] = [];

  constructor(options: CookiesOptions) {
    super();
    this.#clock = options.clock;
    this.#store = options.store ?? new InMemoryCookieStore();
    this.#schemes = options.privilegedSchemes;
    const persistence = options.persistence;
    if (persistence !== undefined) {
      this.#writes = new CookieWriteBatch(options.clock, () =>
        writeCookieFile(persistence, this.#store.allCookies()),
      );
      for (const fields of readCookieFile(persistence)) this.#store.add(new ChromiumCookie(fields));
    }
    // Chromium's store hears only persistent cookies (session cookies are never saved).
    const written = (cookie: ChromiumCookie): void => {
      if (cookie.expiry !== undefined) this.#writes?.record();
    };
    this.#monster = new CookieMonster(
      this.#store,
      (change) => {
        this.#pending.push(change);
        written(change.cookie);
      },
      written,
    );
  }

  /** Resolves with the cookies matching `filter`; never rejects. */
  get(
    filter: CookiesGetFilter,
    callback?: (error: Error | null, cookies: Cookie[]) => void,
  ): Promise<Cookie[]> {
    if (arguments.length < 1) throw insufficientArguments();
    if (!isDictionary(filter)) throw conversionError(0, filter);
    const read = readGetFilter(filter);
    const result = this.#operate(() => this.#get(read));
    return withLegacyCallback(result, callback, 'error-and-value');
  }

  /** Sets a cookie; rejects with Electron's messages. */
  set(details: CookiesSetDetails, callback?: (error: Error | null) => void): Promise<void> {
    if (arguments.length < 1) throw insufficientArguments();
    if (!isValueDictionary(details)) throw conversionError(0, details);
    const request = readSetDetails(details);
    const result = this.#operate(() => this.#set(request));
    return withLegacyCallback(result, callback, 'error');
  }

  /** Removes every cookie named `name` that would be sent to `url`; resolves even when none matched. */
  remove(url: string, name: string, callback?: () => void): Promise<void> {
    // gin converts arguments in order: a missing one is "insufficient", a wrong one a conversion failure.
    if (arguments.length < 1) throw insufficientArguments();
    if (typeof url !== 'string') throw conversionError(0, url);
    if (arguments.length < 2) throw insufficientArguments();
    if (typeof name !== 'string') throw conversionError(1, name);
    const result = this.#operate(() => this.#remove(url, name));
    return withLegacyCallback(result, callback, 'none');
  }

  /** Writes pending cookies to disk (persistent sessions). */
  flushStore(callback?: () => void): Promise<void> {
    const result = this.#operate(() => this.#writes?.flush());
    return withLegacyCallback(result, callback, 'none');
  }

  /**
   * Harness side of a clean quit (`fake.restart()`): writes what is pending,
   * synchronously, and stops writing, as Chromium closes the cookie database
   * on shutdown. The jar keeps working in memory.
   */
  closeStore(): void {
    this.#writes?.close();
  }

  /**
   * Cookie header value for a request, or undefined when no cookie applies. Chromium rules incl. SameSite given the
   * request's site-for-cookies/initiator (first-party default when unknown), secure-only vs trustworthy origins,
   * httpOnly included (not a script).
   */
  async cookieHeaderFor(url: string, context?: SameSiteRequest): Promise<string | undefined> {
    return this.cookieLineFor(url, () => context);
  }

  /** {@link cookieHeaderFor}, synchronously; `context` is asked for only when some cookie may apply. */
  cookieLineFor(url: string, context: () => SameSiteRequest | undefined): string | undefined {
    if (this.#store.size === 0) return undefined;
    const parsed = this.#cookieableUrl(url);
    if (parsed === undefined) return undefined;
    const access = { includeHttpOnly: true, sameSite: contextForRequest(context()) };
    const cookies = this.#monster.cookiesForUrl(parsed, access, this.#clock.now(), true);
    this.#settle();
    if (cookies.length === 0) return undefined;
    // `CanonicalCookie::BuildCookieLine`: a nameless cookie is sent as its bare value.
    return cookies
      .map((cookie) => (cookie.name === '' ? cookie.value : `${cookie.name}=${cookie.value}`))
      .join('; ');
  }

  /**
   * Store every Set-Cookie of a response (Chromium's rules: invalid ones ignored silently; Secure from insecure origin
   * rejected; prefix rules; public suffix; max-age/expires capped at 400 days; fire 'changed' events).
   */
  async storeSetCookieHeaders(
    url: string,
    setCookieValues: readonly string[],
    context?: Pick<SameSiteRequest, 'sameSiteContext' | 'isTopLevelNavigation'>,
  ): Promise<void> {
    if (setCookieValues.length === 0) return;
    const parsed = parseCookieUrl(url, this.#schemes);
    if (parsed === undefined) return;
    const access = {
      includeHttpOnly: true,
      sameSite: contextForResponse(context),
      isCookieable: this.#isCookieable,
    };
    for (const value of setCookieValues) {
      // An obs-folded header value continues after CRLF + whitespace.
      const { fields } = cookieFromHeader(parsed, value.replace(/\r?\n[ \t]+/g, ' '), this.#clock.now());
      if (fields !== undefined)
        this.#monster.setCanonicalCookie(fields, parsed, access, new InclusionStatus());
    }
    this.#settle();
  }

  /** Remove cookies whose registrable domain matches (for session.clearData / clearStorageData). */
  async clearForOrigins(filter: ClearForOriginsFilter): Promise<void> {
    this.#monster.deleteMatching(clearPredicate(filter, this.#schemes, this.#clock.now()));
    this.#settle();
  }

  #get(filter: GetFilter): Cookie[] {
    const now = this.#clock.now();
    let cookies: ChromiumCookie[] = [];
    if (filter.url === '') {
      cookies = this.#monster.allCookies(now);
    } else {
      const url = this.#cookieableUrl(filter.url);
      if (url !== undefined) cookies = this.#monster.cookiesForUrl(url, inclusive, now, false);
    }
    return cookies.filter((cookie) => matchesFilter(cookie, filter)).map(toElectronCookie);
  }

  #set(request: SetRequest | { readonly error: string }): void {
    if ('error' in request) throw new Error(request.error);
    const url = parseCookieUrl(request.url, this.#schemes);
    if (url === undefined) throw failure((status) => status.exclude('EXCLUDE_INVALID_DOMAIN'));
    const { fields, status } = createSanitizedCookie({ ...request, url }, this.#clock.now());
    if (fields === undefined) throw new Error(setCookieFailure(status));
    const setStatus = new InclusionStatus();
    const access = {
      includeHttpOnly: request.httpOnly,
      sameSite: SameSiteContext.strict,
      isCookieable: this.#isCookieable,
    };
    this.#monster.setCanonicalCookie(fields, url, access, setStatus);
    if (!setStatus.isInclude) throw new Error(setCookieFailure(setStatus));
  }

  #remove(url: string, name: string): void {
    const parsed = parseCookieUrl(url, this.#schemes);
    if (parsed === undefined) return;
    const now = this.#clock.now();
    this.#monster.deleteMatching(
      (cookie) => cookie.name === name && includeForRequest(cookie, parsed, inclusive, now),
    );
  }

  readonly #isCookieable = (scheme: string): boolean =>
    defaultCookieableSchemes.has(scheme) || this.#schemes?.get(scheme)?.standard === true;

  /** `CookieMonster::HasCookieableScheme`: other URLs have no cookies. */
  #cookieableUrl(url: string): CookieUrl | undefined {
    const parsed = parseCookieUrl(url, this.#schemes);
    return parsed !== undefined && this.#isCookieable(parsed.scheme) ? parsed : undefined;
  }

  /** Runs `operation` after the caller's synchronous code, like Chromium's network-service round trip. */
  #operate<T>(operation: () => T): Promise<T> {
    return Promise.resolve().then(() => {
      try {
        return operation();
      } finally {
        this.#settle();
      }
    });
  }

  /** Reports the changes in the order they happened. */
  #settle(): void {
    const changes = this.#pending;
    if (changes.length === 0) return;
    this.#pending = [];
    for (const { cookie, cause } of changes) {
      const removed =
        cause !== 'inserted' &&
        cause !== 'inserted-no-change-overwrite' &&
        cause !== 'inserted-no-value-change-overwrite';
      try {
        this.emit('changed', createElectronEvent(), toElectronCookie(cookie), cause, removed);
      } catch (error) {
        // A throwing listener must not undo the change; it surfaces as uncaught, as from a native emit.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
