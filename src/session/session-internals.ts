import type { Runtime } from '../runtime/runtime';
import type { Session } from './session';
import type { Certificate } from '../structures/certificate';
import type { AuthCache } from '../pipeline/auth/auth-cache';
import type { ProxyHop, TlsSettings } from '../transports/transport';
import type { Exchange } from '../pipeline/exchange';
import type { Restart } from '../pipeline/stages/stage';
import type { ProxyConfig } from '../structures/proxy-config';
import type { Preferences } from './preferences';
import type { PreloadScriptRegistry } from './preload-scripts';
import type { SpellChecker } from './spellchecker';
import type { StorageBuckets, OriginFilter } from './storage-buckets';
import type { HostResolver } from './host-resolver';
import type { AnyFunction } from './handlers';

export interface HttpCacheLookup {
  /** Serves `exchange` from cache (setting `exchange.response`) and may jump ahead, or leaves it for the network. */
  lookup(exchange: Exchange): void | Restart | Promise<void | Restart>;
  /** `getCacheSize()`: the bytes the cache backend holds. */
  size(): number | Promise<number>;
  /** `clearCache()` / `clearData({ dataTypes: ['cache'] })`: empties the cache, or only the filtered origins. */
  clear(filter?: OriginFilter): void | Promise<void>;
  /** A clean quit: writes what the cache keeps only in memory (the disk cache's index). */
  flush?(): void;
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
  certificate: Certificate;
  validatedCertificate: Certificate;
  isIssuedByKnownRoot: boolean;
  verificationResult: string;
  errorCode: number;
}

export type CertificateVerifyProc = (
  request: CertificateVerifyRequest,
  callback: (verificationResult: number) => void,
) => void;

/** What the pipeline needs from the session's proxy configuration (src/proxy). */
export interface ProxyListResolver {
  /** Ordered proxy choices for a URL (Chromium's ProxyInfo list; DIRECT is `scheme: 'direct'`). */
  resolveProxyList(url: string): Promise<ProxyHop[]>;
  /** A proxy that failed goes to the end of later lists for a while (Chromium's bad-proxy list). */
  markProxyBad(choice: ProxyHop): void;
}

/** The session's `ProxyResolver` (src/proxy) as the session methods use it. */
export interface SessionProxyResolver extends ProxyListResolver {
  setConfig(config: ProxyConfig): Promise<void>;
  forceReload(): Promise<void>;
  resolveProxy(url: string): Promise<string>;
}

/** `setDisplayMediaRequestHandler(handler, opts)` as stored (the handler already wrapped like Electron's JS does). */
export interface DisplayMediaRequestHandlerEntry {
  readonly handler: AnyFunction;
  readonly opts: unknown;
}

/** `createInterruptedDownload(options)` after Electron's validation. */
export interface InterruptedDownloadOptions {
  readonly path: string;
  readonly urlChain: readonly string[];
  readonly mimeType: string;
  readonly offset: number;
  readonly length: number;
  readonly lastModified: string;
  readonly eTag: string;
  /** Seconds since the epoch. */
  readonly startTime: number;
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
  readonly inflight: Set<{ abort(reason?: unknown): void }>;
  /** HTTP auth identities per origin/realm (Chromium `HttpAuthCache`). */
  readonly authCache: AuthCache;
  /** Created by the first `setProxy`/`resolveProxy`/`forceReloadProxyConfig`; absent means DIRECT for every URL. */
  proxyResolver?: SessionProxyResolver | undefined;
  /** The session's HTTP cache (the cache issue); absent means an empty cache: size 0, nothing served. */
  httpCache?: HttpCacheLookup | undefined;
  /** `enableNetworkEmulation` conditions; absent when emulation is disabled. */
  emulation?: EmulationConditions | undefined;
  /** `setSSLConfig` settings for new TLS connections; absent means Chromium's defaults. */
  sslConfig?: TlsSettings | undefined;
  /** `setCertificateVerifyProc` proc; null/undefined means Chromium's own verdict. */
  certificateVerifyProc?: CertificateVerifyProc | null | undefined;
  /** Supplied by the downloads module: starts a DownloadItem (`downloadURL`, `createInterruptedDownload`, navigations). */
  startDownload?: ((request: DownloadRequest) => void) | undefined;
  /** Chromium user prefs of the session (`Preferences` file when persistent). */
  readonly prefs: Preferences;
  /** `registerPreloadScript` / `setPreloads` registry (memory only, like Electron's). */
  readonly preloadScripts: PreloadScriptRegistry;
  /** Spellchecker languages, enable flag and custom words. */
  readonly spellChecker: SpellChecker;
  /** Per-origin web storage (localStorage, IndexedDB, …) cleared by `clearStorageData`/`clearData`. */
  readonly storage: StorageBuckets;
  /** Host cache in front of the runtime host map, for `resolveHost`/`clearHostResolverCache`. */
  readonly hostResolver: HostResolver;
  /** `setCodeCachePath` directory (undefined: Chromium's default under the storage path) and cached script URLs. */
  readonly codeCache: { path: string | undefined; readonly urls: Set<string> };
  /** `setDownloadPath` directory; undefined means `app.getPath('downloads')`. */
  downloadPath: string | undefined;
  /** Every `preconnect({ url, numSockets })` call, in order (validated). */
  readonly preconnects: { url: string; numSockets: number }[];
  /** `setPermissionRequestHandler` handler; null means Electron's default (grant). */
  permissionRequestHandler: AnyFunction | null;
  /** `setPermissionCheckHandler` handler; null means Electron's default (true, except `deprecated-sync-clipboard-read`). */
  permissionCheckHandler: AnyFunction | null;
  /** `setDevicePermissionHandler` handler; null means the in-memory chooser grants. */
  devicePermissionHandler: AnyFunction | null;
  /** `setDisplayMediaRequestHandler` handler and options; null when cleared. */
  displayMediaRequestHandler: DisplayMediaRequestHandlerEntry | null;
  /** `setUSBProtectedClassesHandler` handler; null means Chromium's default protected classes. */
  usbProtectedClassesHandler: AnyFunction | null;
  /** `setBluetoothPairingHandler` handler; null means pairing that needs validation is cancelled. */
  bluetoothPairingHandler: AnyFunction | null;
  /** `registerLocalAIHandler` utility process (experimental); null when none. */
  localAIHandler: object | null;
}

/**
 * A download to start: a URL (`session.downloadURL`, `webContents.downloadURL`),
 * a navigation response that turned into one, or an interrupted item to
 * recreate (`createInterruptedDownload`; then `url` is absent).
 */
export interface DownloadRequest {
  readonly url?: string;
  readonly headers?: Record<string, string>;
  readonly response?: unknown;
  /** null for `session.downloadURL` and `createInterruptedDownload`. */
  readonly webContents: unknown;
  readonly interrupted?: InterruptedDownloadOptions;
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
