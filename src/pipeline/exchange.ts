import type { SessionInternals } from '../session/session-internals';
import type { HeaderList, ProxyHop, TransportResponse } from '../transports/transport';
import type { MutableHeaderList } from './header-list';
import type { AuthChallenge } from './auth/auth-challenge';
import type { RequestBody } from './request-body';
import type { RequestAbort } from './request-abort';
import type { CacheTransaction } from '../http-cache/http-cache';
import type { DetailsResourceType } from '../web-request/listener-details';

/** webRequest resource types (Electron's spelling). */
export type ResourceType = DetailsResourceType;

export type RedirectMode = 'follow' | 'error' | 'manual';
export type CacheMode = 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached';

/** What `'login'` listeners receive (Electron's `AuthInfo`). */
export interface AuthInfo {
  isProxy: boolean;
  scheme: string;
  host: string;
  port: number;
  realm: string;
}

export interface Credentials {
  username: string;
  password: string;
}

/** A redirect about to be followed, as ClientRequest's `'redirect'` event reports it. */
export interface RedirectInfo {
  statusCode: number;
  method: string;
  redirectUrl: string;
  responseHeaders: Record<string, string[]>;
}

/** The caller's side of a request: who asked and how it wants redirects, auth and cookies handled. */
export interface RequestInit {
  readonly session: SessionInternals;
  url: string;
  method: string;
  headers: MutableHeaderList;
  body: RequestBody | undefined;
  readonly resourceType: ResourceType;
  readonly referrer: string;
  readonly origin: string | undefined;
  /** Whether the session's cookie store is read and written. */
  readonly useCookies: boolean;
  /** Whether HTTP auth (cache, URL credentials, `'login'`) may be used. */
  readonly allowAuth: boolean;
  readonly redirect: RedirectMode;
  readonly cache: CacheMode;
  /**
   * Whether the session's network emulation applies; default true. Downloads
   * carry no throttling profile in Chromium, so they are never throttled.
   */
  readonly emulated?: boolean;
  readonly bypassCustomProtocolHandlers: boolean;
  /** `net.request` only accepts http(s); fetch and navigations accept custom schemes and `file:`. */
  readonly allowNonHttpSchemes: boolean;
  /** Frame that made the request: adds `webContents`/`webContentsId`/`frame` to details. */
  readonly webContents: { readonly id: number } | undefined;
  readonly signal: AbortSignal;
  /**
   * Decides a redirect in `manual` mode (ClientRequest `followRedirect()`); resolves
   * `true` to follow. Also told about every redirect in other modes.
   */
  readonly onRedirect: ((info: RedirectInfo) => boolean | Promise<boolean>) | undefined;
  /** Asks for credentials (`'login'`); undefined means the caller has no login event. */
  readonly onLogin: ((info: AuthInfo) => Promise<Credentials | undefined>) | undefined;
}

/** One request's whole trip through the pipeline; stages read and write it. */
export interface Exchange extends RequestInit {
  readonly id: number;
  /** The request's cancellation; `signal` is its AbortSignal, made on first read. */
  readonly abort: RequestAbort;
  readonly urlChain: string[];
  /** A protocol handler chosen by the first stage, answering instead of the network. */
  handler: ((exchange: Exchange) => Promise<TransportResponse>) | undefined;
  proxy: ProxyHop | undefined;
  /** The rest of the proxy list, tried in order when the current proxy fails. */
  proxyFallbacks: ProxyHop[];
  response: ExchangeResponse | undefined;
  /** Set by the redirect stage or an `onBeforeRequest` redirectURL. */
  pendingRedirect: { url: string; statusCode: number; statusLine: string; internal: boolean } | undefined;
  redirectCount: number;
  /** Credentials to send on the next attempt (URL userinfo or `'login'`). */
  authAttempt: { credentials: Credentials; isProxy: boolean; challenge: AuthChallenge } | undefined;
  authAttemptCount: number;
  triedUrlCredentials: boolean;
  readonly timings: { start: number };
  // Per-stage state, kept on the exchange rather than in WeakMaps: an ephemeron
  // per request made every scavenge of a busy test slower.
  /** The current URL parsed (exchange-url.ts). */
  parsedUrl: URL | undefined;
  /** The caller's own Cookie header, taken before the first attach; null when it had none. */
  callerCookie: string | null | undefined;
  /** The HTTP cache's part in sending this request, left by its lookup for the transport. */
  cacheTransaction: CacheTransaction | undefined;
}

export interface ExchangeResponse {
  statusCode: number;
  statusMessage: string;
  httpVersion: string;
  headers: HeaderList;
  body: AsyncIterable<Uint8Array> | null;
  fromCache: boolean;
  remoteAddress: string | undefined;
  /** The status line as a listener wrote it (`statusLine` keeps its digits as given). */
  statusLine?: string | undefined;
}

/** What the pipeline hands back to `net.request`, `fetch` and navigations. */
export interface PipelineResponse extends ExchangeResponse {
  readonly url: string;
  readonly urlChain: readonly string[];
  readonly requestId: number;
}
