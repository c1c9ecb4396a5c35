import path from 'node:path';
import { nextTask } from '../clock/clock';
import type { FakeFileSystem } from '../runtime/file-system';
import { isDictionary, stringArgument } from './gin-arguments';

/** `Electron.StartLoggingOptions`. */
export interface StartLoggingOptions {
  captureMode?: 'default' | 'includeSensitive' | 'everything';
  maxFileSize?: number;
}

const captureModes = {
  default: 'Default',
  includeSensitive: 'IncludeSensitive',
  everything: 'Everything',
} as const;

interface Running {
  readonly file: string;
  readonly captureMode: keyof typeof captureModes;
  readonly events: object[];
}

/**
 * `ses.netLog`: writes a Chromium-format net-log JSON file (`constants`, then
 * `events`, then `polledData`) to the fake's file system. The file is created
 * by `startLogging` and completed by `stopLogging`; events recorded in between
 * (through `record`) land in its `events` array.
 */
export class NetLog {
  readonly #fs: FakeFileSystem;
  readonly #clientName: string;
  #running: Running | undefined;

  /** @internal Created by the session. */
  constructor(fs: FakeFileSystem, clientName: string) {
    this.#fs = fs;
    this.#clientName = clientName;
  }

  get currentlyLogging(): boolean {
    return this.#running !== undefined;
  }

  startLogging(...args: unknown[]): Promise<void> {
    const logPath = stringArgument(args, 0);
    if (logPath === '') throw new TypeError('The first parameter must be a valid string');
    let captureMode: keyof typeof captureModes = 'default';
    const options = args[1];
    if (isDictionary(options)) {
      const mode = options['captureMode'];
      if (mode !== undefined) {
        if (typeof mode !== 'string' || !Object.hasOwn(captureModes, mode)) {
          throw new TypeError('Invalid value for captureMode');
        }
        captureMode = mode as keyof typeof captureModes;
      }
      const maxFileSize = options['maxFileSize'];
      if (maxFileSize !== undefined && (typeof maxFileSize !== 'number' || !(maxFileSize >= 0))) {
        throw new TypeError('Invalid value for maxFileSize');
      }
    }
    if (this.#running !== undefined) throw new TypeError('There is already a net log running');
    const file = path.resolve(logPath);
    const running: Running = { file, captureMode, events: [] };
    this.#running = running;
    return nextTask().then(() => {
      try {
        this.#fs.writeFileSync(file, this.#header(captureMode));
      } catch (error) {
        if (this.#running === running) this.#running = undefined;
        throw new Error(fileErrorName(error));
      }
    });
  }

  stopLogging(): Promise<void> {
    const running = this.#running;
    if (running === undefined) return Promise.reject(new Error('No net log in progress'));
    this.#running = undefined;
    return nextTask().then(() => {
      const events = running.events.map((event) => JSON.stringify(event)).join(',\n');
      this.#fs.writeFileSync(
        running.file,
        `${this.#header(running.captureMode)}${events}\n],\n"polledData": {}\n}\n`,
      );
    });
  }

  /** @internal Appends one event to the running log (the request pipeline may call it). */
  record(event: object): void {
    this.#running?.events.push(event);
  }

  #header(captureMode: keyof typeof captureModes): string {
    const constants = {
      clientInfo: { name: this.#clientName, command_line: process.argv.join(' ') },
      logCaptureMode: captureModes[captureMode],
      logFormatVersion: 1,
    };
    return `{"constants":${JSON.stringify(constants)},\n"events": [\n`;
  }
}

/** `base::File::ErrorToString` for the failures the fake can meet. */
function fileErrorName(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'FILE_ERROR_NOT_FOUND';
  if (code === 'EACCES' || code === 'EPERM') return 'FILE_ERROR_ACCESS_DENIED';
  if (code === 'EISDIR') return 'FILE_ERROR_NOT_A_FILE';
  return 'FILE_ERROR_FAILED';
}
