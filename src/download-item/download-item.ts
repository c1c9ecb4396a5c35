import { EventEmitter } from 'node:events';
import { createElectronEvent } from '../runtime/electron-event';
import {
  conversionError,
  insufficientArguments,
  isDictionary,
  stringArgument,
} from '../session/gin-arguments';
import {
  emptySaveDialogSettings,
  saveDialogOptionsOf,
  toSaveDialogSettings,
  type SaveDialogSettings,
} from '../dialog/save-dialog-settings';
import type { SaveDialogOptions } from '../dialog/dialog';
import type { DownloadItemImpl, DownloadItemObserver } from './download-item-impl';
import type { DownloadState } from './download-state';
import { generateFileName } from './generate-filename';

const constructionToken = Symbol('electron-session-fake.DownloadItem');
const destroyedMessage = 'DownloadItem used after being destroyed';

/**
 * Electron's `DownloadItem`: the JS face of one download, handed out by the
 * session's `'will-download'` event. Emits `'updated'` (`progressing` /
 * `interrupted`) while the download can still go on and `'done'`
 * (`completed` / `cancelled` / `interrupted`) when it cannot.
 * Once the download is removed (`event.preventDefault()` in
 * `'will-download'`), every method throws `DownloadItem used after being
 * destroyed`, except the save path and dialog options, which live here.
 * @see https://www.electronjs.org/docs/latest/api/download-item
 */
export class DownloadItem extends EventEmitter {
  #impl: DownloadItemImpl | undefined;
  #savePath = '';
  #dialogSettings: SaveDialogSettings = emptySaveDialogSettings;

  /** @internal */
  constructor(token: symbol) {
    super();
    if (token !== constructionToken) throw new TypeError('Illegal constructor');
  }

  /** @internal The wrapper and the observer its download notifies. */
  static create(): {
    item: DownloadItem;
    observer: DownloadItemObserver;
    attach(impl: DownloadItemImpl): void;
  } {
    const item = new DownloadItem(constructionToken);
    return {
      item,
      observer: {
        updated: () => item.#onUpdated(),
        destroyed: () => {
          item.#impl = undefined;
        },
      },
      attach: (impl) => {
        item.#impl = impl;
      },
    };
  }

  // ── Controls ──────────────────────────────────────────────────────────────

  pause(): void {
    this.#alive().pause();
  }

  isPaused(): boolean {
    return this.#alive().isPaused;
  }

  /** Continues a paused download, or resumes an interrupted one (`Range`/`If-Range`, or from zero). */
  resume(): void {
    this.#alive().resume();
  }

  canResume(): boolean {
    return this.#alive().canResume();
  }

  cancel(): void {
    this.#alive().cancel();
  }

  // ── Getters ───────────────────────────────────────────────────────────────

  getURL(): string {
    return this.#alive().url;
  }

  getURLChain(): string[] {
    return this.#alive().urlChain;
  }

  getMimeType(): string {
    return this.#alive().mimeType;
  }

  hasUserGesture(): boolean {
    this.#alive();
    return false;
  }

  /** Recomputed on every call from the URL, Content-Disposition and MIME type (fallback `download`). */
  getFilename(): string {
    const impl = this.#alive();
    return generateFileName({
      url: impl.url,
      contentDisposition: impl.contentDisposition,
      suggestedName: '',
      mimeType: impl.mimeType,
      defaultName: 'download',
    });
  }

  getContentDisposition(): string {
    return this.#alive().contentDisposition;
  }

  getTotalBytes(): number {
    return this.#alive().totalBytes;
  }

  getReceivedBytes(): number {
    return this.#alive().receivedBytes;
  }

  getPercentComplete(): number {
    return this.#alive().percentComplete;
  }

  getCurrentBytesPerSecond(): number {
    return this.#alive().currentBytesPerSecond;
  }

  getState(): DownloadState {
    return this.#alive().state;
  }

  /** Electron's own helper: whether `'done'` rather than `'updated'` is what this download emits now. */
  isDone(): boolean {
    return this.#alive().isDone();
  }

  getLastModifiedTime(): string {
    return this.#alive().lastModified;
  }

  getETag(): string {
    return this.#alive().etag;
  }

  /** Seconds since the epoch. */
  getStartTime(): number {
    const start = this.#alive().startTime;
    return start === null ? 0 : start / 1000;
  }

  /** Seconds since the epoch when the download completed, else 0. */
  getEndTime(): number {
    const end = this.#alive().endTime;
    return end === null ? 0 : end / 1000;
  }

  /** The origin of the page that started the download; `''` for downloads the app started (every one here). */
  getInitiatorOrigin(): string {
    this.#alive();
    return '';
  }

  // ── Save path and dialog options (JS-side, never destroyed) ──────────────

  /** Read when the target is determined, on a later task: set it synchronously in `'will-download'`. */
  setSavePath(...args: [path: string]): void {
    this.#savePath = stringArgument(args, 0);
  }

  getSavePath(): string {
    return this.#savePath;
  }

  get savePath(): string {
    return this.#savePath;
  }

  set savePath(path: string) {
    this.setSavePath(path);
  }

  setSaveDialogOptions(...args: [options: SaveDialogOptions]): void {
    const raw: readonly unknown[] = args;
    if (raw.length === 0) throw insufficientArguments();
    const options = raw[0];
    if (!isDictionary(options)) throw conversionError(0, options);
    this.#dialogSettings = toSaveDialogSettings(options);
  }

  /** Every option, normalised as Electron converts them (defaults filled in, `window` null). */
  getSaveDialogOptions(): SaveDialogOptions {
    return saveDialogOptionsOf(this.#dialogSettings);
  }

  /** @internal The dialog settings as stored, for the save dialog. */
  get dialogSettings(): SaveDialogSettings {
    return this.#dialogSettings;
  }

  #onUpdated(): void {
    const impl = this.#impl;
    if (impl === undefined) return;
    if (impl.isDone()) this.emit('done', createElectronEvent(this), impl.state);
    else this.emit('updated', createElectronEvent(this), impl.state);
  }

  #alive(): DownloadItemImpl {
    if (this.#impl === undefined) throw new Error(destroyedMessage);
    return this.#impl;
  }
}
