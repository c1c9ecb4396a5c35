import path from 'node:path';
import type { Clock, TimerHandle } from '../clock/clock';
import type { FakeFileSystem } from '../runtime/file-system';
import type { InterruptReason } from './interrupt-reason';
import { insertBeforeExtension } from './file-name-parts';
import { RateEstimator } from './rate-estimator';

// Chromium's DownloadFileImpl sends progress on this period while bytes are written.
const updatePeriodMs = 500;
// base::GetUniquePath gives up after `name (100).ext`.
const maxUniqueFiles = 100;
// base::CreateTemporaryFileInDir on Linux, Chromium branding (Electron's).
const temporaryPrefix = '.org.chromium.Chromium.';

/** What the file tells its download item (Chromium's `DownloadDestinationObserver`). */
export interface DownloadFileObserver {
  update(bytesSoFar: number, bytesPerSecond: number): void;
  completed(totalBytes: number): void;
  error(reason: InterruptReason, bytesSoFar: number): void;
}

export interface DownloadFileInit {
  readonly fs: FakeFileSystem;
  readonly clock: Clock;
  /** Where a download with no path yet writes (Chromium: the default download directory). */
  readonly temporaryDirectory: string;
  readonly observer: DownloadFileObserver;
}

export interface RenameResult {
  readonly reason: InterruptReason;
  readonly path: string;
}

let nextTemporaryName = 1;

/**
 * The bytes of one download on the fake's file system (Chromium's
 * `DownloadFileImpl` + `BaseFile`): a temporary file until the target is
 * known, then renamed to the intermediate path (made unique) and at the end to
 * the target. While bytes are written it reports progress every 500 ms of the
 * fake clock.
 */
export class DownloadFile {
  readonly #init: DownloadFileInit;
  readonly #rate: RateEstimator;
  #path = '';
  #fd: number | undefined;
  #bytesSoFar = 0;
  #timer: TimerHandle | undefined;

  constructor(init: DownloadFileInit) {
    this.#init = init;
    this.#rate = new RateEstimator(init.clock.now());
  }

  get fullPath(): string {
    return this.#path;
  }

  get bytesSoFar(): number {
    return this.#bytesSoFar;
  }

  /**
   * Opens `existing` to continue at `offset` (longer files are cut there,
   * shorter ones are FILE_TOO_SHORT), or creates a temporary file.
   */
  initialize(existing: string | undefined, offset: number): InterruptReason {
    const { fs } = this.#init;
    try {
      if (existing === undefined) {
        fs.mkdirSync(this.#init.temporaryDirectory, { recursive: true });
        this.#path = this.#temporaryPath();
        this.#fd = fs.openSync(this.#path, 'wx+');
        return 'NONE';
      }
      this.#path = existing;
      fs.mkdirSync(path.dirname(existing), { recursive: true });
      this.#fd = fs.openSync(existing, fs.existsSync(existing) ? 'r+' : 'w+');
      const size = fs.fstatSync(this.#fd).size;
      if (size < offset) return 'FILE_TOO_SHORT';
      if (size > offset) fs.ftruncateSync(this.#fd, offset);
      this.#bytesSoFar = offset;
      return 'NONE';
    } catch (error) {
      return fileErrorReason(error);
    }
  }

  /** Appends a chunk; the first write starts the progress timer. */
  write(chunk: Uint8Array): InterruptReason {
    if (this.#fd === undefined) return 'FILE_FAILED';
    if (this.#timer === undefined) this.#startTimer();
    this.#rate.increment(chunk.byteLength, this.#init.clock.now());
    try {
      this.#init.fs.writeSync(this.#fd, chunk, 0, chunk.byteLength, this.#bytesSoFar);
    } catch (error) {
      return fileErrorReason(error);
    }
    this.#bytesSoFar += chunk.byteLength;
    return 'NONE';
  }

  /** The body ended: two last progress reports, then "all data saved". */
  streamCompleted(): void {
    this.sendUpdate();
    this.sendUpdate();
    this.#stopTimer();
    this.#init.observer.completed(this.#bytesSoFar);
  }

  /** The body (or a write) failed: progress is brought up to date first. */
  streamFailed(reason: InterruptReason): void {
    this.sendUpdate();
    this.#stopTimer();
    this.#init.observer.error(reason, this.#bytesSoFar);
  }

  sendUpdate(): void {
    this.#init.observer.update(this.#bytesSoFar, this.#rate.countPerSecond(this.#init.clock.now()));
  }

  /** No progress is reported while paused; the timer starts again with the next write. */
  pause(): void {
    this.#stopTimer();
  }

  /** `RenameAndUniquify`: `name (1).ext` when another file already has the name. */
  renameAndUniquify(target: string): RenameResult {
    if (target === this.#path) return { reason: 'NONE', path: target };
    const { fs } = this.#init;
    let unique = target;
    for (let n = 1; fs.existsSync(unique); n++) {
      if (n > maxUniqueFiles) return { reason: 'FILE_FAILED', path: '' };
      unique = path.join(path.dirname(target), insertBeforeExtension(path.basename(target), ` (${n})`));
    }
    return this.#moveTo(unique);
  }

  /** The final rename onto the target, replacing a file already there. */
  renameFinal(target: string): RenameResult {
    if (target === this.#path) return { reason: 'NONE', path: target };
    return this.#moveTo(target);
  }

  /** Keeps the file (completed, or interrupted with a resumable partial file). */
  detach(): void {
    this.#stopTimer();
    this.#close();
  }

  /** Deletes the partial file. */
  cancel(): void {
    this.#stopTimer();
    this.#close();
    if (this.#path !== '') removeFile(this.#init.fs, this.#path);
  }

  #moveTo(target: string): RenameResult {
    const { fs } = this.#init;
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // rename(2) refuses to put a file over a directory (EISDIR); memfs would replace an empty one.
      if (fs.existsSync(target) && fs.statSync(target).isDirectory())
        return { reason: 'FILE_FAILED', path: '' };
      fs.renameSync(this.#path, target);
    } catch (error) {
      return { reason: fileErrorReason(error), path: '' };
    }
    this.#path = target;
    return { reason: 'NONE', path: target };
  }

  #temporaryPath(): string {
    const suffix = (nextTemporaryName++).toString(36).padStart(6, '0');
    return path.join(this.#init.temporaryDirectory, `${temporaryPrefix}${suffix}`);
  }

  #startTimer(): void {
    const tick = (): void => {
      this.#timer = this.#init.clock.setTimeout(tick, updatePeriodMs);
      this.sendUpdate();
    };
    this.#timer = this.#init.clock.setTimeout(tick, updatePeriodMs);
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) this.#init.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #close(): void {
    if (this.#fd === undefined) return;
    try {
      this.#init.fs.closeSync(this.#fd);
    } catch {
      // Already closed by the file system.
    }
    this.#fd = undefined;
  }
}

/** Deletes a file left by a download, if it is still there. */
export function removeFile(fs: FakeFileSystem, file: string): void {
  try {
    if (fs.statSync(file).isFile()) fs.unlinkSync(file);
  } catch {
    // Nothing to delete.
  }
}

// ConvertFileErrorToInterruptReason (base::File::Error → interrupt reason).
function fileErrorReason(error: unknown): InterruptReason {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'ENOSPC':
      return 'FILE_NO_SPACE';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'FILE_ACCESS_DENIED';
    case 'ENAMETOOLONG':
      return 'FILE_NAME_TOO_LONG';
    case 'EFBIG':
      return 'FILE_TOO_LARGE';
    case 'EMFILE':
    case 'ENFILE':
    case 'ENOMEM':
      return 'FILE_TRANSIENT_ERROR';
    default:
      return 'FILE_FAILED';
  }
}
