import type { Runtime } from '../runtime/runtime';
import type { Session } from './session';
import type { AuthCache } from '../pipeline/auth/auth-cache';
import type { ProxyHop, TlsSettings } from '../transports/transport';
import type { Exchange } from '../pipeline/exchange';
import type { Restart } from '../pipeline/stages/stage';

export interface HttpCacheLookup {
  /** Serves `exchange` from cache (setting `exchange.response`) and may jump ahead, or leaves it for the network. */
  lookup(exchange: Exchange): void | Restart | Promise<void | Restart>;
}

/** `enableNetworkEmulation` options as stored. */
export interface EmulationConditions {
  offline?: boolean;
  latency?: number;
  downloadThroughput?: number;
  uploadThroughput?: number;
}

/** The request a certificate verify proc receives (Electron `Request` structure). */
export interface CertificateVerifyRequest {
  hostname: string;
  certificate: unknown;
  validatedCertificate: unknown;
  isIssuedByKnownRoot: boolean;
  verificationResult: string;
  errorCode: number;
}

export type CertificateVerifyProc = (request: CertificateVerifyRequest, callback: (verificationResult: number) => void) => void;

/** What the pipeline needs from the session's proxy configuration (src/proxy). */
export interface ProxyListResolver {
  /** Ordered proxy choices for a URL (Chromium's ProxyInfo list; DIRECT is `scheme: 'direct'`). */
  resolveProxyList(url: string): Promise<ProxyHop[]>;
}

/**
 * Per-session state that the request pipeline and the session's own methods
 * share. Kept off the public object so `Session` shows only Electron's members.
 */
export interface SessionInternals {
  readonly runtime: Runtime;
  readonly session: Session;
  /** `''` for the default session, the partition string, or the `fromPath` path. */
  readonly partition: string;
  readonly persistent: boolean;
  readonly storagePath: string | null;
  readonly cacheEnabled: boolean;
  userAgent: string;
  acceptLanguages: string | undefined;
  /** Every request in flight, so `closeAllConnections`/`clearAuthCache` can fail them. */
  readonly inflight: Set<AbortController>;
  /** HTTP auth identities per origin/realm (Chromium `HttpAuthCache`). */
  readonly authCache: AuthCache;
  /** Set once `setProxy` has been called; absent means DIRECT for every URL. */
  proxyResolver?: ProxyListResolver | undefined;
  /** The session's HTTP cache stage (the cache issue); absent means nothing is ever served from cache. */
  httpCache?: HttpCacheLookup | undefined;
  /** `enableNetworkEmulation` conditions; absent when emulation is disabled. */
  emulation?: EmulationConditions | undefined;
  /** `setSSLConfig` settings for new TLS connections. */
  sslConfig?: TlsSettings | undefined;
  /** `setCertificateVerifyProc` proc; null/undefined means Chromium's own verdict. */
  certificateVerifyProc?: CertificateVerifyProc | null | undefined;
  /** Supplied by the downloads module: starts a DownloadItem for a URL or a navigation's response. */
  startDownload?: ((request: DownloadRequest) => void) | undefined;
}

/** A download to start: a URL (`downloadURL`) or a navigation response that turned into one. */
export interface DownloadRequest {
  readonly url?: string;
  readonly headers?: Record<string, string>;
  readonly response?: unknown;
  readonly webContents: unknown;
}

const table = new WeakMap<object, SessionInternals>();

export function registerInternals(session: object, internals: SessionInternals): void {
  table.set(session, internals);
}

/** The internals of a fake `Session`; throws for anything else. */
export function internalsOf(session: unknown): SessionInternals {
  const internals = typeof session === 'object' && session !== null ? table.get(session) : undefined;
  if (internals === undefined) throw new TypeError('`session` should be an instance of the Session class');
  return internals;
}

export function isSession(value: unknown): value is Session {
  return typeof value === 'object' && value !== null && table.has(value);
}
