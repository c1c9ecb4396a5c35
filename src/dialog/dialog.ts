import path from 'node:path';
import type { Runtime } from '../runtime/runtime';

/** The `properties` a save dialog knows. */
export type SaveDialogProperty =
  | 'showHiddenFiles'
  | 'createDirectory'
  | 'treatPackageAsDirectory'
  | 'showOverwriteConfirmation'
  | 'dontAddToRecent';

/** `Electron.SaveDialogOptions` (the fields the fake reads). */
export interface SaveDialogOptions {
  title?: string;
  defaultPath?: string;
  buttonLabel?: string;
  filters?: { name: string; extensions: string[] }[];
  message?: string;
  nameFieldLabel?: string;
  showsTagField?: boolean;
  properties?: SaveDialogProperty[];
  securityScopedBookmarks?: boolean;
}

/** `Electron.OpenDialogOptions` (the fields the fake reads). */
export interface OpenDialogOptions {
  title?: string;
  defaultPath?: string;
  buttonLabel?: string;
  filters?: { name: string; extensions: string[] }[];
  properties?: string[];
  message?: string;
  securityScopedBookmarks?: boolean;
}

/** `Electron.MessageBoxOptions` (the fields the fake reads). */
export interface MessageBoxOptions {
  message: string;
  type?: string;
  buttons?: string[];
  defaultId?: number;
  signal?: AbortSignal;
  title?: string;
  detail?: string;
  checkboxLabel?: string;
  checkboxChecked?: boolean;
  cancelId?: number;
  noLink?: boolean;
}

export interface SaveDialogReturnValue {
  canceled: boolean;
  filePath: string;
  bookmark?: string;
}

export interface OpenDialogReturnValue {
  canceled: boolean;
  filePaths: string[];
  bookmarks?: string[];
}

export interface MessageBoxReturnValue {
  response: number;
  checkboxChecked: boolean;
}

/** One dialog the app showed, for assertions (`dialog.shown` is not Electron's; tests may read it through `fake`). */
export interface ShownDialog {
  readonly kind: 'save' | 'open' | 'messageBox' | 'errorBox' | 'certificateTrust';
  readonly options: unknown;
}

/**
 * Electron's `dialog` with no person in front of it. Each dialog answers the
 * way a user accepting the defaults would: a save dialog chooses its
 * `defaultPath` (resolved against `app.getPath('downloads')` when relative;
 * cancelled when there is none), an open dialog is cancelled, a message box
 * answers `defaultId` (else 0). Replace any method with `jest.spyOn` or sinon
 * to answer differently; the downloads machinery asks this object for its
 * save dialog, so a spy also decides where downloads go.
 * The optional first `BrowserWindow` argument is accepted and ignored.
 * @see https://www.electronjs.org/docs/latest/api/dialog
 */
export class Dialog {
  readonly #runtime: Runtime;
  readonly #shown: ShownDialog[] = [];

  constructor(runtime: Runtime) {
    this.#runtime = runtime;
  }

  showSaveDialog(
    ...args: [SaveDialogOptions] | [unknown, SaveDialogOptions]
  ): Promise<SaveDialogReturnValue> {
    return Promise.resolve(this.showSaveDialogSync(...args)).then((filePath) => ({
      canceled: filePath === undefined,
      filePath: filePath ?? '',
    }));
  }

  showSaveDialogSync(...args: [SaveDialogOptions] | [unknown, SaveDialogOptions]): string | undefined {
    const options = optionsOf<SaveDialogOptions>(args);
    this.#shown.push({ kind: 'save', options });
    const chosen = options.defaultPath;
    if (chosen === undefined || chosen === '') return undefined;
    return path.isAbsolute(chosen) ? chosen : path.join(this.#downloads(), chosen);
  }

  showOpenDialog(
    ...args: [OpenDialogOptions] | [unknown, OpenDialogOptions]
  ): Promise<OpenDialogReturnValue> {
    this.showOpenDialogSync(...args);
    return Promise.resolve({ canceled: true, filePaths: [] });
  }

  showOpenDialogSync(...args: [OpenDialogOptions] | [unknown, OpenDialogOptions]): string[] | undefined {
    this.#shown.push({ kind: 'open', options: optionsOf<OpenDialogOptions>(args) });
    return undefined;
  }

  showMessageBox(
    ...args: [MessageBoxOptions] | [unknown, MessageBoxOptions]
  ): Promise<MessageBoxReturnValue> {
    const options = optionsOf<MessageBoxOptions>(args);
    const response = this.showMessageBoxSync(...args);
    return Promise.resolve({ response, checkboxChecked: options.checkboxChecked === true });
  }

  showMessageBoxSync(...args: [MessageBoxOptions] | [unknown, MessageBoxOptions]): number {
    const options = optionsOf<MessageBoxOptions>(args);
    if (typeof options.message !== 'string') throw new TypeError('Message must be a string');
    this.#shown.push({ kind: 'messageBox', options });
    return typeof options.defaultId === 'number' ? options.defaultId : 0;
  }

  showErrorBox(title: string, content: string): void {
    if (typeof title !== 'string' || typeof content !== 'string') {
      throw new TypeError('Error processing argument at index 0, conversion failure from ' + typeof title);
    }
    this.#shown.push({ kind: 'errorBox', options: { title, content } });
  }

  showCertificateTrustDialog(...args: [unknown] | [unknown, unknown]): Promise<void> {
    this.#shown.push({ kind: 'certificateTrust', options: args[args.length - 1] });
    return Promise.resolve();
  }

  /** @internal The dialogs shown so far, oldest first (read through `fake.dialogs`). */
  shown(): readonly ShownDialog[] {
    return [...this.#shown];
  }

  #downloads(): string {
    return this.#runtime.paths.get('downloads') ?? '/';
  }
}

/** `(window, options)` or `(options)`: Electron takes the last object as the options. */
function optionsOf<T>(args: readonly unknown[]): T {
  const options = args.length > 1 ? args[1] : args[0];
  return (typeof options === 'object' && options !== null ? options : {}) as T;
}
