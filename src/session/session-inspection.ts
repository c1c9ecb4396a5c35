import type { TlsSettings } from '../transports/transport';
import type { AnyFunction } from './handlers';
import type { EmulationConditions, SessionInternals } from './session-internals';
import type { StorageBuckets, StorageSnapshot, StorageType } from './storage-buckets';

/** A read-only view of what the app configured on a session (`fake.inspect(session)`). */
export interface SessionInspection {
  readonly partition: string;
  readonly persistent: boolean;
  readonly storagePath: string | null;
  readonly cacheEnabled: boolean;
  readonly userAgent: string;
  /** The generated `Accept-Language` header, if `setUserAgent` was given languages. */
  readonly acceptLanguages: string | undefined;
  /** Where downloads go without a save path: `setDownloadPath`, else `app.getPath('downloads')`. */
  readonly downloadPath: string;
  readonly emulation: Readonly<EmulationConditions> | undefined;
  readonly sslConfig: TlsSettings | undefined;
  readonly codeCachePath: string | undefined;
  readonly preconnects: readonly { readonly url: string; readonly numSockets: number }[];
  /** Host names with an entry in the session's host cache. */
  readonly cachedHosts: readonly string[];
  readonly handlers: {
    readonly certificateVerifyProc: AnyFunction | null;
    readonly permissionRequestHandler: AnyFunction | null;
    readonly permissionCheckHandler: AnyFunction | null;
    readonly devicePermissionHandler: AnyFunction | null;
    readonly displayMediaRequestHandler: AnyFunction | null;
    readonly usbProtectedClassesHandler: AnyFunction | null;
    readonly bluetoothPairingHandler: AnyFunction | null;
    readonly localAIHandler: object | null;
  };
}

export function inspectSession(internals: SessionInternals): SessionInspection {
  return {
    partition: internals.partition,
    persistent: internals.persistent,
    storagePath: internals.storagePath,
    cacheEnabled: internals.cacheEnabled,
    userAgent: internals.userAgent,
    acceptLanguages: internals.acceptLanguages,
    downloadPath: internals.downloadPath ?? internals.runtime.app.getPath('downloads'),
    emulation: internals.emulation === undefined ? undefined : { ...internals.emulation },
    sslConfig: internals.sslConfig,
    codeCachePath: internals.codeCache.path,
    preconnects: internals.preconnects.map((entry) => ({ ...entry })),
    cachedHosts: internals.hostResolver.cachedHosts(),
    handlers: {
      certificateVerifyProc: (internals.certificateVerifyProc ?? null) as AnyFunction | null,
      permissionRequestHandler: internals.permissionRequestHandler,
      permissionCheckHandler: internals.permissionCheckHandler,
      devicePermissionHandler: internals.devicePermissionHandler,
      displayMediaRequestHandler: internals.displayMediaRequestHandler?.handler ?? null,
      usbProtectedClassesHandler: internals.usbProtectedClassesHandler,
      bluetoothPairingHandler: internals.bluetoothPairingHandler,
      localAIHandler: internals.localAIHandler,
    },
  };
}

/**
 * `fake.storage(session)`: seed and read the session's per-origin web storage
 * the way a page would have left it. Origins are normalised like Chromium's
 * (`https://Example.com:443/path` → `https://example.com`).
 * @example
 * fake.storage(ses).set('https://app.test', 'localStorage', 'token', 'abc');
 * await ses.clearStorageData({ storages: ['localstorage'] });
 * expect(fake.storage(ses).get('https://app.test', 'localStorage', 'token')).toBeUndefined();
 */
export interface SessionStorage {
  set(origin: string, type: StorageType, key: string, value: string): this;
  /** Seeds many entries at once: `{ 'https://a.test': { localStorage: { k: 'v' } } }`. */
  seed(snapshot: StorageSnapshot): this;
  get(origin: string, type: StorageType, key: string): string | undefined;
  delete(origin: string, type: StorageType, key: string): boolean;
  /** One bucket as a plain object (`{}` when empty). */
  entries(origin: string, type: StorageType): Record<string, string>;
  /** Origins holding data (of one type, if given), sorted. */
  origins(type?: StorageType): string[];
  /** Every bucket as a plain object. */
  snapshot(): StorageSnapshot;
  /** Script URLs in the session's V8 code cache (cleared by `clearCodeCaches`). */
  readonly codeCache: Set<string>;
}

export function sessionStorage(internals: SessionInternals): SessionStorage {
  const buckets: StorageBuckets = internals.storage;
  const api: SessionStorage = {
    set(origin, type, key, value) {
      buckets.set(origin, type, key, value);
      return this;
    },
    seed(snapshot) {
      for (const [origin, byType] of Object.entries(snapshot)) {
        for (const [type, bucket] of Object.entries(byType) as [StorageType, Record<string, string>][]) {
          for (const [key, value] of Object.entries(bucket)) buckets.set(origin, type, key, value);
        }
      }
      return this;
    },
    get: (origin, type, key) => buckets.get(origin, type, key),
    delete: (origin, type, key) => buckets.delete(origin, type, key),
    entries: (origin, type) => buckets.entries(origin, type),
    origins: (type) => buckets.origins(type),
    snapshot: () => buckets.snapshot(),
    codeCache: internals.codeCache.urls,
  };
  return api;
}
