import { Writable } from 'node:stream';
import { runRequest } from '../pipeline/pipeline';
import type { AuthInfo, Credentials, RedirectInfo } from '../pipeline/exchange';
import type { SessionInternals } from '../session/session-internals';
import { IncomingMessage } from './incoming-message';
import {
  parseRequestOptions,
  validateHeader,
  type ClientRequestConstructorOptions,
  type ParsedRequestOptions,
} from './request-options';
import { credentialPolicy } from './credentials';
import { ChunkQueue } from './chunk-queue';
import { ChunkedBody, type RequestBody } from '../pipeline/request-body';

const httpProtocols = new Set(['http:', 'https:']);

export interface UploadProgress {
  active: boolean;
  started: boolean;
  current: number;
  total: number;
}

/** Picks the session: `session` beats `partition`; neither means the default session. */
export type SessionLookup = (options: ParsedRequestOptions) => SessionInternals;

/**
 * Electron's `ClientRequest` (a Writable): buffers the body, starts on `end()`
 * (or the first write with `chunkedEncoding`), and runs the session's request
 * pipeline. Events: `response`, `login`, `redirect`, `finish`, `abort`,
 * `error`, `close`.
 * @see https://www.electronjs.org/docs/latest/api/client-request
 */
export class ClientRequest extends Writable {
  readonly #options: ParsedRequestOptions;
  readonly #session: SessionInternals;
  readonly #chunks: Buffer[] = [];
  readonly #queue = new ChunkQueue();
  #uploaded = 0;
  readonly #controller = new AbortController();
  #started = false;
  #firstWrite = false;
  #aborted = false;
  #chunkedEncoding: boolean | undefined;
  #followRedirect: (() => void) | undefined;
  #uploadProgress: UploadProgress | undefined;
  #response: IncomingMessage | undefined;

  /** @internal Created through `net.request`. */
  constructor(
    options: ClientRequestConstructorOptions | string,
    callback: ((response: IncomingMessage) => void) | undefined,
    lookup: SessionLookup,
    allowAnyProtocol = false,
  ) {
    super({ autoDestroy: true });
    if (callback !== undefined) this.once('response', callback);
    this.#options = parseRequestOptions(options);
    if (!allowAnyProtocol && !httpProtocols.has(new URL(this.#options.url).protocol)) {
      throw new Error('ClientRequest only supports http: and https: protocols');
    }
    if (
      this.#options.credentials === 'same-origin' &&
      (this.#options.origin === undefined || this.#options.origin === '')
    ) {
      throw new Error('credentials: same-origin requires origin to be set');
    }
    // The session is resolved now so that a bad `session` option throws synchronously.
    this.#session = lookup(this.#options);
  }

  get chunkedEncoding(): boolean {
    return this.#chunkedEncoding ?? false;
  }

  set chunkedEncoding(value: boolean) {
    if (this.#started) throw new Error('chunkedEncoding can only be set before the request is started');
    if (this.#chunkedEncoding !== undefined) throw new Error('chunkedEncoding can only be set once');
    this.#chunkedEncoding = Boolean(value);
  }

  setHeader(name: string, value: string | string[]): void {
    if (this.#started || this.#firstWrite) throw new Error("Can't set headers after they are sent");
    validateHeader(name, value);
    this.#options.headers.set(name.toLowerCase(), { name, value });
  }

  getHeader(name: string): string {
    if (name === null || name === undefined) throw new Error('`name` is required for getHeader(name)');
    return this.#options.headers.get(name.toLowerCase())?.value as string;
  }

  removeHeader(name: string): void {
    if (name === null || name === undefined) throw new Error('`name` is required for removeHeader(name)');
    if (this.#started || this.#firstWrite) throw new Error("Can't remove headers after they are sent");
    this.#options.headers.delete(name.toLowerCase());
  }

  followRedirect(): void {
    if (this.#followRedirect === undefined)
      throw new Error('followRedirect() called, but was not waiting for a redirect');
    this.#followRedirect();
  }

  abort(): void {
    if (!this.#aborted) process.nextTick(() => this.emit('abort'));
    this.#aborted = true;
    this.#die();
  }

  getUploadProgress(): UploadProgress {
    return this.#uploadProgress === undefined
      ? { active: false, started: false, current: 0, total: 0 }
      : { ...this.#uploadProgress };
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#firstWrite = true;
    if (this.chunkedEncoding) {
      // Electron's ChunkedBodyStream: the first write starts the request, and each
      // write completes once the network side took the chunk.
      this.#uploaded += chunk.length;
      this.#queue.push(Buffer.from(chunk), () => {
        this.#uploadProgress = { active: true, started: true, current: this.#uploaded, total: 0 };
        callback();
      });
      if (!this.#started) this.#start(this.#chunkedBody());
      return;
    }
    this.#chunks.push(Buffer.from(chunk));
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (this.#started) this.#queue.end();
    else this.#start(this.#chunks.length === 0 ? undefined : Buffer.concat(this.#chunks));
    callback();
  }

  #chunkedBody(): ChunkedBody {
    return new ChunkedBody(this.#queue);
  }

  #start(body: RequestBody | undefined): void {
    this.#started = true;
    const options = this.#options;
    const headers: [string, string][] = [...options.headers.values()].map(({ name, value }) => [
      name,
      String(value),
    ]);
    const referrer = options.headers.get('referer')?.value;
    const origin = options.origin ?? (options.headers.get('origin')?.value as string | undefined);
    const policy = credentialPolicy(options.credentials, options.useSessionCookies, options.url, origin);
    runRequest({
      session: this.#session,
      url: options.url,
      method: options.method,
      headers,
      body,
      resourceType: 'other',
      referrer: typeof referrer === 'string' ? referrer : '',
      origin: origin === '' ? undefined : origin,
      ...policy,
      redirect: options.redirect,
      cache: options.cache,
      bypassCustomProtocolHandlers: options.bypassCustomProtocolHandlers,
      allowNonHttpSchemes: false,
      webContents: undefined,
      signal: this.#controller.signal,
      onRedirect: (info) => this.#onRedirect(info),
      onLogin: (info) => this.#onLogin(info),
    }).then(
      (response) => {
        if (body instanceof Uint8Array) {
          this.#uploadProgress = { active: true, started: true, current: body.length, total: body.length };
          this.emit('upload-progress', body.length, body.length);
        }
        const message = (this.#response = new IncomingMessage(response));
        this.emit('response', message);
        void this.#pump(response.body, message);
      },
      (error: unknown) => this.#fail(error),
    );
  }

  async #pump(body: AsyncIterable<Uint8Array> | null, message: IncomingMessage): Promise<void> {
    try {
      if (body !== null) {
        for await (const chunk of body) {
          await new Promise<void>((resume) => message.deliver(Buffer.from(chunk), resume));
        }
      }
      message.deliver(null, undefined);
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    if (this.#aborted) return;
    const failure = error instanceof Error ? error : new Error(String(error));
    this.#response?.destroy(failure);
    this.#die(failure);
  }

  #onRedirect(info: RedirectInfo): boolean {
    if (this.#options.redirect === 'error') return false;
    let follow = this.#options.redirect === 'follow';
    this.#followRedirect = () => {
      follow = true;
    };
    try {
      this.emit('redirect', info.statusCode, info.method, info.redirectUrl, info.responseHeaders);
    } finally {
      this.#followRedirect = undefined;
    }
    return follow && !this.#aborted;
  }

  #onLogin(info: AuthInfo): Promise<Credentials | undefined> {
    return new Promise((resolve) => {
      const callback = (username?: string, password?: string): void => {
        resolve(
          username === undefined && password === undefined
            ? undefined
            : { username: username ?? '', password: password ?? '' },
        );
      };
      // No listener: Electron cancels the authentication.
      if (!this.emit('login', info, callback)) callback();
    });
  }

  #die(error?: Error): void {
    // Electron emits 'error' itself once the stream was already destroyed
    // (after end()), since Writable would swallow it.
    if (this.writableEnded && this.destroyed && error !== undefined) this.emit('error', error);
    this.#controller.abort(error);
    this.#queue.fail(error ?? new Error('aborted'));
    this.destroy(error);
    this.#response?.destroy(error);
  }
}
