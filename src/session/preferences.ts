import path from 'node:path';
import type { FakeFileSystem } from '../runtime/file-system';

/** Chromium's per-profile pref file name. */
export const preferencesFileName = 'Preferences';

/** Pref names (Chromium's own) the fake keeps for a session. */
export interface PreferenceValues {
  'spellcheck.dictionaries': string[];
  'browser.enable_spellchecking': boolean;
  'download.default_directory': string;
  /** Salt of the media device ids pages see; reset when cookies are cleared. */
  'media.device_id_salt': string;
}

/**
 * A session's user prefs (Chromium's `JsonPrefStore`): in memory for an
 * in-memory session, mirrored to `<storagePath>/Preferences` (a JSON file of
 * dotted names nested as objects, like Chromium's) for a persistent one, so
 * they survive `fake.restart()`.
 */
export class Preferences {
  readonly #fs: FakeFileSystem;
  readonly #file: string | undefined;
  #data: Record<string, unknown> = {};

  constructor(fs: FakeFileSystem, storagePath: string | null) {
    this.#fs = fs;
    this.#file = storagePath === null ? undefined : path.join(storagePath, preferencesFileName);
    if (this.#file !== undefined && fs.existsSync(this.#file)) {
      try {
        const parsed: unknown = JSON.parse(String(fs.readFileSync(this.#file, 'utf8')));
        if (typeof parsed === 'object' && parsed !== null) this.#data = parsed as Record<string, unknown>;
      } catch {
        // Chromium starts from defaults when the pref file is unreadable.
      }
    }
  }

  get<K extends keyof PreferenceValues>(name: K): PreferenceValues[K] | undefined {
    let node: unknown = this.#data;
    for (const part of name.split('.')) {
      if (typeof node !== 'object' || node === null) return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return node as PreferenceValues[K] | undefined;
  }

  set<K extends keyof PreferenceValues>(name: K, value: PreferenceValues[K]): void {
    const parts = name.split('.');
    const last = parts.pop() as string;
    let node = this.#data;
    for (const part of parts) {
      const next = node[part];
      if (typeof next !== 'object' || next === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[last] = value;
    this.#write();
  }

  #write(): void {
    if (this.#file === undefined) return;
    this.#fs.mkdirSync(path.dirname(this.#file), { recursive: true });
    this.#fs.writeFileSync(this.#file, JSON.stringify(this.#data));
  }
}
