import { EventEmitter } from 'node:events';
import type { Runtime } from '../runtime/runtime';
import type { SessionModule } from '../session/session-module';
import type { Session } from '../session/session';
import { isSession } from '../session/session-internals';
import { WebContents, type LoadURLOptions } from '../web-contents/web-contents';
import type { WebContentsRegistry } from '../web-contents/web-contents-registry';

export interface BrowserWindowConstructorOptions {
  width?: number;
  height?: number;
  show?: boolean;
  title?: string;
  webPreferences?: { partition?: string; session?: Session; [key: string]: unknown };
  [key: string]: unknown;
}

export interface BrowserWindowInstance extends EventEmitter {
  readonly id: number;
  readonly webContents: WebContents;
  loadURL(url: string, options?: LoadURLOptions): Promise<void>;
  getTitle(): string;
  close(): void;
  destroy(): void;
  isDestroyed(): boolean;
}

export interface BrowserWindowClass {
  new (options?: BrowserWindowConstructorOptions): BrowserWindowInstance;
  getAllWindows(): BrowserWindowInstance[];
  fromId(id: number): BrowserWindowInstance | null;
  fromWebContents(webContents: WebContents): BrowserWindowInstance | null;
}

/**
 * A windowless `BrowserWindow`: it owns a WebContents in the session chosen by
 * `webPreferences.session` (beats `partition`), else the default session.
 */
export function createBrowserWindowClass(
  runtime: Runtime,
  sessions: SessionModule,
  registry: WebContentsRegistry,
): BrowserWindowClass {
  const windows = new Map<number, BrowserWindowInstance>();
  let nextWindowId = 1;

  class BrowserWindow extends EventEmitter implements BrowserWindowInstance {
    readonly id: number;
    readonly webContents: WebContents;
    #destroyed = false;

    constructor(options: BrowserWindowConstructorOptions = {}) {
      super();
      if (!runtime.app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
      const prefs = options.webPreferences ?? {};
      const session = isSession(prefs.session)
        ? prefs.session
        : typeof prefs.partition === 'string'
          ? sessions.fromPartition(prefs.partition)
          : sessions.defaultSession;
      this.id = nextWindowId++;
      const id = registry.nextId();
      this.webContents = new WebContents(id, session, runtime.app, () => registry.remove(id));
      registry.add(this.webContents);
      windows.set(this.id, this);
    }

    static getAllWindows(): BrowserWindowInstance[] {
      return [...windows.values()];
    }

    static fromId(id: number): BrowserWindowInstance | null {
      return windows.get(id) ?? null;
    }

    static fromWebContents(webContents: WebContents): BrowserWindowInstance | null {
      return [...windows.values()].find((w) => w.webContents === webContents) ?? null;
    }

    loadURL(url: string, options?: LoadURLOptions): Promise<void> {
      return this.webContents.loadURL(url, options);
    }

    getTitle(): string {
      return this.webContents.getTitle();
    }

    close(): void {
      this.emit('close', { preventDefault() {} });
      this.destroy();
    }

    destroy(): void {
      if (this.#destroyed) return;
      this.#destroyed = true;
      this.webContents.destroy();
      windows.delete(this.id);
      this.emit('closed');
    }

    isDestroyed(): boolean {
      return this.#destroyed;
    }
  }
  return BrowserWindow;
}
