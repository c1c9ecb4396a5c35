import { EventEmitter } from 'node:events';
import path from 'node:path';
import { appPathNames, type AppPathName } from './app-paths';
import type { Runtime } from '../runtime/runtime';
import type { ProxyConfig } from '../structures/proxy-config';
import { createElectronEvent } from '../runtime/electron-event';

const knownNames = new Set<string>(appPathNames);

/**
 * The parts of Electron's `app` that sessions depend on: readiness, paths,
 * identity, `'session-created'`, and the system network context's proxy.
 * @see https://www.electronjs.org/docs/latest/api/app
 */
export class App extends EventEmitter {
  readonly #runtime: Runtime;
  /** Paths the app set itself; `sessionData` follows `userData` until it is one of them. */
  readonly #overridden = new Set<AppPathName>();
  #ready = false;
  #readyPromise: Promise<void>;
  #resolveReady!: () => void;

  constructor(runtime: Runtime) {
    super();
    this.#runtime = runtime;
    this.#readyPromise = new Promise((resolve) => {
      this.#resolveReady = resolve;
    });
  }

  isReady(): boolean {
    return this.#ready;
  }

  whenReady(): Promise<void> {
    return this.#readyPromise;
  }

  /** @internal Called by `fake.ready()`; emits `'will-finish-launching'` then `'ready'` like Electron. */
  markReady(): void {
    if (this.#ready) return;
    this.emit('will-finish-launching');
    // Electron pins `sessionData` to `userData` once the browser process starts
    // unless the app set it; a later `setPath('userData')` does not move it.
    if (!this.#overridden.has('sessionData')) {
      this.#runtime.paths.set('sessionData', this.getPath('userData'));
      this.#overridden.add('sessionData');
    }
    this.#ready = true;
    this.#resolveReady();
    this.emit('ready', createElectronEvent(this), {});
  }

  /** `app.getPath(name)`; an unknown name throws `Failed to get '<name>' path`. */
  getPath(name: string): string {
    if (name === 'sessionData' && !this.#overridden.has('sessionData')) return this.getPath('userData');
    const value = knownNames.has(name) ? this.#runtime.paths.get(name as AppPathName) : undefined;
    if (value === undefined) throw new Error(`Failed to get '${name}' path`);
    return value;
  }

  /**
   * `app.setPath(name, path)`: the path must be absolute (`Path must be
   * absolute`) and the name known (`Failed to set path`); the directory is
   * created like Electron's `PathService::OverrideAndCreateIfNeeded` does.
   * Sessions already created keep their storage path.
   */
  setPath(name: string, value: string): void {
    if (typeof value !== 'string' || !path.isAbsolute(value)) throw new Error('Path must be absolute');
    if (!knownNames.has(name)) throw new Error('Failed to set path');
    this.#runtime.fs.mkdirSync(value, { recursive: true });
    this.#runtime.paths.set(name as AppPathName, value);
    this.#overridden.add(name as AppPathName);
  }

  getName(): string {
    return this.#runtime.appName;
  }

  setName(name: string): void {
    this.#runtime.appName = name;
  }

  get name(): string {
    return this.#runtime.appName;
  }

  set name(value: string) {
    this.#runtime.appName = value;
  }

  getVersion(): string {
    return this.#runtime.appVersion;
  }

  getLocale(): string {
    return 'en-US';
  }

  getPreferredSystemLanguages(): string[] {
    return ['en-US'];
  }

  /** Proxy of the system network context (utility-process requests), separate from every session. */
  setProxy(config: ProxyConfig): Promise<void> {
    return this.#runtime.systemNetworkContext.setProxy(config);
  }

  resolveProxy(url: string): Promise<string> {
    return this.#runtime.systemNetworkContext.resolveProxy(url);
  }

  get isPackaged(): boolean {
    return false;
  }
}
