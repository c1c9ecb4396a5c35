import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { conversionError, isDictionary, stringArgument } from './gin-arguments';

/** `Electron.PreloadScript`: what `getPreloadScripts()` returns. */
export interface PreloadScript {
  filePath: string;
  id: string;
  type: 'frame' | 'service-worker';
}

/** `Electron.PreloadScriptRegistration`: what `registerPreloadScript()` takes. */
export interface PreloadScriptRegistration {
  type: 'frame' | 'service-worker';
  id?: string;
  filePath: string;
}

interface StoredScript extends PreloadScript {
  /** Registered through the deprecated `setPreloads`, which only logs a relative path. */
  readonly deprecated: boolean;
}

/**
 * A session's preload-script list (Electron's `SessionPreferences`), in
 * registration order. Lives in memory only: Electron does not persist it.
 */
export class PreloadScriptRegistry {
  readonly #scripts: StoredScript[] = [];

  /** `ses.registerPreloadScript(script)`: returns the id (a random UUID when none is given). */
  register(args: ArrayLike<unknown>): string {
    const script = toScript(args, false);
    if (this.#scripts.some((existing) => existing.id === script.id)) {
      throw new Error(`Cannot register preload script with existing ID '${script.id}'`);
    }
    if (!path.isAbsolute(script.filePath) && !script.deprecated) {
      throw new Error(`Preload script must have absolute path: ${script.filePath}`);
    }
    this.#scripts.push(script);
    return script.id;
  }

  /** `ses.unregisterPreloadScript(id)`. */
  unregister(args: ArrayLike<unknown>): void {
    const id = stringArgument(args, 0);
    const index = this.#scripts.findIndex((script) => script.id === id);
    if (index === -1) throw new Error(`Cannot unregister preload script with non-existing ID '${id}'`);
    this.#scripts.splice(index, 1);
  }

  /** `ses.getPreloadScripts()`: fresh objects, keys in Electron's order. */
  list(): PreloadScript[] {
    return this.#scripts.map(({ filePath, id, type }) => ({ filePath, id, type }));
  }

  /**
   * Deprecated `ses.setPreloads(paths)`: drops every `frame` script, then
   * registers each path as a `frame` script. A relative path is only logged.
   */
  setFramePaths(paths: unknown): void {
    for (const script of this.list()) if (script.type === 'frame') this.unregister([script.id]);
    // Electron's JS wrapper calls `preloads.map(...)` after unregistering.
    if (paths === undefined || paths === null) {
      throw new TypeError(`Cannot read properties of ${String(paths)} (reading 'map')`);
    }
    if (typeof (paths as { map?: unknown }).map !== 'function')
      throw new TypeError('preloads.map is not a function');
    for (const filePath of Array.from(paths as ArrayLike<unknown>)) {
      const script = toScript([{ type: 'frame', filePath, _deprecated: true }], true);
      if (!path.isAbsolute(script.filePath)) {
        // Electron: LOG(ERROR) << "preload script must have absolute path: " << path
        console.error(`preload script must have absolute path: ${script.filePath}`);
      }
      this.#scripts.push(script);
    }
  }

  /** Deprecated `ses.getPreloads()`: the file paths of the `frame` scripts. */
  framePaths(): string[] {
    return this.#scripts.filter((script) => script.type === 'frame').map((script) => script.filePath);
  }
}

function toScript(args: ArrayLike<unknown>, deprecated: boolean): StoredScript {
  const value = args[0];
  if (!isDictionary(value)) throw conversionError(0, value);
  const { type, filePath, id } = value;
  if ((type !== 'frame' && type !== 'service-worker') || typeof filePath !== 'string') {
    throw conversionError(0, value);
  }
  return { filePath, id: typeof id === 'string' ? id : randomUUID(), type, deprecated };
}
