import { EventEmitter } from 'node:events';
import { nextTask } from '../clock/clock';
import { createElectronEvent } from '../runtime/electron-event';
import { conversionError, stringArgument } from './gin-arguments';
import type { StorageBuckets } from './storage-buckets';
import { serializeOrigin } from './origin';

/** `Electron.ServiceWorkerInfo`. */
export interface ServiceWorkerInfo {
  scriptUrl: string;
  scope: string;
  renderProcessId: number;
  versionId: number;
}

/** An `ipc.handle` listener: `(event, ...args)`; no worker ever invokes it in the fake. */
type InvokeListener = (...args: never[]) => unknown;

/**
 * `Electron.IpcMainServiceWorker`: an EventEmitter plus `handle`/`handleOnce`/
 * `removeHandler` with Electron's IpcMainImpl rule (one handler per channel).
 */
export class IpcMainServiceWorker extends EventEmitter {
  readonly #handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.#handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    if (typeof listener !== 'function')
      throw new TypeError(`Expected handler to be a function, but found type '${typeof listener}'`);
    this.#handlers.set(channel, listener);
  }

  handleOnce(channel: string, listener: InvokeListener): void {
    this.handle(channel, (...args: never[]) => {
      this.removeHandler(channel);
      return listener(...args);
    });
  }

  removeHandler(channel: string): void {
    this.#handlers.delete(channel);
  }
}

/**
 * `Electron.ServiceWorkerMain` for a worker the fake started. There is no
 * renderer behind it: `send` and the `ipc` emitter go nowhere, `startTask`
 * returns a task whose `end()` does nothing.
 */
export class ServiceWorkerMain {
  readonly versionId: number;
  readonly scope: string;
  readonly scriptURL: string;
  readonly ipc = new IpcMainServiceWorker();
  #destroyed = false;

  /** @internal */
  constructor(versionId: number, scope: string, scriptURL: string) {
    this.versionId = versionId;
    this.scope = scope;
    this.scriptURL = scriptURL;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  send(channel: string, ...args: unknown[]): void {
    void channel;
    void args;
  }

  startTask(): { end(): void } {
    return { end: () => undefined };
  }

  /** @internal */
  destroy(): void {
    this.#destroyed = true;
  }
}

interface Running {
  readonly info: ServiceWorkerInfo;
  readonly main: ServiceWorkerMain;
}

/**
 * `ses.serviceWorkers`. Registrations are the session's `serviceWorkers`
 * storage buckets (scope URL → script URL), seeded with
 * `fake.storage(session).set(origin, 'serviceWorkers', scope, scriptUrl)`;
 * `startWorkerForScope` starts a registered worker and emits
 * `running-status-changed` (`starting`, then `running`). Clearing service-worker
 * storage stops the running workers of the cleared origins.
 */
export class ServiceWorkers extends EventEmitter {
  readonly #storage: StorageBuckets;
  readonly #running = new Map<number, Running>();
  readonly #warnings: (message: string, type: string) => void;
  #nextVersionId = 0;
  #nextProcessId = 1;

  /** @internal Created by the session. */
  constructor(storage: StorageBuckets, warn: (message: string, type: string) => void) {
    super();
    this.#storage = storage;
    this.#warnings = warn;
  }

  getAllRunning(): Record<number, ServiceWorkerInfo> {
    const out: Record<number, ServiceWorkerInfo> = {};
    for (const [versionId, running] of this.#running) out[versionId] = { ...running.info };
    return out;
  }

  getInfoFromVersionID(versionId: unknown): ServiceWorkerInfo {
    const running = this.#running.get(versionIdArgument(versionId));
    if (running === undefined) throw new Error('Could not find service worker with that version_id');
    return { ...running.info };
  }

  /** @deprecated Electron's own deprecation: use `getInfoFromVersionID`. */
  getFromVersionID(versionId: unknown): ServiceWorkerInfo {
    this.#warnings(
      'The session.serviceWorkers.getFromVersionID API is deprecated, use session.serviceWorkers.getInfoFromVersionID instead.',
      'ServiceWorkersDeprecateGetFromVersionID',
    );
    return this.getInfoFromVersionID(versionId);
  }

  getWorkerFromVersionID(versionId: unknown): ServiceWorkerMain | undefined {
    return this.#running.get(versionIdArgument(versionId))?.main;
  }

  async startWorkerForScope(...args: unknown[]): Promise<ServiceWorkerMain> {
    const scope = stringArgument(args, 0);
    await nextTask();
    const canonical = URL.canParse(scope) ? new URL(scope).href : scope;
    const origin = serializeOrigin(canonical);
    const scriptUrl =
      origin === undefined ? undefined : this.#storage.get(origin, 'serviceWorkers', canonical);
    if (scriptUrl === undefined) throw new Error('Failed to start service worker.');
    for (const running of this.#running.values()) if (running.info.scope === canonical) return running.main;
    const versionId = this.#nextVersionId++;
    const main = new ServiceWorkerMain(versionId, canonical, scriptUrl);
    this.#status(versionId, 'starting');
    this.#running.set(versionId, {
      info: { scriptUrl, scope: canonical, renderProcessId: this.#nextProcessId++, versionId },
      main,
    });
    this.#status(versionId, 'running');
    return main;
  }

  /** @internal Stops the running workers whose scope's origin `matches` selects. */
  stopWorkers(matches: (origin: string) => boolean): void {
    for (const [versionId, running] of [...this.#running]) {
      const origin = serializeOrigin(running.info.scope);
      if (origin === undefined || !matches(origin)) continue;
      this.#status(versionId, 'stopping');
      this.#running.delete(versionId);
      running.main.destroy();
      this.#status(versionId, 'stopped');
    }
  }

  #status(versionId: number, runningStatus: 'starting' | 'running' | 'stopping' | 'stopped'): void {
    this.emit('running-status-changed', Object.assign(createElectronEvent(), { versionId, runningStatus }));
  }
}

/** An `int64_t` parameter: numbers convert (truncated), anything else throws. */
function versionIdArgument(value: unknown): number {
  if (typeof value !== 'number') throw conversionError(0, value);
  return Math.trunc(value);
}
