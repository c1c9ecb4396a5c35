import path from 'node:path';
import type { Runtime } from '../runtime/runtime';
import { Session } from './session';
import { AuthCache } from '../pipeline/auth/auth-cache';

export interface FromPartitionOptions {
  cache?: boolean;
}

/**
 * Chromium's `base::EscapePath` as Electron applies it to partition names
 * (`ElectronBrowserContext`): the lower-cased name becomes one folder name.
 */
function partitionFolder(name: string): string {
  return name.toLowerCase().replace(/[^A-Za-z0-9._~!$&'()*+,;=:@-]/g, (c) =>
    [...Buffer.from(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

function argumentError(index: number, value: unknown): TypeError {
  const type = value === null ? 'null' : typeof value;
  return new TypeError(`Error processing argument at index ${index}, conversion failure from ${type}`);
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

  get defaultSession(): Session {
    return this.fromPartition('');
  }

  fromPartition(partition: string, options?: FromPartitionOptions): Session {
    this.#assertReady();
    if (typeof partition !== 'string') throw argumentError(0, partition);
    const persistent = partition === '' || partition.startsWith('persist:');
    const name = persistent ? partition.slice('persist:'.length) : partition;
    // 'persist:' and '' share the default session's key (Electron: empty persistent partition).
    const key = persistent ? `persist:${name}` : `memory:${name}`;
    const existing = this.#partitions.get(key);
    if (existing !== undefined) return existing;
    const sessionData = this.#runtime.paths.get('sessionData') ?? '/';
    const storagePath = !persistent
      ? null
      : name === ''
        ? sessionData
        : path.join(sessionData, 'Partitions', partitionFolder(name));
    const session = this.#create(partition === 'persist:' ? '' : partition, persistent, storagePath, options);
    this.#partitions.set(key, session);
    this.#onCreated(session);
    return session;
  }

  fromPath(sessionPath: string, options?: FromPartitionOptions): Session {
    this.#assertReady();
    if (typeof sessionPath !== 'string') throw argumentError(0, sessionPath);
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
    if (storagePath !== null) this.#runtime.fs.mkdirSync(storagePath, { recursive: true });
    const cache = typeof options === 'object' && options !== null && options.cache === false ? false : true;
    return Session.create({
      internals: {
        runtime: this.#runtime,
        partition,
        persistent,
        storagePath,
        cacheEnabled: cache,
        userAgent: this.#runtime.userAgent,
        acceptLanguages: undefined,
        inflight: new Set(),
        authCache: new AuthCache(),
      },
    });
  }
}
