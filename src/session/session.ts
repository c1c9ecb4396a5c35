import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type {
  SessionInternals,
  DisplayMediaRequestHandlerEntry,
  CertificateVerifyProc,
} from './session-internals';
import { registerInternals } from './session-internals';
import { acceptLanguageHeader } from './accept-languages';
import { Cookies } from '../cookies/cookies';
import { WebRequest } from '../web-request/web-request';
import { Protocol } from '../protocol/protocol';
import { sessionFetch, type SessionFetchInit } from '../net/session-fetch';
import { NetError } from '../errors/net-error';
import { nextTask, postTask } from '../clock/clock';
import { splitCallback, withCallback } from './callback-form';
import {
  conversionError,
  insufficientArguments,
  isDictionary,
  optionalStringArray,
  stringArgument,
} from './gin-arguments';
import { availableSpellCheckerLanguages } from './spellchecker';
import type { PreloadScript, PreloadScriptRegistration } from './preload-scripts';
import { parseSslConfig } from './ssl-config';
import { handlerArgument, displayMediaHandlerMessage, type AnyFunction } from './handlers';
import { parseDownloadURL, parseInterruptedDownload } from './downloads';
import type { ResolveHostOptions, ResolvedHost } from './host-resolver';
import { planClearData, planClearStorageData, type ClearPlan, type CookieClearFilter } from './clear-data';
import { Extensions, type Extension, type LoadExtensionOptions } from './extensions';
import { NetLog } from './net-log';
import { ServiceWorkers } from './service-workers';
import * as sharedDictionaries from './shared-dictionaries';
import { warnOnce } from './deprecate';
import type { ProxyConfig } from '../structures/proxy-config';
import { sessionProxyResolver } from './proxy';
import { settlePendingPermissionRequests } from '../permissions/permission-request';
import { applyNetworkConditions } from '../network-emulation/session-throttle';

const constructionToken = Symbol('electron-session-fake.Session');

/** Options the session module passes when it creates a session. */
export interface SessionInit {
  readonly internals: Omit<SessionInternals, 'session'>;
}

type Callback<T extends unknown[] = []> = (...values: T) => void;

/** `ses.clearStorageData` options (Electron 45 `ClearStorageDataOptions`). */
export interface ClearStorageDataOptions {
  origin?: string;
  storages?: (
    'cookies' | 'filesystem' | 'indexdb' | 'localstorage' | 'shadercache' | 'serviceworkers' | 'cachestorage'
  )[];
}

/** `ses.clearData` options (Electron 45 `ClearDataOptions`). */
export interface ClearDataOptions {
  dataTypes?: (
    | 'backgroundFetch'
    | 'cache'
    | 'cookies'
    | 'downloads'
    | 'fileSystems'
    | 'indexedDB'
    | 'localStorage'
    | 'serviceWorkers'
    | 'webSQL'
  )[];
  origins?: string[];
  excludeOrigins?: string[];
  avoidClosingConnections?: boolean;
  originMatchingMode?: 'third-parties-included' | 'origin-in-all-contexts';
}

/** `ses.enableNetworkEmulation` options. */
export interface EnableNetworkEmulationOptions {
  offline?: boolean;
  latency?: number;
  downloadThroughput?: number;
  uploadThroughput?: number;
}

/**
 * Electron's `Session`: one browser context with its own cookies, cache,
 * proxy, protocol handlers, webRequest hooks and permission handlers.
 * Obtained only through the `session` module (`new` throws like Electron).
 * Each method validates its arguments with Electron's texts and delegates to
 * a small module of `src/session/`.
 * @see https://www.electronjs.org/docs/latest/api/session#class-session
 */
export class Session extends EventEmitter {
  readonly #internals: SessionInternals;
  #cookies: Cookies | undefined;
  #webRequest: WebRequest | undefined;
  #protocol: Protocol | undefined;
  #extensions: Extensions | undefined;
  #netLog: NetLog | undefined;
  #serviceWorkers: ServiceWorkers | undefined;

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

  // ── Sub-objects: created on first access, then the same instance ──────────

  get cookies(): Cookies {
    if (this.#cookies === undefined) {
      const { runtime, persistent, storagePath } = this.#internals;
      this.#cookies = new Cookies({
        clock: runtime.clock,
        privilegedSchemes: runtime.privilegedSchemes,
        ...(persistent && storagePath !== null
          ? { persistence: { fs: runtime.fs, file: `${storagePath}/Cookies` } }
          : {}),
      });
    }
    return this.#cookies;
  }

  get webRequest(): WebRequest {
    const { privilegedSchemes } = this.#internals.runtime;
    this.#webRequest ??= new WebRequest({
      isRegisteredStandardScheme: (scheme) => privilegedSchemes.get(scheme)?.['standard'] === true,
    });
    return this.#webRequest;
  }

  get protocol(): Protocol {
    this.#protocol ??= new Protocol();
    return this.#protocol;
  }

  get extensions(): Extensions {
    if (this.#extensions === undefined) {
      const extensions = new Extensions(this.#internals.runtime.fs, this.#internals.persistent);
      // Electron re-emits the events on the session while it has listeners, with a deprecation warning.
      for (const name of ['extension-loaded', 'extension-unloaded', 'extension-ready'] as const) {
        extensions.on(name, (...args: unknown[]) => {
          if (this.listenerCount(name) === 0) return;
          warnOnce(this.#internals.runtime, `${name} event`, `session.extensions ${name} event`);
          this.emit(name, ...args);
        });
      }
      this.#extensions = extensions;
    }
    return this.#extensions;
  }

  get netLog(): NetLog {
    this.#netLog ??= new NetLog(this.#internals.runtime.fs, clientName(this.#internals.runtime.userAgent));
    return this.#netLog;
  }

  get serviceWorkers(): ServiceWorkers {
    this.#serviceWorkers ??= new ServiceWorkers(this.#internals.storage, (message, type) => {
      process.emitWarning(message, type);
    });
    return this.#serviceWorkers;
  }

  // ── Identity and storage location ─────────────────────────────────────────

  get storagePath(): string | null {
    return this.#internals.storagePath;
  }

  getStoragePath(): string | null {
    return this.#internals.storagePath;
  }

  isPersistent(): boolean {
    return this.#internals.persistent;
  }

  /** `acceptLanguages` that is not a string is ignored, as Electron's `args->GetNext` does. */
  setUserAgent(...args: [userAgent: string, acceptLanguages?: string]): void {
    this.#internals.userAgent = stringArgument(args, 0);
    const acceptLanguages: unknown = args[1];
    if (typeof acceptLanguages === 'string')
      this.#internals.acceptLanguages = acceptLanguageHeader(acceptLanguages);
  }

  getUserAgent(): string {
    return this.#internals.userAgent;
  }

  // ── Requests ──────────────────────────────────────────────────────────────

  fetch(input: string | Request, init?: SessionFetchInit): Promise<Response> {
    return sessionFetch(this.#internals, input, init);
  }

  /** Fails every request in flight (Chromium `NetworkContext::CloseAllConnections`). */
  async closeAllConnections(): Promise<void> {
    for (const controller of [...this.#internals.inflight]) controller.abort(new NetError('ERR_ABORTED'));
    await Promise.resolve();
  }

  /** Validates like Electron; the connection warm-up itself has no observable effect in the fake. */
  preconnect(...args: [options: { url: string; numSockets?: number }]): void {
    if (argumentCount(args) === 0) throw insufficientArguments();
    const options: unknown = args[0];
    if (!isDictionary(options)) throw conversionError(0, options);
    const url = options['url'];
    if (typeof url !== 'string' || !URL.canParse(url)) {
      throw new TypeError('Must pass non-empty valid url to session.preconnect.');
    }
    let numSockets = 1;
    const requested = options['numSockets'];
    // gin's int conversion only accepts int32 values; anything else keeps the default.
    if (typeof requested === 'number' && Number.isInteger(requested) && Math.abs(requested) <= 2 ** 31) {
      if (requested < 1 || requested > 6)
        throw new TypeError('numSocketsToPreconnect is outside range [1,6]');
      numSockets = requested;
    }
    this.#internals.preconnects.push({ url: new URL(url).href, numSockets });
  }

  // ── HTTP cache, code cache, storage ───────────────────────────────────────

  getCacheSize(callback?: Callback<[size: number]>): Promise<number> {
    const cache = this.#internals.httpCache;
    const size = nextTask().then(() => (cache === undefined ? 0 : cache.size()));
    return withCallback(size, callback as Callback<unknown[]> | undefined, 'value');
  }

  clearCache(callback?: Callback): Promise<void> {
    const cache = this.#internals.httpCache;
    const done = nextTask().then(async () => {
      await cache?.clear();
    });
    return withCallback(done, callback as Callback<unknown[]> | undefined, 'done');
  }

  setCodeCachePath(...args: [path: string]): void {
    const codeCachePath = args[0];
    if (argumentCount(args) === 0 || typeof codeCachePath !== 'string' || !path.isAbsolute(codeCachePath)) {
      throw new TypeError('Absolute path must be provided to store code cache.');
    }
    this.#internals.codeCache.path = codeCachePath;
  }

  clearCodeCaches(...args: [options: { urls?: string[] }]): Promise<void> {
    if (argumentCount(args) === 0) throw insufficientArguments();
    const options: unknown = args[0];
    if (!isDictionary(options)) throw conversionError(0, options);
    const urls = optionalStringArray(options, 'urls');
    const { codeCache } = this.#internals;
    if (urls === undefined || urls.length === 0) codeCache.urls.clear();
    else for (const url of urls) codeCache.urls.delete(URL.canParse(url) ? new URL(url).href : url);
    return nextTask();
  }

  clearStorageData(options?: ClearStorageDataOptions | Callback, callback?: Callback): Promise<void> {
    const split = splitCallback<[ClearStorageDataOptions?]>(
      [options, callback].filter((a) => a !== undefined),
    );
    const plan = planClearStorageData(split.args[0]);
    // clearStorageData never rejects.
    const done = this.#clear(plan).then(
      () => undefined,
      () => undefined,
    );
    return withCallback(done, split.callback, 'done');
  }

  clearData(...args: [options?: ClearDataOptions]): Promise<void> {
    const plan = planClearData(args);
    return this.#clear(plan);
  }

  flushStorageData(): void {
    this.#internals.storage.flush();
  }

  // ── Proxy, host resolver, auth ────────────────────────────────────────────

  setProxy(config: ProxyConfig, callback?: Callback): Promise<void> {
    const done = sessionProxyResolver(this.#internals).setConfig(proxyConfigArgument(config));
    return withCallback(done, callback as Callback<unknown[]> | undefined, 'done');
  }

  resolveProxy(url: string, callback?: Callback<[proxy: string]>): Promise<string> {
    const result = sessionProxyResolver(this.#internals).resolveProxy(typeof url === 'string' ? url : '');
    return withCallback(result, callback as Callback<unknown[]> | undefined, 'value');
  }

  forceReloadProxyConfig(): Promise<void> {
    return sessionProxyResolver(this.#internals).forceReload();
  }

  resolveHost(...args: [host: string, options?: ResolveHostOptions]): Promise<ResolvedHost> {
    return this.#internals.hostResolver.resolve(args);
  }

  clearHostResolverCache(callback?: Callback): Promise<void> {
    this.#internals.hostResolver.clearCache();
    return withCallback(nextTask(), callback as Callback<unknown[]> | undefined, 'done');
  }

  /** Clears the HTTP auth cache, then fails every request in flight with `net::ERR_ABORTED`. */
  clearAuthCache(options?: object | Callback, callback?: Callback): Promise<void> {
    // v6 still took a deprecated options object; 1.x took (options, callback).
    const split = splitCallback<[object?]>([options, callback].filter((a) => a !== undefined));
    this.#internals.authCache.clear();
    this.#abortInflight();
    return withCallback(nextTask(), split.callback, 'done');
  }

  allowNTLMCredentialsForDomains(...args: [domains: string]): void {
    // A network-service pref: every session of the process shares the last value.
    this.#internals.runtime.ntlmCredentialDomains = stringArgument(args, 0);
  }

  getBlobData(identifier: string, callback?: Callback<[result: Buffer]>): Promise<Buffer> {
    const uuid = stringArgument([identifier], 0);
    const bytes = this.#internals.runtime.blobs.get(uuid);
    const result =
      bytes === undefined
        ? Promise.reject(new Error('Could not get blob data handle'))
        : nextTask().then(() => Buffer.from(bytes));
    return withCallback(result, callback as Callback<unknown[]> | undefined, 'value');
  }

  // ── Network emulation, SSL ────────────────────────────────────────────────

  enableNetworkEmulation(...args: [options: EnableNetworkEmulationOptions]): void {
    if (argumentCount(args) === 0) throw insufficientArguments();
    const options: unknown = args[0];
    if (!isDictionary(options)) throw conversionError(0, options);
    const number = (key: string): number => {
      const value = options[key];
      return typeof value === 'number' ? value : 0;
    };
    this.#internals.emulation = {
      offline: Boolean(options['offline']),
      latency: number('latency'),
      downloadThroughput: number('downloadThroughput'),
      uploadThroughput: number('uploadThroughput'),
    };
    applyNetworkConditions(this.#internals);
  }

  disableNetworkEmulation(): void {
    this.#internals.emulation = undefined;
    applyNetworkConditions(this.#internals);
  }

  setSSLConfig(
    ...args: [
      config: {
        minVersion?: 'tls1.2' | 'tls1.3';
        maxVersion?: 'tls1.2' | 'tls1.3';
        disabledCipherSuites?: number[];
      },
    ]
  ): void {
    this.#internals.sslConfig = parseSslConfig(args);
  }

  // ── Downloads ─────────────────────────────────────────────────────────────

  setDownloadPath(...args: [path: string]): void {
    const downloadPath = stringArgument(args, 0);
    this.#internals.downloadPath = downloadPath;
    this.#internals.prefs.set('download.default_directory', downloadPath);
  }

  /** Validates, then hands the download to the downloads machinery (`internals.startDownload`). */
  downloadURL(...args: [url: string, options?: { headers?: Record<string, string> }]): void {
    const { url, headers } = parseDownloadURL(args);
    this.#internals.startDownload?.({ url, headers, webContents: null });
  }

  /** Throws synchronously on bad input; the item is created on a later task, like Electron. */
  createInterruptedDownload(
    ...args: [
      options: {
        path: string;
        urlChain: string[];
        mimeType?: string;
        offset: number;
        length: number;
        lastModified?: string;
        eTag?: string;
        startTime?: number;
      },
    ]
  ): void {
    const interrupted = parseInterruptedDownload(args, this.#internals.runtime.clock);
    postTask(() => this.#internals.startDownload?.({ webContents: null, interrupted }));
  }

  // ── Handlers ──────────────────────────────────────────────────────────────

  setCertificateVerifyProc(proc: CertificateVerifyProc | null): void {
    this.#internals.certificateVerifyProc = handlerArgument(proc) as CertificateVerifyProc | null;
  }

  /** Clearing the handler completes the requests still waiting for it (unanswered permissions denied). */
  setPermissionRequestHandler(handler: AnyFunction | null): void {
    const value = handlerArgument(handler);
    if (value === null) settlePendingPermissionRequests(this.#internals);
    this.#internals.permissionRequestHandler = value;
  }

  setPermissionCheckHandler(handler: AnyFunction | null): void {
    this.#internals.permissionCheckHandler = handlerArgument(handler);
  }

  setDevicePermissionHandler(handler: AnyFunction | null): void {
    this.#internals.devicePermissionHandler = handlerArgument(handler);
  }

  setUSBProtectedClassesHandler(handler: AnyFunction | null): void {
    this.#internals.usbProtectedClassesHandler = handlerArgument(handler);
  }

  setBluetoothPairingHandler(handler: AnyFunction | null): void {
    this.#internals.bluetoothPairingHandler = handlerArgument(handler);
  }

  /**
   * Electron's JS wrapper: a falsy handler goes straight to the native setter
   * (`null` clears, anything else throws its own TypeError); a truthy one is
   * wrapped, so a non-function only fails when a request calls it. The system
   * picker (`useSystemPicker`) exists only on macOS, so the handler is always used.
   */
  setDisplayMediaRequestHandler(handler: AnyFunction | null, opts?: { useSystemPicker?: boolean }): void {
    if (!handler) {
      handlerArgument(handler, displayMediaHandlerMessage);
      this.#internals.displayMediaRequestHandler = null;
      return;
    }
    const user = handler as unknown;
    const entry: DisplayMediaRequestHandlerEntry = {
      handler: async (request: unknown, callback: unknown) =>
        (user as (r: unknown, c: unknown) => unknown)(request, callback),
      opts,
    };
    this.#internals.displayMediaRequestHandler = entry;
  }

  /**
   * Experimental. Electron's wrapper unwraps the `UtilityProcess` with its
   * `_unwrapHandle()` before the native call, so a string, a number or a plain
   * object fails there with the engine's own TypeError; `null` clears.
   */
  registerLocalAIHandler(handler: object | null): void {
    if (handler === null) {
      this.#internals.localAIHandler = null;
      return;
    }
    const unwrapped: unknown = (handler as { _unwrapHandle(): unknown })._unwrapHandle();
    if (typeof unwrapped !== 'object' || unwrapped === null)
      throw new TypeError('Must pass null or UtilityProcess');
    this.#internals.localAIHandler = handler;
  }

  // ── Preload scripts ───────────────────────────────────────────────────────

  registerPreloadScript(...args: [script: PreloadScriptRegistration]): string {
    return this.#internals.preloadScripts.register(args);
  }

  unregisterPreloadScript(...args: [id: string]): void {
    this.#internals.preloadScripts.unregister(args);
  }

  getPreloadScripts(): PreloadScript[] {
    return this.#internals.preloadScripts.list();
  }

  /** @deprecated Electron's own deprecation: use `registerPreloadScript`. */
  setPreloads(preloads: string[]): void {
    warnOnce(this.#internals.runtime, 'session.setPreloads', 'session.registerPreloadScript');
    this.#internals.preloadScripts.setFramePaths(preloads);
  }

  /** @deprecated Electron's own deprecation: use `getPreloadScripts`. */
  getPreloads(): string[] {
    warnOnce(this.#internals.runtime, 'session.getPreloads', 'session.getPreloadScripts');
    return this.#internals.preloadScripts.framePaths();
  }

  // ── Spellchecker ──────────────────────────────────────────────────────────

  get availableSpellCheckerLanguages(): string[] {
    return availableSpellCheckerLanguages();
  }

  get spellCheckerEnabled(): boolean {
    return this.#internals.spellChecker.enabled;
  }

  set spellCheckerEnabled(enabled: boolean) {
    this.#internals.spellChecker.setEnabled(enabled);
  }

  setSpellCheckerEnabled(enable: boolean): void {
    this.#internals.spellChecker.setEnabled(enable);
  }

  isSpellCheckerEnabled(): boolean {
    return this.#internals.spellChecker.enabled;
  }

  setSpellCheckerLanguages(...args: [languages: string[]]): void {
    this.#internals.spellChecker.setLanguages(args);
  }

  getSpellCheckerLanguages(): string[] {
    return this.#internals.spellChecker.languages;
  }

  setSpellCheckerDictionaryDownloadURL(...args: [url: string]): void {
    this.#internals.spellChecker.setDictionaryDownloadURL(args);
  }

  listWordsInSpellCheckerDictionary(): Promise<string[]> {
    const words = this.#internals.spellChecker.words();
    return nextTask().then(() => words);
  }

  addWordToSpellCheckerDictionary(...args: [word: string]): boolean {
    return this.#internals.spellChecker.addWord(args);
  }

  removeWordFromSpellCheckerDictionary(...args: [word: string]): boolean {
    return this.#internals.spellChecker.removeWord(args);
  }

  // ── Extensions (deprecated on Session; moved to ses.extensions) ───────────

  /** @deprecated Electron's own deprecation: use `ses.extensions.loadExtension`. */
  loadExtension(...args: [path: string, options?: LoadExtensionOptions]): Promise<Extension> {
    warnOnce(this.#internals.runtime, 'session.loadExtension', 'session.extensions.loadExtension');
    return this.extensions.loadExtension(...args);
  }

  /** @deprecated Electron's own deprecation: use `ses.extensions.removeExtension`. */
  removeExtension(...args: [extensionId: string]): void {
    warnOnce(this.#internals.runtime, 'session.removeExtension', 'session.extensions.removeExtension');
    this.extensions.removeExtension(...args);
  }

  /** @deprecated Electron's own deprecation: use `ses.extensions.getExtension`. */
  getExtension(...args: [extensionId: string]): Extension | null {
    warnOnce(this.#internals.runtime, 'session.getExtension', 'session.extensions.getExtension');
    return this.extensions.getExtension(...args);
  }

  /** @deprecated Electron's own deprecation: use `ses.extensions.getAllExtensions`. */
  getAllExtensions(): Extension[] {
    warnOnce(this.#internals.runtime, 'session.getAllExtensions', 'session.extensions.getAllExtensions');
    return this.extensions.getAllExtensions();
  }

  // ── Shared dictionaries ───────────────────────────────────────────────────

  getSharedDictionaryUsageInfo(): Promise<sharedDictionaries.SharedDictionaryUsageInfo[]> {
    return sharedDictionaries.sharedDictionaryUsageInfo();
  }

  getSharedDictionaryInfo(
    ...args: [options: { frameOrigin: string; topFrameSite: string }]
  ): Promise<sharedDictionaries.SharedDictionaryInfo[]> {
    return sharedDictionaries.sharedDictionaryInfo(args);
  }

  clearSharedDictionaryCache(): Promise<void> {
    return sharedDictionaries.clearSharedDictionaryCache();
  }

  clearSharedDictionaryCacheForIsolationKey(
    ...args: [options: { frameOrigin: string; topFrameSite: string }]
  ): Promise<void> {
    return sharedDictionaries.clearSharedDictionaryCacheForIsolationKey(args);
  }

  // ── Internals ─────────────────────────────────────────────────────────────

  #abortInflight(): void {
    for (const controller of [...this.#internals.inflight]) controller.abort(new NetError('ERR_ABORTED'));
  }

  /** Runs one clear: buckets, workers, cookies, cache, salt, auth; rejects like Electron's `ClearDataTask`. */
  async #clear(plan: ClearPlan): Promise<void> {
    const { storage, prefs, authCache, httpCache } = this.#internals;
    storage.clear(plan.storage, plan.storageOrigins);
    if (plan.storage.has('serviceWorkers') && this.#serviceWorkers !== undefined) {
      const filter = plan.storageOrigins;
      this.#serviceWorkers.stopWorkers((origin) =>
        filter.mode === 'all'
          ? true
          : filter.mode === 'only'
            ? filter.origins.has(origin)
            : !filter.origins.has(origin),
      );
    }
    if (plan.resetMediaDeviceSalt) prefs.set('media.device_id_salt', randomBytes(16).toString('hex'));
    if (plan.clearAuthCacheAndConnections) {
      authCache.clear();
      this.#abortInflight();
    }
    const failed: string[] = [];
    if (plan.cookies !== undefined) {
      try {
        await clearCookies(this.cookies, plan.cookies);
      } catch {
        failed.push('cookies');
      }
    }
    if (plan.httpCache && httpCache !== undefined) {
      try {
        await httpCache.clear(plan.storageOrigins);
      } catch {
        failed.push('cache');
      }
    }
    await nextTask();
    if (failed.length > 0) {
      throw Object.assign(new Error('Failed to clear data'), { failedDataTypes: failed });
    }
  }
}

/** The cookie store's side of a clear (provided by `src/cookies`). */
interface CookieClearing {
  clearForOrigins(filter: CookieClearFilter): Promise<void>;
}

function clearCookies(cookies: unknown, filter: CookieClearFilter): Promise<void> {
  return (cookies as CookieClearing).clearForOrigins(filter);
}

/** `Dictionary::Get` string members only; a non-object config means an empty one. */
function proxyConfigArgument(config: unknown): ProxyConfig {
  if (!isDictionary(config)) return {};
  const out: Record<string, string> = {};
  for (const key of ['mode', 'pacScript', 'proxyRules', 'proxyBypassRules'] as const) {
    const value = config[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out as ProxyConfig;
}

/** `Electron 45.5.0` from the default User-Agent, for the net-log constants. */
function clientName(userAgent: string): string {
  const version = /Electron\/(\S+)/.exec(userAgent)?.[1];
  return version === undefined ? 'Electron' : `Electron ${version}`;
}

/** How many arguments a `...args: [tuple]` method really received. */
function argumentCount(args: readonly unknown[]): number {
  return args.length;
}
