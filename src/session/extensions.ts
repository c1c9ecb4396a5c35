import { createHash, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { postTask } from '../clock/clock';
import { createElectronEvent } from '../runtime/electron-event';
import type { FakeFileSystem } from '../runtime/file-system';
import { stringArgument } from './gin-arguments';

/** `Electron.Extension`. */
export interface Extension {
  dynamicId: string;
  id: string;
  manifest: unknown;
  name: string;
  path: string;
  url: string;
  version: string;
}

/** `Electron.LoadExtensionOptions`. */
export interface LoadExtensionOptions {
  allowFileAccess?: boolean;
}

interface Loaded {
  readonly extension: Extension;
  readonly allowFileAccess: boolean;
}

/**
 * Chromium's id for an unpacked extension (`crx_file::id_util::GenerateIdForPath`):
 * SHA-256 of the absolute path, first 16 bytes in hex, each hex digit mapped
 * `0-9a-f` → `a-p`. With a manifest `key`, the hash is of the decoded key.
 */
export function extensionIdFor(input: string | Buffer): string {
  const hex = createHash('sha256').update(input).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

/** A version Chromium accepts: 1–4 dot-separated integers, each 0–65535. */
function isValidVersion(version: string): boolean {
  const parts = version.split('.');
  return parts.length <= 4 && parts.every((part) => /^\d+$/.test(part) && Number(part) <= 65535);
}

/**
 * `ses.extensions`: Chrome extensions loaded from an unpacked folder on the
 * fake's file system (`manifest.json`), with Chromium's ids and manifest
 * errors, and the `extension-loaded` / `extension-ready` / `extension-unloaded`
 * events. Loaded extensions live in memory: like Electron, nothing reloads
 * them after a restart.
 */
export class Extensions extends EventEmitter {
  readonly #fs: FakeFileSystem;
  readonly #persistent: boolean;
  readonly #loaded = new Map<string, Loaded>();

  /** @internal Created by the session. */
  constructor(fs: FakeFileSystem, persistent: boolean) {
    super();
    this.#fs = fs;
    this.#persistent = persistent;
  }

  loadExtension(...args: unknown[]): Promise<Extension> {
    const extensionPath = stringArgument(args, 0);
    const options = args[1];
    const allowFileAccess =
      typeof options === 'object' &&
      options !== null &&
      (options as LoadExtensionOptions).allowFileAccess === true;
    if (!path.isAbsolute(extensionPath)) {
      return Promise.reject(new Error("The path to the extension in 'loadExtension' must be absolute"));
    }
    if (!this.#persistent)
      return Promise.reject(new Error('Extensions cannot be loaded in a temporary session'));
    return new Promise((resolve, reject) => {
      // Chromium reads the folder on a file thread and answers on a later task.
      postTask(() => {
        let extension: Extension;
        try {
          extension = this.#read(extensionPath);
        } catch (error) {
          reject(error);
          return;
        }
        const existing = this.#loaded.get(extension.id);
        if (existing !== undefined) {
          // Loading an id that is already loaded is a reload: unload first.
          this.#loaded.delete(extension.id);
          this.emit('extension-unloaded', createElectronEvent(), copy(existing.extension));
        }
        this.#loaded.set(extension.id, { extension, allowFileAccess });
        this.emit('extension-loaded', createElectronEvent(), copy(extension));
        resolve(copy(extension));
        postTask(() => {
          if (this.#loaded.get(extension.id)?.extension === extension) {
            this.emit('extension-ready', createElectronEvent(), copy(extension));
          }
        });
      });
    });
  }

  removeExtension(...args: unknown[]): void {
    const id = stringArgument(args, 0);
    const loaded = this.#loaded.get(id);
    if (loaded === undefined) return;
    this.#loaded.delete(id);
    this.emit('extension-unloaded', createElectronEvent(), copy(loaded.extension));
  }

  getExtension(...args: unknown[]): Extension | null {
    const loaded = this.#loaded.get(stringArgument(args, 0));
    return loaded === undefined ? null : copy(loaded.extension);
  }

  getAllExtensions(): Extension[] {
    return [...this.#loaded.values()].map((loaded) => copy(loaded.extension));
  }

  #read(extensionPath: string): Extension {
    const fs = this.#fs;
    // Chromium keys an unpacked extension by the path exactly as given.
    const absolute = extensionPath;
    if (!isDirectory(fs, absolute)) throw new Error(`Extension directory not found: ${absolute}`);
    const manifestFile = path.join(absolute, 'manifest.json');
    let text: string;
    try {
      text = String(fs.readFileSync(manifestFile, 'utf8'));
    } catch {
      throw new Error('Manifest file is missing or unreadable');
    }
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch (error) {
      throw new Error(`Manifest is not valid JSON.  ${(error as Error).message}`);
    }
    if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
      throw new Error('Manifest file is invalid');
    }
    const fields = manifest as Record<string, unknown>;
    if (!('manifest_version' in fields)) {
      throw new Error(
        "Missing 'manifest_version' key. Its value must be an integer 2 or 3. See developer.chrome.com/extensions/manifestVersion for details.",
      );
    }
    if (fields['manifest_version'] !== 2 && fields['manifest_version'] !== 3) {
      throw new Error(
        "Invalid value for 'manifest_version'. Must be an integer 2 or 3. See developer.chrome.com/extensions/manifestVersion for details.",
      );
    }
    const { name, version, key } = fields;
    if (typeof name !== 'string') throw new Error("Required value 'name' is missing or invalid.");
    if (typeof version !== 'string' || !isValidVersion(version)) {
      throw new Error(
        "Required value 'version' is missing or invalid. It must be between 1-4 dot-separated integers each between 0 and 65536.",
      );
    }
    const keyBytes = typeof key === 'string' ? Buffer.from(key, 'base64') : undefined;
    const id =
      keyBytes !== undefined && keyBytes.length > 0 ? extensionIdFor(keyBytes) : extensionIdFor(absolute);
    return {
      dynamicId: randomUUID(),
      id,
      manifest: structuredClone(manifest),
      name,
      path: absolute,
      url: `chrome-extension://${id}/`,
      version,
    };
  }
}

function isDirectory(fs: FakeFileSystem, target: string): boolean {
  try {
    return fs.statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/** Electron converts the extension afresh on every call: callers never share an object. */
function copy(extension: Extension): Extension {
  return { ...extension, manifest: structuredClone(extension.manifest) };
}
