import { postTask, type Clock } from '../clock/clock';
import { NetError } from '../errors/net-error';
import type { HeaderList } from '../transports/transport';
import type { BodyPump } from './body-pump';
import type { CreateInfo } from './create-info';
import { removeFile, type DownloadFile, type DownloadFileObserver, type RenameResult } from './download-file';
import type { DownloadRequestParams, StartedResponse } from './download-request';
import { externalState, isValidTransition, type DownloadState, type InternalState } from './download-state';
import { isCancellation, reasonFromNetError, type InterruptReason } from './interrupt-reason';
import { resumeRequestHeaders } from './resume-request';
import { isDownloadDone, resumeMode, type ResumeMode } from './resume-mode';
import type { FakeFileSystem } from '../runtime/file-system';

// Chromium's DownloadItemImpl::kMaxAutoResumeAttempts.
const maxAutoResumeAttempts = 5;

/** What an item needs from its session (Chromium's `DownloadItemImplDelegate` + Electron's delegate). */
export interface DownloadItemDelegate {
  readonly clock: Clock;
  readonly fs: FakeFileSystem;
  createFile(observer: DownloadFileObserver): DownloadFile;
  /** The save path, else the save dialog; `''` or a cancellation reason cancels the download. */
  determineTarget(done: (target: string, reason: InterruptReason) => void): void;
  /** Sends a resumption request; its response comes back through {@link DownloadItemImpl.start}. */
  resume(params: DownloadRequestParams): void;
}

/** Told whenever observers would be (`OnDownloadUpdated`) and when the item is gone. */
export interface DownloadItemObserver {
  updated(): void;
  destroyed(): void;
}

/** How the item came to be: a response, or `createInterruptedDownload`'s history record. */
export type DownloadOrigin =
  | {
      readonly kind: 'response';
      readonly info: CreateInfo;
      readonly requestHeaders: HeaderList;
      readonly referrer: string;
      readonly startTime: number;
    }
  | {
      readonly kind: 'history';
      readonly path: string;
      readonly urlChain: readonly string[];
      readonly mimeType: string;
      readonly offset: number;
      readonly length: number;
      readonly etag: string;
      readonly lastModified: string;
      /** Milliseconds, or null (a start time of 0). */
      readonly startTime: number | null;
    };

/**
 * One download as Chromium's `DownloadItemImpl` drives it: the internal state
 * machine, target determination, the file, progress, interruption with
 * resumption (automatic for transient failures), pause, resume and cancel.
 * Every change observers hear of goes through one place, {@link #notify}.
 */
export class DownloadItemImpl {
  readonly #delegate: DownloadItemDelegate;
  readonly #observer: DownloadItemObserver;
  #state: InternalState;
  #paused = false;
  #lastReason: InterruptReason = 'NONE';
  #deferredReason: InterruptReason = 'NONE';
  #autoResumeCount = 0;
  #received = 0;
  #total: number;
  #bytesPerSecond = 0;
  #etag: string;
  #lastModified: string;
  readonly #urlChain: string[];
  #mimeType: string;
  #contentDisposition: string;
  readonly #requestHeaders: HeaderList;
  readonly #referrer: string;
  readonly #startTime: number | null;
  #endTime: number | null = null;
  #targetPath = '';
  #currentPath = '';
  #allDataSaved = false;
  #file: DownloadFile | undefined;
  #body: BodyPump | undefined;
  // Chromium invalidates its weak pointers to drop callbacks of released files and old requests.
  #generation = 0;
  #destroyed = false;

  constructor(delegate: DownloadItemDelegate, observer: DownloadItemObserver, origin: DownloadOrigin) {
    this.#delegate = delegate;
    this.#observer = observer;
    if (origin.kind === 'response') {
      const { info } = origin;
      this.#state = 'INITIAL';
      this.#total = info.totalBytes;
      this.#etag = info.etag;
      this.#lastModified = info.lastModified;
      this.#urlChain = [...info.urlChain];
      this.#mimeType = info.mimeType;
      this.#contentDisposition = info.contentDisposition;
      this.#requestHeaders = origin.requestHeaders;
      this.#referrer = origin.referrer;
      this.#startTime = origin.startTime;
    } else {
      this.#state = 'INTERRUPTED';
      this.#lastReason = 'NETWORK_TIMEOUT';
      this.#currentPath = origin.path;
      this.#targetPath = origin.path;
      this.#received = origin.offset;
      this.#total = origin.length;
      this.#etag = origin.etag;
      this.#lastModified = origin.lastModified;
      this.#urlChain = [...origin.urlChain];
      this.#mimeType = origin.mimeType;
      this.#contentDisposition = '';
      this.#requestHeaders = [];
      this.#referrer = '';
      this.#startTime = origin.startTime;
    }
  }

  // ── Getters ───────────────────────────────────────────────────────────────

  get state(): DownloadState {
    return externalState(this.#state);
  }

  get url(): string {
    return this.#urlChain[this.#urlChain.length - 1] ?? '';
  }

  get urlChain(): string[] {
    return [...this.#urlChain];
  }

  get mimeType(): string {
    return this.#mimeType;
  }

  get contentDisposition(): string {
    return this.#contentDisposition;
  }

  get receivedBytes(): number {
    return this.#received;
  }

  get totalBytes(): number {
    return this.#total;
  }

  get etag(): string {
    return this.#etag;
  }

  get lastModified(): string {
    return this.#lastModified;
  }

  get isPaused(): boolean {
    return this.#paused;
  }

  /** Milliseconds since the epoch, or null. */
  get startTime(): number | null {
    return this.#startTime;
  }

  get endTime(): number | null {
    return this.#endTime;
  }

  get targetPath(): string {
    return this.#targetPath;
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  /** `-1` while the total is unknown. */
  get percentComplete(): number {
    return this.#total <= 0 ? -1 : Math.floor((this.#received * 100) / this.#total);
  }

  get currentBytesPerSecond(): number {
    return this.#paused ? 0 : this.#bytesPerSecond;
  }

  isDone(): boolean {
    return isDownloadDone(this.url, this.state, this.#lastReason);
  }

  canResume(): boolean {
    switch (this.#state) {
      case 'TARGET_PENDING':
      case 'TARGET_RESOLVED':
      case 'IN_PROGRESS':
        return this.#paused;
      case 'INTERRUPTED': {
        const mode = this.#resumeMode();
        return mode === 'USER_RESTART' || mode === 'USER_CONTINUE';
      }
      default:
        return false;
    }
  }

  // ── Starting ──────────────────────────────────────────────────────────────

  /** A response arrived for the first request or a resumption (`DownloadItemImpl::Start`). */
  start(started: StartedResponse): void {
    const { info, body } = started;
    if (this.#state === 'CANCELLED') {
      body?.cancel();
      return;
    }
    if (info.result !== 'NONE') {
      body?.cancel();
      this.#deferredReason = info.result;
      this.#transition('INTERRUPTED_TARGET_PENDING');
      // Posted so that the target is never determined inside 'will-download'.
      this.#later(() => this.#determineTarget());
      return;
    }
    if (this.#state === 'RESUMING') {
      if (this.#total === 0 && info.totalBytes > 0) this.#total = info.totalBytes;
      this.#updateValidatorsOnResumption(info);
    }
    this.#body = body;
    this.#transition('TARGET_PENDING');
    const file = this.#createFile();
    this.#file = file;
    const existing = this.#currentPath === '' ? undefined : this.#currentPath;
    this.#later(() => {
      if (this.#file !== file) return;
      const reason = file.initialize(existing, info.offset);
      // Makes a restart from zero visible before anything else.
      if (reason === 'NONE') file.sendUpdate();
      this.#onFileInitialized(reason);
      if (reason === 'NONE' && this.#file === file) this.#pumpInto(file, info.offset > 0);
    });
  }

  #pumpInto(file: DownloadFile, partialRequest: boolean): void {
    this.#body?.start({
      data: (chunk) => {
        if (this.#file !== file) return false;
        const reason = file.write(chunk);
        if (reason === 'NONE') return true;
        file.streamFailed(reason);
        return false;
      },
      end: () => {
        if (this.#file === file) file.streamCompleted();
      },
      fail: (error) => {
        if (this.#file !== file) return;
        file.streamFailed(
          reasonFromNetError(error instanceof NetError ? error.code : undefined, partialRequest),
        );
      },
    });
  }

  /** A new file whose reports count only while it is this item's file (Chromium's weak pointers). */
  #createFile(): DownloadFile {
    const file: DownloadFile = this.#delegate.createFile({
      update: (bytes, rate) => {
        if (this.#file === file) this.#destinationUpdate(bytes, rate);
      },
      completed: (total) => {
        if (this.#file === file) this.#destinationCompleted(total);
      },
      error: (reason, bytes) => {
        if (this.#file === file) this.#destinationError(reason, bytes);
      },
    });
    return file;
  }

  #onFileInitialized(reason: InterruptReason): void {
    if (reason !== 'NONE') {
      this.#releaseDownloadFile(true);
      this.#interruptWithPartialState(0, reason);
    }
    this.#determineTarget();
  }

  #determineTarget(): void {
    const generation = this.#generation;
    this.#delegate.determineTarget((target, reason) => {
      if (generation === this.#generation) this.#onTargetDetermined(target, reason);
    });
  }

  // Electron's delegate always answers with intermediate path = target path.
  #onTargetDetermined(target: string, reason: InterruptReason): void {
    if (this.#state === 'CANCELLED') return;
    if (isCancellation(reason) || target === '') {
      this.cancel();
      return;
    }
    if (this.#state === 'TARGET_PENDING' && reason !== 'NONE') {
      this.#deferredReason = reason;
      this.#transition('INTERRUPTED_TARGET_PENDING');
      this.#onTargetResolved();
      return;
    }
    this.#targetPath = target;
    const file = this.#file;
    if (this.#state === 'INTERRUPTED_TARGET_PENDING' && file === undefined) {
      this.#onTargetResolved();
      return;
    }
    if (file === undefined || target === this.#currentPath) {
      this.#onRenamedToIntermediate({ reason: 'NONE', path: target });
      return;
    }
    this.#later(() => {
      if (this.#file === file) this.#onRenamedToIntermediate(file.renameAndUniquify(target));
    });
  }

  #onRenamedToIntermediate(result: RenameResult): void {
    if (result.reason === 'NONE') {
      this.#currentPath = result.path;
    } else {
      this.#deferredReason = result.reason;
      this.#transition('INTERRUPTED_TARGET_PENDING');
    }
    this.#onTargetResolved();
  }

  #onTargetResolved(): void {
    this.#transition('TARGET_RESOLVED');
    if (this.#deferredReason !== 'NONE') {
      const reason = this.#deferredReason;
      this.#deferredReason = 'NONE';
      this.#interruptWithPartialState(this.#received, reason);
      this.#notify();
      return;
    }
    this.#transition('IN_PROGRESS');
    this.#notify();
    this.#maybeCompleteDownload();
  }

  // ── Progress and completion ───────────────────────────────────────────────

  #destinationUpdate(bytes: number, rate: number): void {
    this.#updateProgress(bytes, rate);
    if (this.#paused) return;
    this.#notify();
  }

  #destinationError(reason: InterruptReason, bytes: number): void {
    this.#interruptWithPartialState(bytes, reason);
    this.#notify();
  }

  #destinationCompleted(total: number): void {
    this.#allDataSaved = true;
    this.#total = total;
    this.#updateProgress(total, 0);
    this.#notify();
    this.#maybeCompleteDownload();
  }

  #maybeCompleteDownload(): void {
    if (this.#state !== 'IN_PROGRESS' || !this.#allDataSaved) return;
    const file = this.#file;
    if (file === undefined) return;
    this.#later(() => {
      if (this.#file !== file || this.#state !== 'IN_PROGRESS') return;
      this.#onRenamedToFinalName(file.renameFinal(this.#targetPath));
    });
  }

  #onRenamedToFinalName(result: RenameResult): void {
    if (result.reason !== 'NONE') {
      this.#interruptWithPartialState(0, result.reason);
      this.#notify();
      return;
    }
    this.#currentPath = result.path;
    this.#releaseDownloadFile(false);
    this.#transition('COMPLETING');
    // Electron's delegate opens every download at once, so completion is never delayed.
    this.#endTime = this.#delegate.clock.now();
    this.#transition('COMPLETE');
    this.#notify();
  }

  #updateProgress(bytes: number, rate: number): void {
    this.#received = bytes;
    this.#bytesPerSecond = rate;
    // More bytes than announced (a wrong Content-Length, decoded gzip): the size is unknown.
    if (bytes > this.#total) this.#total = 0;
  }

  // ── Interruption and resumption ───────────────────────────────────────────

  #resumeMode(): ResumeMode {
    const restartRequired = this.#currentPath === '' || (this.#etag === '' && this.#lastModified === '');
    const userActionRequired = this.#autoResumeCount >= maxAutoResumeAttempts || this.#paused;
    return resumeMode(this.url, this.#lastReason, restartRequired, userActionRequired);
  }

  /** `InterruptWithPartialState`: failures before the target is known wait for it. */
  #interruptWithPartialState(bytes: number, reason: InterruptReason): void {
    const cancellation = isCancellation(reason);
    switch (this.#state) {
      case 'CANCELLED':
      case 'COMPLETING':
      case 'COMPLETE':
      case 'INITIAL':
        return;
      case 'TARGET_PENDING':
      case 'INTERRUPTED_TARGET_PENDING':
        if (!cancellation) {
          this.#updateProgress(bytes, 0);
          this.#deferredReason = reason;
          this.#transition('INTERRUPTED_TARGET_PENDING');
          return;
        }
        this.#releaseForInterruption(reason);
        break;
      case 'IN_PROGRESS':
      case 'TARGET_RESOLVED':
        this.#releaseForInterruption(reason);
        break;
      case 'RESUMING':
      case 'INTERRUPTED':
        // The first non-cancel reason wins.
        if (!cancellation) return;
        this.#lastReason = reason;
        this.#deleteDownloadFile();
        break;
    }
    this.#allDataSaved = false;
    if (this.#currentPath === '') this.#received = 0;
    else this.#updateProgress(bytes, 0);
    this.#body?.cancel();
    this.#body = undefined;
    if (cancellation) {
      this.#transition('CANCELLED');
      return;
    }
    this.#transition('INTERRUPTED');
    this.#autoResumeIfValid();
  }

  #releaseForInterruption(reason: InterruptReason): void {
    this.#lastReason = reason;
    const mode = this.#resumeMode();
    this.#releaseDownloadFile(mode !== 'IMMEDIATE_CONTINUE' && mode !== 'USER_CONTINUE');
  }

  /** Keeps the partial file (continue modes) or deletes it. */
  #releaseDownloadFile(destroy: boolean): void {
    const file = this.#file;
    if (destroy) {
      if (file !== undefined) file.cancel();
      else this.#deleteDownloadFile();
      this.#currentPath = '';
    } else if (file !== undefined) {
      file.detach();
    }
    this.#file = undefined;
    this.#generation++;
  }

  #deleteDownloadFile(): void {
    if (this.#currentPath === '') return;
    removeFile(this.#delegate.fs, this.#currentPath);
    this.#currentPath = '';
  }

  #autoResumeIfValid(): void {
    const mode = this.#resumeMode();
    if (mode !== 'IMMEDIATE_RESTART' && mode !== 'IMMEDIATE_CONTINUE') return;
    this.#autoResumeCount++;
    this.#resumeInterruptedDownload();
  }

  #resumeInterruptedDownload(): void {
    if (this.#state !== 'INTERRUPTED') return;
    this.#generation++;
    const mode = this.#resumeMode();
    if (mode === 'IMMEDIATE_RESTART' || mode === 'USER_RESTART') {
      this.#received = 0;
      this.#etag = '';
      this.#lastModified = '';
    }
    const offset = this.#received;
    const headers = resumeRequestHeaders({
      offset,
      etag: this.#etag,
      lastModified: this.#lastModified,
      requestHeaders: this.#requestHeaders,
    });
    this.#transition('RESUMING');
    // Resumptions never go through the WebContents, and refuse cross-origin redirects.
    this.#delegate.resume({
      url: this.url,
      headers,
      referrer: this.#referrer,
      webContents: undefined,
      offset,
      crossOriginRedirects: 'error',
    });
  }

  #updateValidatorsOnResumption(info: CreateInfo): void {
    const chain = [...info.urlChain];
    if (chain[0] === this.url) chain.shift();
    // New validators mean another file: nothing already received counts.
    if (this.#etag !== info.etag || this.#lastModified !== info.lastModified) this.#received = 0;
    this.#urlChain.push(...chain);
    this.#etag = info.etag;
    this.#lastModified = info.lastModified;
    this.#contentDisposition = info.contentDisposition;
    this.#mimeType = info.mimeType;
  }

  // ── Controls ──────────────────────────────────────────────────────────────

  pause(): void {
    if (this.#paused) return;
    switch (this.#state) {
      case 'INITIAL':
      case 'INTERRUPTED':
      case 'INTERRUPTED_TARGET_PENDING':
      case 'RESUMING':
        this.#paused = true;
        this.#notify();
        return;
      case 'IN_PROGRESS':
      case 'TARGET_PENDING':
        this.#paused = true;
        this.#body?.pause();
        this.#file?.pause();
        this.#notify();
        return;
      default:
        return;
    }
  }

  /** Electron always resumes as the user (the automatic-resume count starts again). */
  resume(): void {
    switch (this.#state) {
      case 'TARGET_PENDING':
      case 'IN_PROGRESS':
        if (!this.#paused) return;
        this.#paused = false;
        this.#body?.resume();
        this.#autoResumeCount = 0;
        this.#notify();
        return;
      case 'INTERRUPTED':
        this.#autoResumeCount = 0;
        this.#paused = false;
        this.#resumeInterruptedDownload();
        this.#notify();
        return;
      default:
        return;
    }
  }

  /** Notifies even when there is nothing to cancel, so a finished item says `'done'` again. */
  cancel(): void {
    this.#interruptWithPartialState(0, 'USER_CANCELED');
    this.#notify();
  }

  /** `Remove()`: cancels, tells observers once more, then the item is gone. */
  remove(): void {
    this.#interruptWithPartialState(0, 'USER_CANCELED');
    this.#notify();
    this.#destroyed = true;
    this.#generation++;
    this.#observer.destroyed();
  }

  // ── Plumbing ──────────────────────────────────────────────────────────────

  #notify(): void {
    if (!this.#destroyed) this.#observer.updated();
  }

  #transition(to: InternalState): void {
    if (this.#state === to) return;
    if (!isValidTransition(this.#state, to)) {
      throw new Error(`Invalid download state transition from ${this.#state} to ${to}`);
    }
    this.#state = to;
  }

  /** A posted task (Chromium's task runners), dropped if the item moved on meanwhile. */
  #later(task: () => void): void {
    const generation = this.#generation;
    postTask(() => {
      if (generation === this.#generation && !this.#destroyed) task();
    });
  }
}
