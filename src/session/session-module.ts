import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Runtime } from '../runtime/runtime';
import { Session } from './session';
import { AuthCache } from '../pipeline/auth/auth-cache';
import { conversionError } from './gin-arguments';
import { Preferences } from './preferences';
import { PreloadScriptRegistry } from './preload-scripts';
import { SpellChecker } from './spellchecker';
import { StorageBuckets } from './storage-buckets';
import { HostResolver } from './host-resolver';
import { partitionFolder } from './partition-folder';
import { createHttpCache } from '../http-cache/http-cache';
import { HarnessError } from '../errors/harness-error';

/** `Electron.FromPartitionOptions` / `FromPathOptions`. */
export interface FromPartitionOptions {
  cache?: boolean;
}

/**
 * Electron's `session` module: creates and caches `Session` objects.
 * @see https://www.electronjs.org/docs/latest/api/session#methods
 */
export class SessionModule {
  readonly #runtime: Runtime;
  readonly #partitions = new Map<string, Session>();
  readonly #paths = new Map<string, Session>();
  readonly #onCreated: (session: Session) => void;

  constructor(runtime: Runtime, onCreated: (session: Session) => void) {
    this.#runtime = runtime;
    this.#onCreated = onCreated;
  }

  /** `session.defaultSession`: `fromPartition('')` on every read, so always the same object. */
  get defaultSession(): Session {
    return this.fromPartition('');
  }

  /**
   * `''` and `'persist:'` give the default session; `'persist:NAME'` a persistent
   * session under `<sessionData>/Partitions/<escaped lower-cased NAME>`; anything
   * else an in-memory session. Keys are case-sensitive; options count only on
   * first creation.
   */
  fromPartition(partition: string, options?: FromPartitionOptions): Session {
    this.#assertReady();
    if (typeof partition !== 'string') throw conversionError(0, partition);
    const persistent = partition === '' || partition.startsWith('persist:');
    const name = persistent ? partition.slice('persist:'.length) : partition;
    const key = persistent ? `persist:${name}` : `memory:${name}`;
    const existing = this.#partitions.get(key);
    if (existing !== undefined) return existing;
    const sessionData = this.#runtime.app.getPath('sessionData');
    const storagePath = !persistent
      ? null
      : name === ''
        ? sessionData
        : partitionPath(sessionData, partition, name);
    const session = this.#create(
      persistent ? (name === '' ? '' : partition) : partition,
      persistent,
      storagePath,
      options,
    );
    this.#partitions.set(key, session);
    this.#onCreated(session);
    return session;
  }

  /** A persistent session stored at the absolute `path`, keyed by that exact string. */
  fromPath(sessionPath: string, options?: FromPartitionOptions): Session {
    this.#assertReady();
    if (typeof sessionPath !== 'string') throw conversionError(0, sessionPath);
    if (sessionPath === '') throw new TypeError('An empty path was specified');
    if (!path.isAbsolute(sessionPath)) throw new TypeError('An absolute path was not provided');
    const existing = this.#paths.get(sessionPath);
    if (existing !== undefined) return existing;
    const session = this.#create(sessionPath, true, sessionPath, options);
    this.#paths.set(sessionPath, session);
    this.#onCreated(session);
    return session;
  }

  /** @internal Every session created so far, for `fake` controls and restart. */
  allSessions(): Session[] {
    return [...this.#partitions.values(), ...this.#paths.values()];
  }

  #assertReady(): void {
    if (!this.#runtime.app.isReady()) throw new TypeError('Session can only be received when app is ready');
  }

  #create(
    partition: string,
    persistent: boolean,
    storagePath: string | null,
    options: FromPartitionOptions | undefined,
  ): Session {
    const runtime = this.#runtime;
    if (storagePath !== null) createStorageFolder(runtime, storagePath);
    // A non-object options argument is ignored; only a boolean `cache: false` turns the cache off.
    const cache = typeof options === 'object' && options !== null && options.cache === false ? false : true;
    const prefs = new Preferences(runtime.fs, storagePath);
    if (prefs.get('media.device_id_salt') === undefined) {
      prefs.set('media.device_id_salt', randomBytes(16).toString('hex'));
    }
    return Session.create({
      internals: {
        runtime,
        partition,
        persistent,
        storagePath,
        cacheEnabled: cache,
        httpCache: cache ? createHttpCache(runtime, storagePath) : undefined,
        userAgent: runtime.userAgent,
        acceptLanguages: undefined,
        inflight: new Set(),
        authCache: new AuthCache(),
        prefs,
        preloadScripts: new PreloadScriptRegistry(),
        spellChecker: new SpellChecker({
          fs: runtime.fs,
          prefs,
          storagePath,
          locale: runtime.app.getLocale(),
        }),
        storage: new StorageBuckets(runtime.fs, storagePath),
        hostResolver: new HostResolver(runtime.hosts, runtime.clock),
        codeCache: { path: undefined, urls: new Set() },
        downloadPath: prefs.get('download.default_directory'),
        preconnects: [],
        permissionRequestHandler: null,
        permissionCheckHandler: null,
        devicePermissionHandler: null,
        displayMediaRequestHandler: null,
        usbProtectedClassesHandler: null,
        bluetoothPairingHandler: null,
        localAIHandler: null,
      },
    });
  }
}

/**
 * Electron's `base::EscapePath` keeps '/' and '.', so `persist:../x` would put
 * the profile outside `Partitions/`; the fake refuses to write there.
 */
function partitionPath(sessionData: string, partition: string, name: string): string {
  const partitions = path.join(sessionData, 'Partitions');
  const storagePath = path.join(partitions, partitionFolder(name));
  const relative = path.relative(partitions, storagePath);
  if (relative === '' || relative.split(path.sep)[0] === '..') {
    throw new HarnessError(
      'INVALID_OPTION',
      `Failed to create the session for partition ${JSON.stringify(partition)}: its folder ${storagePath} is outside ${partitions}. Use a partition name without "." or ".." path segments.`,
    );
  }
  return storagePath;
}

// Chromium creates the profile folder off the UI thread and logs a failure; on
// a real userDataPath the fake would otherwise throw Node's raw fs error.
function createStorageFolder(runtime: Runtime, storagePath: string): void {
  try {
    runtime.fs.mkdirSync(storagePath, { recursive: true });
  } catch (error) {
    throw new HarnessError(
      'INVALID_OPTION',
      `Failed to create the session folder ${storagePath}: ${(error as Error).message}. Use a shorter partition name or path, or a userDataPath the test can write to.`,
      { cause: error },
    );
  }
}
