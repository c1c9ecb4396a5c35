import { EventEmitter } from 'node:events';
import { runRequest } from '../pipeline/pipeline';
import type { AuthInfo, Credentials } from '../pipeline/exchange';
import { internalsOf } from '../session/session-internals';
import type { Session } from '../session/session';
import { createElectronEvent } from '../runtime/electron-event';
import { NetError } from '../errors/net-error';
import { getHeader } from '../pipeline/header-list';
import { parseDownloadURL } from '../session/downloads';

export interface LoadURLOptions {
  httpReferrer?: string | { url: string };
  userAgent?: string;
  extraHeaders?: string;
}

/** The error `loadURL` rejects with (Electron lib/browser/api/web-contents.ts). */
function loadError(error: unknown, url: string): Error {
  const net = error instanceof NetError ? error : new NetError('ERR_FAILED');
  const failure = new Error(`${net.code} (${net.errno}) loading '${url}'`) as Error & {
    code: string;
    errno: number;
    url: string;
  };
  failure.code = net.code;
  failure.errno = net.errno;
  failure.url = url;
  return failure;
}

function extraHeaderList(extra: string | undefined): [string, string][] {
  if (extra === undefined) return [];
  return extra
    .split(/\r?\n/)
    .map((line) => line.split(/:(.*)/s))
    .filter((parts): parts is [string, string, string] => parts.length >= 2 && (parts[0] ?? '').trim() !== '')
    .map(([name, value]) => [name.trim(), (value ?? '').trim()]);
}

/**
 * A minimal but real `WebContents`: it belongs to a session and navigates its
 * main frame through that session's request pipeline (resource type
 * `mainFrame`, with `webContents` in webRequest details).
 * @see https://www.electronjs.org/docs/latest/api/web-contents
 */
export class WebContents extends EventEmitter {
  readonly id: number;
  readonly session: Session;
  readonly #app: EventEmitter;
  readonly #unregister: () => void;
  #url = '';
  #title = '';
  #destroyed = false;
  #navigation: AbortController | undefined;

  /** @internal */
  constructor(id: number, session: Session, app: EventEmitter, unregister: () => void) {
    super();
    this.id = id;
    this.session = session;
    this.#app = app;
    this.#unregister = unregister;
  }

  getURL(): string {
    return this.#url;
  }

  getTitle(): string {
    return this.#title;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  isLoading(): boolean {
    return this.#navigation !== undefined;
  }

  getUserAgent(): string {
    return internalsOf(this.session).userAgent;
  }

  /** Navigates the main frame; resolves when the load finished, rejects like Electron on failure. */
  async loadURL(url: string, options: LoadURLOptions = {}): Promise<void> {
    this.#navigation?.abort(new NetError('ERR_ABORTED'));
    const controller = (this.#navigation = new AbortController());
    const internals = internalsOf(this.session);
    const headers = extraHeaderList(options.extraHeaders);
    if (options.userAgent !== undefined) headers.push(['User-Agent', options.userAgent]);
    const referrer =
      typeof options.httpReferrer === 'string' ? options.httpReferrer : (options.httpReferrer?.url ?? '');
    this.emit('did-start-loading');
    try {
      const response = await runRequest({
        session: internals,
        url,
        method: 'GET',
        headers,
        body: undefined,
        resourceType: 'mainFrame',
        referrer,
        origin: undefined,
        useCookies: true,
        allowAuth: true,
        redirect: 'follow',
        cache: 'default',
        bypassCustomProtocolHandlers: false,
        allowNonHttpSchemes: true,
        webContents: this,
        signal: controller.signal,
        onRedirect: undefined,
        onLogin: (info) => this.#login(url, info),
      });
      const disposition = getHeader(response.headers, 'content-disposition');
      if (
        disposition !== undefined &&
        /^\s*attachment/i.test(disposition) &&
        internals.startDownload !== undefined
      ) {
        // A navigation answered with an attachment becomes a download; the navigation itself is aborted.
        internals.startDownload({ response, webContents: this });
        throw new NetError('ERR_ABORTED');
      }
      let html = '';
      if (response.body !== null)
        for await (const chunk of response.body) html += Buffer.from(chunk).toString('utf8');
      this.#url = response.url;
      this.#title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? response.url;
      this.emit(
        'did-navigate',
        createElectronEvent(this),
        response.url,
        response.statusCode,
        response.statusMessage,
      );
      this.emit('dom-ready', createElectronEvent(this));
      this.emit('did-finish-load', createElectronEvent(this));
      this.emit('did-stop-loading');
    } catch (error) {
      const failure = loadError(error, url);
      this.emit(
        'did-fail-load',
        createElectronEvent(this),
        (failure as Error & { errno: number }).errno,
        (failure as Error & { code: string }).code,
        url,
        true,
      );
      this.emit('did-stop-loading');
      throw failure;
    } finally {
      if (this.#navigation === controller) this.#navigation = undefined;
    }
  }

  /** Starts a download of `url` in this session (`'will-download'` gets this webContents). */
  downloadURL(...args: [url: string, options?: { headers?: Record<string, string> }]): void {
    const { url, headers } = parseDownloadURL(args);
    internalsOf(this.session).startDownload?.({ url, headers, webContents: this });
  }

  stop(): void {
    this.#navigation?.abort(new NetError('ERR_ABORTED'));
  }

  close(): void {
    this.destroy();
  }

  /** @internal */
  destroy(): void {
    if (this.#destroyed) return;
    this.stop();
    this.#destroyed = true;
    this.#unregister();
    this.emit('destroyed');
  }

  // webContents 'login' is forwarded to app 'login'; without preventDefault() the auth is cancelled.
  #login(url: string, info: AuthInfo): Promise<Credentials | undefined> {
    return new Promise((resolve) => {
      const event = createElectronEvent(this);
      const callback = (username?: string, password?: string): void => {
        resolve(
          username === undefined && password === undefined
            ? undefined
            : { username: username ?? '', password: password ?? '' },
        );
      };
      const details = { url, pid: process.pid };
      this.emit('login', event, details, info, callback);
      this.#app.emit('login', event, this, details, info, callback);
      if (!event.defaultPrevented) callback();
    });
  }
}
