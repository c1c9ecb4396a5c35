import { randomUUID } from 'node:crypto';
import type { Clock } from './clock/clock';
import type { FakeFileSystem } from './runtime/file-system';
import type { Runtime } from './runtime/runtime';
import { toEntries } from './runtime/host-map';
import type { SessionModule } from './session/session-module';
import type { ElectronFake } from './create-electron-fake';

export interface FakeControlsInit {
  readonly runtime: Runtime;
  readonly session: SessionModule;
  readonly restart: () => ElectronFake;
}

/**
 * The harness side of a fake Electron: what a test uses to drive and inspect
 * it. Everything else on the fake object carries Electron's own names.
 */
export class FakeControls {
  readonly #runtime: Runtime;
  readonly #session: SessionModule;
  readonly #restart: () => ElectronFake;
  #restarted = false;

  constructor(init: FakeControlsInit) {
    this.#runtime = init.runtime;
    this.#session = init.session;
    this.#restart = init.restart;
  }

  /** The file system the fake writes to (a memfs volume unless `userDataPath` was given). */
  get fs(): FakeFileSystem {
    return this.#runtime.fs;
  }

  get clock(): Clock {
    return this.#runtime.clock;
  }

  /** Makes `app` ready (emits `'will-finish-launching'` and `'ready'`) when created with `ready: false`. */
  ready(): void {
    this.#runtime.app.markReady();
  }

  /**
   * Simulates quitting and relaunching the app: returns a new module-shaped fake
   * over the same file system. Persistent sessions reload their data; in-memory
   * partitions are gone; old session objects are not reused.
   */
  restart(): ElectronFake {
    if (this.#restarted) throw new Error('Failed to restart the fake: it was already restarted. Call restart() on the fake it returned.');
    this.#restarted = true;
    for (const session of this.#session.allSessions()) session.closeAllConnections().catch(() => undefined);
    return this.#restart();
  }

  /** Maps a host name to one or more addresses for `resolveHost`, PAC `dnsResolve` and the live transport. */
  setHost(host: string, addresses: string | readonly string[]): void {
    this.#runtime.hosts.set(host.toLowerCase(), toEntries(addresses));
  }

  removeHost(host: string): void {
    this.#runtime.hosts.delete(host.toLowerCase());
  }

  /** The process-wide value last passed to `allowNTLMCredentialsForDomains`. */
  get ntlmCredentialDomains(): string | undefined {
    return this.#runtime.ntlmCredentialDomains;
  }

  /** Registers bytes as a blob and returns its UUID, for `getBlobData`. */
  registerBlob(data: Buffer | Uint8Array | string): string {
    const uuid = randomUUID();
    this.#runtime.blobs.set(uuid, Buffer.from(typeof data === 'string' ? data : data));
    return uuid;
  }

  /** Drops a blob, as Chromium does once nothing references it. */
  releaseBlob(uuid: string): void {
    this.#runtime.blobs.delete(uuid);
  }
}
