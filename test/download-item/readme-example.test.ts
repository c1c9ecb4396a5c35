// The download example of README.md ("Downloads"), run as written there.
import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/index';
import type { Session } from '../../src/session/session';
import type { DownloadItem } from '../../src/download-item/download-item';

// src/main/updater.ts — app code
function downloadUpdate(ses: Session, url: string): Promise<string> {
  return new Promise((resolve) => {
    ses.once('will-download', (_event: unknown, item: DownloadItem) => {
      item.once('done', (_doneEvent: unknown, state: string) => resolve(state));
    });
    ses.downloadURL(url);
  });
}

it('saves the update where the user chose', async () => {
  const { session, dialog, fake } = createElectronFake({
    clock: createClock(),
    transport: () =>
      new Response('new version', {
        headers: { 'Content-Disposition': 'attachment; filename="app-2.0.zip"' },
      }),
  });
  // No save path was set, so Electron asks the user; the fake asks its dialog.
  const ask = jest
    .spyOn(dialog, 'showSaveDialog')
    .mockResolvedValue({ canceled: false, filePath: '/updates/app-2.0.zip' });

  const state = await downloadUpdate(session.defaultSession, 'https://updates.example.com/latest');

  expect(state).toBe('completed');
  expect(ask.mock.calls[0]?.[0]).toMatchObject({ defaultPath: '/home/user/Downloads/app-2.0.zip' });
  expect(fake.fs.readFileSync('/updates/app-2.0.zip', 'utf8')).toBe('new version');
});
