import { registrableDomain as registrableDomainOfHost } from '../cookies/registrable-domain';
import { isDictionary, optionalString, optionalStringArray } from './gin-arguments';
import { possiblyInvalidSpec, serializeOrigin } from './origin';
import { storageTypes, type OriginFilter, type StorageType } from './storage-buckets';

/**
 * What a clear asks the session's cookie store to delete
 * (`session.cookies.clearForOrigins(filter)`):
 * - `all`: every cookie;
 * - `url`: `clearStorageData({ origin })`: the cookies that would be sent to
 *   that URL (Chromium's `CookieDeletionInfo::url`);
 * - `registrable-domains`: `clearData({ origins | excludeOrigins })`: cookies
 *   whose domain belongs to (`delete`) or does not belong to (`preserve`) one
 *   of the registrable domains (eTLD+1, private registries included; the host
 *   itself when it has none, e.g. `localhost` or an IP).
 */
export type CookieClearFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'url'; readonly url: string }
  | {
      readonly kind: 'registrable-domains';
      readonly mode: 'delete' | 'preserve';
      readonly domains: readonly string[];
    };

/** One resolved clear request, whichever API it came from. */
export interface ClearPlan {
  /** Storage buckets to empty. */
  readonly storage: ReadonlySet<StorageType>;
  /** The origins the buckets (and the HTTP cache) are cleared for. */
  readonly storageOrigins: OriginFilter;
  /** Cookies to delete, if any. */
  readonly cookies: CookieClearFilter | undefined;
  readonly httpCache: boolean;
  /** Cookies were cleared through `clearStorageData`: the media device id salt is reset. */
  readonly resetMediaDeviceSalt: boolean;
  /** `clearData` clearing cookies without `avoidClosingConnections` also clears the auth cache and closes connections. */
  readonly clearAuthCacheAndConnections: boolean;
}

/** `clearStorageData` `storages` names (compared lower-cased) → what they clear. */
const storageNames: Record<string, StorageType | 'cookies'> = {
  cookies: 'cookies',
  filesystem: 'fileSystems',
  indexdb: 'indexedDB',
  localstorage: 'localStorage',
  shadercache: 'shaderCache',
  serviceworkers: 'serviceWorkers',
  cachestorage: 'cacheStorage',
};

/** `REMOVE_DATA_MASK_ALL` of a storage partition: every bucket but downloads (not partition data). */
const storagePartitionAll: readonly StorageType[] = storageTypes.filter((type) => type !== 'downloads');

/**
 * `ses.clearStorageData([options])` (Electron's `Converter<ClearStorageDataOptions>`):
 * a non-object `options` means defaults; `origin` must be a string to count and
 * an opaque or unparsable one clears every origin (Chromium's empty storage key);
 * `storages` must be an array of strings to count, names compare
 * case-insensitively, unknown names are ignored, and `[]` clears nothing.
 * Never throws and never rejects.
 */
export function planClearStorageData(options: unknown): ClearPlan {
  const dict = isDictionary(options) ? options : {};
  const originInput = optionalString(dict, 'origin');
  const origin = originInput === undefined ? undefined : serializeOrigin(originInput);
  const names = optionalStringArray(dict, 'storages');
  const storage = new Set<StorageType>();
  let cookies = false;
  if (names === undefined) {
    for (const type of storagePartitionAll) storage.add(type);
    cookies = true;
  } else {
    for (const name of names) {
      const type = storageNames[name.toLowerCase()];
      if (type === 'cookies') cookies = true;
      else if (type !== undefined) storage.add(type);
    }
  }
  return {
    storage,
    storageOrigins: origin === undefined ? { mode: 'all' } : { mode: 'only', origins: new Set([origin]) },
    cookies: !cookies
      ? undefined
      : origin === undefined
        ? { kind: 'all' }
        : { kind: 'url', url: urlOfOrigin(origin) },
    httpCache: false,
    resetMediaDeviceSalt: cookies,
    clearAuthCacheAndConnections: false,
  };
}

/** `clearData` `dataTypes` names (case-sensitive) → what they clear. */
const dataTypeNames: Record<string, readonly (StorageType | 'cookies' | 'httpCache')[]> = {
  backgroundFetch: ['backgroundFetch'],
  cache: ['httpCache', 'cacheStorage', 'shaderCache'],
  cookies: ['cookies'],
  downloads: ['downloads'],
  fileSystems: ['fileSystems'],
  indexedDB: ['indexedDB'],
  localStorage: ['localStorage'],
  serviceWorkers: ['serviceWorkers'],
};

/**
 * `ses.clearData([options])` argument handling (Electron's `Session::ClearData`):
 * throws synchronously for `origins` together with `excludeOrigins`
 * (`Cannot provide both 'origins' and 'excludeOrigins'`) and for an opaque
 * origin (`Invalid origin: '<spec>'`). `dataTypes` names are case-sensitive,
 * unknown ones are ignored and `[]` clears nothing; a value that is not an
 * array of strings counts as absent (everything), as do `origins` and
 * `excludeOrigins` that are not arrays of strings.
 */
export function planClearData(args: ArrayLike<unknown>): ClearPlan {
  const options = args[0];
  // `args->GetNext(&dictionary)` fails quietly for a non-object: defaults apply.
  const dict = isDictionary(options) ? options : undefined;
  const kinds = new Set<StorageType | 'cookies' | 'httpCache'>();
  const dataTypes = dict === undefined ? undefined : optionalStringArray(dict, 'dataTypes');
  if (dataTypes === undefined) {
    for (const list of Object.values(dataTypeNames)) for (const kind of list) kinds.add(kind);
  } else {
    for (const name of dataTypes) for (const kind of dataTypeNames[name] ?? []) kinds.add(kind);
  }
  const avoidClosingConnections = dict !== undefined && dict['avoidClosingConnections'] === true;

  const origins = dict === undefined ? undefined : optionalStringArray(dict, 'origins');
  const excludeOrigins = dict === undefined ? undefined : optionalStringArray(dict, 'excludeOrigins');
  if (origins !== undefined && excludeOrigins !== undefined) {
    throw new TypeError("Cannot provide both 'origins' and 'excludeOrigins'");
  }
  const listed = origins ?? excludeOrigins ?? [];
  const serialized: string[] = [];
  for (const input of listed) {
    const origin = serializeOrigin(input);
    if (origin === undefined) throw new TypeError(`Invalid origin: '${possiblyInvalidSpec(input)}'`);
    serialized.push(origin);
  }
  // Chromium: origins → delete mode (only those); otherwise preserve mode (all but those).
  const mode: 'delete' | 'preserve' = origins !== undefined ? 'delete' : 'preserve';
  const storageOrigins: OriginFilter =
    mode === 'delete'
      ? { mode: 'only', origins: new Set(serialized) }
      : serialized.length === 0
        ? { mode: 'all' }
        : { mode: 'except', origins: new Set(serialized) };

  let cookies: CookieClearFilter | undefined;
  if (kinds.has('cookies')) {
    if (mode === 'preserve' && serialized.length === 0) cookies = { kind: 'all' };
    else
      cookies = {
        kind: 'registrable-domains',
        mode,
        domains: [...new Set(serialized.map(registrableDomain))],
      };
  }
  const storage = new Set(
    [...kinds].filter((kind): kind is StorageType => kind !== 'cookies' && kind !== 'httpCache'),
  );
  return {
    storage,
    storageOrigins,
    cookies,
    httpCache: kinds.has('httpCache'),
    resetMediaDeviceSalt: false,
    clearAuthCacheAndConnections: kinds.has('cookies') && !avoidClosingConnections,
  };
}

/**
 * Chromium's `GetDomainAndRegistry(origin, INCLUDE_PRIVATE_REGISTRIES)`, falling back to the host
 * (bracketed for IPv6, as a cookie's domain is) for IPs and hosts outside any known registry.
 */
export function registrableDomain(origin: string): string {
  const host = new URL(urlOfOrigin(origin)).hostname;
  return registrableDomainOfHost(host) || host;
}

function urlOfOrigin(origin: string): string {
  return origin === 'file://' ? 'file:///' : `${origin}/`;
}
