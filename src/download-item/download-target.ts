import path from 'node:path';
import { postTask } from '../clock/clock';
import type { SaveDialogOptions, SaveDialogReturnValue } from '../dialog/dialog';
import type { SaveDialogSettings } from '../dialog/save-dialog-settings';
import type { FakeFileSystem } from '../runtime/file-system';
import type { InterruptReason } from './interrupt-reason';

/** What Electron's download manager delegate needs to choose where a download goes. */
export interface DownloadTargetContext {
  readonly fs: FakeFileSystem;
  /** The fake module's dialog: a spy on it decides where downloads go. */
  showSaveDialog(...args: [SaveDialogOptions] | [object, SaveDialogOptions]): Promise<SaveDialogReturnValue>;
  /** `setDownloadPath`'s directory, else `app.getPath('downloads')`. */
  downloadDirectory(): string;
  /** The directory of the last path chosen in a save dialog of this session. */
  lastSavedDirectory: string | undefined;
}

/** The download whose target is being determined. */
export interface TargetSubject {
  readonly savePath: string;
  setSavePath(path: string): void;
  readonly dialogSettings: SaveDialogSettings;
  readonly url: string;
  /** The generated file name (`getFilename()`). */
  fileName(): string;
  /** False once the download is gone (a late dialog answer is dropped). */
  alive(): boolean;
}

/**
 * The default save path (Electron's `CreateDownloadPath`): the last dialog
 * directory when it still exists, else the download directory, plus the
 * generated file name.
 */
export function defaultDownloadPath(input: {
  readonly fileName: string;
  readonly lastSavedDirectory: string | undefined;
  readonly lastSavedDirectoryExists: boolean;
  readonly downloadDirectory: string;
}): { directory: string; path: string } {
  const useLast =
    input.lastSavedDirectory !== undefined &&
    input.lastSavedDirectory !== '' &&
    input.lastSavedDirectoryExists;
  const directory = useLast ? (input.lastSavedDirectory as string) : input.downloadDirectory;
  return { directory, path: path.join(directory, input.fileName) };
}

/**
 * Electron's `ElectronDownloadManagerDelegate::DetermineDownloadTarget`: a save
 * path set on the item wins at once; otherwise, on a later task, the default
 * path is computed (its directory created) and, unless a save path was set
 * meanwhile, the save dialog is shown. Cancelling it (an empty path) cancels
 * the download; a chosen path becomes the item's save path.
 */
export function determineDownloadTarget(
  context: DownloadTargetContext,
  subject: TargetSubject,
  done: (target: string, reason: InterruptReason) => void,
): void {
  if (subject.savePath !== '') {
    done(subject.savePath, 'NONE');
    return;
  }
  postTask(() => {
    if (!subject.alive()) return;
    const { fs } = context;
    const last = context.lastSavedDirectory;
    const generated = defaultDownloadPath({
      fileName: subject.fileName(),
      lastSavedDirectory: last,
      lastSavedDirectoryExists: last !== undefined && last !== '' && fs.existsSync(last),
      downloadDirectory: context.downloadDirectory(),
    });
    if (!fs.existsSync(generated.directory)) fs.mkdirSync(generated.directory, { recursive: true });
    if (subject.savePath !== '') {
      done(subject.savePath, 'NONE');
      return;
    }
    showDialog(context, subject, generated.path, done);
  });
}

function showDialog(
  context: DownloadTargetContext,
  subject: TargetSubject,
  defaultPath: string,
  done: (target: string, reason: InterruptReason) => void,
): void {
  const { window, ...settings } = subject.dialogSettings;
  const options: SaveDialogOptions = {
    ...settings,
    filters: settings.filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
    properties: [...settings.properties],
    title: settings.title === '' ? subject.url : settings.title,
    defaultPath: settings.defaultPath === '' ? defaultPath : settings.defaultPath,
  };
  const answered = (result: Partial<SaveDialogReturnValue> | undefined): void => {
    if (!subject.alive()) return;
    const canceled = result?.canceled ?? true;
    const filePath = result?.filePath;
    let target = '';
    if (!canceled && typeof filePath === 'string' && filePath !== '') {
      context.lastSavedDirectory = path.dirname(filePath);
      subject.setSavePath(filePath);
      target = filePath;
    }
    done(target, target === '' ? 'USER_CANCELED' : 'NONE');
  };
  Promise.resolve()
    .then(() => (window === null ? context.showSaveDialog(options) : context.showSaveDialog(window, options)))
    .then(answered, () => answered(undefined));
}
