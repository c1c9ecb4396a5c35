import { EventEmitter } from 'node:events';
import type { SessionInternals } from './session-internals';
import { registerInternals } from './session-internals';
import { acceptLanguageHeader } from './accept-languages';
import { Cookies } from '../cookies/cookies';
import { WebRequest } from '../web-request/web-request';
import { Protocol } from '../protocol/protocol';
import { sessionFetch, type SessionFetchInit } from '../net/session-fetch';
import { NetError } from '../errors/net-error';

const constructionToken = Symbol('electron-session-fake.Session');

/** Options the session module passes when it creates a session. */
export interface SessionInit {
  readonly internals: Omit<SessionInternals, 'session'>;
}

/**
 * Electron's `Session`: one browser context with its own cookies, cache,
 * proxy, protocol handlers, webRequest hooks and permission handlers.
 * Obtained only through the `session` module (`new` throws like Electron).
 * @see https://www.electronjs.org/docs/latest/api/session#class-session
 */
export class Session extends EventEmitter {
  readonly #internals: SessionInternals;
  #cookies: Cookies | undefined;
  #webRequest: WebRequest | undefined;
  #protocol: Protocol | undefined;

  /** @internal */
  constructor(token: symbol, init: SessionInit) {
    super();
    if (token !== constructionToken) throw new Error("Session objects cannot be created with 'new'");
    this.#internals = { ...init.internals, session: this };
    registerInternals(this, this.#internals);
  }

  /** @internal Used by the session module only. */
  static create(init: SessionInit): Session {
    return new Session(constructionToken, init);
  }

  get cookies(): Cookies {
    if (this.#cookies === undefined) {
      const { runtime, persistent, storagePath } = this.#internals;
      this.#cookies = new Cookies({
        clock: runtime.clock,
        ...(persistent && storagePath !== null
          ? { persistence: { fs: runtime.fs, file: `${storagePath}/Cookies` } }
          : {}),
      });
    }
    return this.#cookies;
  }

  get webRequest(): WebRequest {
    this.#webRequest ??= new WebRequest();
    return this.#webRequest;
  }

  get protocol(): Protocol {
    this.#protocol ??= new Protocol();
    return this.#protocol;
  }

  get storagePath(): string | null {
    return this.#internals.storagePath;
  }

  getStoragePath(): string | null {
    return this.#internals.storagePath;
  }

  isPersistent(): boolean {
    return this.#internals.persistent;
  }

  setUserAgent(userAgent: string, acceptLanguages?: string): void {
    this.#internals.userAgent = userAgent;
    if (acceptLanguages !== undefined) this.#internals.acceptLanguages = acceptLanguageHeader(acceptLanguages);
  }

  getUserAgent(): string {
    return this.#internals.userAgent;
  }

  fetch(input: string | Request, init?: SessionFetchInit): Promise<Response> {
    return sessionFetch(this.#internals, input, init);
  }

  /** Fails every request in flight (Chromium `NetworkContext::CloseAllConnections`). */
  async closeAllConnections(): Promise<void> {
    for (const controller of [...this.#internals.inflight]) controller.abort(new NetError('ERR_ABORTED'));
    await Promise.resolve();
  }
}
