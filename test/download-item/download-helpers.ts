import { once } from 'node:events';
import type { DownloadItem } from '../../src/download-item/download-item';
import type { Session } from '../../src/session/session';
import { nextTask } from '../../src/clock/clock';

/** The next `'will-download'` item; `handle` runs inside the event, where Electron wants `setSavePath`. */
export function willDownload(
  session: Session,
  handle: (item: DownloadItem, webContents: unknown, event: { preventDefault(): void }) => void = () =>
    undefined,
): Promise<DownloadItem> {
  return new Promise((resolve) => {
    session.once(
      'will-download',
      (event: { preventDefault(): void }, item: DownloadItem, webContents: unknown) => {
        handle(item, webContents, event);
        resolve(item);
      },
    );
  });
}

/** The state of the item's next `'done'`. */
export async function doneOf(item: DownloadItem): Promise<string> {
  const [, state] = (await once(item, 'done')) as [unknown, string];
  return state;
}

/** The state of the item's next `'updated'`. */
export async function updatedOf(item: DownloadItem): Promise<string> {
  const [, state] = (await once(item, 'updated')) as [unknown, string];
  return state;
}

/** Every event of the item as `name:state:receivedBytes`. */
export function recordEvents(item: DownloadItem): string[] {
  const events: string[] = [];
  for (const name of ['updated', 'done'] as const) {
    item.on(name, (_event: unknown, state: string) =>
      events.push(`${name}:${state}:${item.getReceivedBytes()}`),
    );
  }
  return events;
}

/** Waits (on real tasks, not fake time) until `condition` holds. */
export async function until(condition: () => boolean, tasks = 100_000): Promise<void> {
  for (let i = 0; i < tasks; i++) {
    if (condition()) return;
    await nextTask();
  }
  throw new Error('condition not reached');
}

/** What an item says about itself, as a test compares it. */
export function describeItem(item: DownloadItem, webContents: unknown): Record<string, unknown> {
  return {
    state: item.getState(),
    urlChain: item.getURLChain(),
    filename: item.getFilename(),
    mimeType: item.getMimeType(),
    received: item.getReceivedBytes(),
    total: item.getTotalBytes(),
    savePath: item.savePath,
    webContents,
  };
}

/** Every save dialog option set, as Electron's spec round-trips them. */
export const fullSaveDialogOptions = {
  window: null,
  title: 'title',
  message: 'message',
  buttonLabel: 'buttonLabel',
  nameFieldLabel: 'nameFieldLabel',
  defaultPath: '/',
  filters: [
    { name: '1', extensions: ['.1', '.2'] },
    { name: '2', extensions: ['.3', '.4', '.5'] },
  ],
  properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
  showsTagField: false,
  securityScopedBookmarks: true,
};
