import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import type { SaveDialogReturnValue } from '../../src/dialog/dialog';
import { Gate, startDownloadServer, type DownloadServer } from './download-server';
import { doneOf, recordEvents, until, willDownload } from './download-helpers';

const pdf = Buffer.alloc(2048, 3);
const slow = new Gate(1024);
let server: DownloadServer;

beforeAll(async () => {
  server = await startDownloadServer({
    '/': { body: pdf, contentType: 'application/pdf', contentDisposition: 'inline; filename="mock.pdf"' },
    '/slow': {
      body: pdf,
      contentType: 'application/pdf',
      contentDisposition: 'attachment; filename="slow.pdf"',
      gate: slow,
    },
  });
});
afterAll(() => server.close());

function fake() {
  return createElectronFake({ clock: createClock(1_700_000_000_000) });
}

it('asks the save dialog, titled with the URL, to save in the downloads folder under the file name', async () => {
  const { session, dialog, app, fake: controls } = fake();
  const ses = session.defaultSession;
  const shown = jest.spyOn(dialog, 'showSaveDialog');
  const downloading = willDownload(ses);
  ses.downloadURL(server.url);
  const item = await downloading;
  expect(await doneOf(item)).toBe('completed');
  const saved = `${app.getPath('downloads')}/mock.pdf`;
  expect(shown).toHaveBeenCalledTimes(1);
  expect(shown.mock.calls[0]).toEqual([
    expect.objectContaining({ title: `${server.url}/`, defaultPath: saved }),
  ]);
  expect(item.getSavePath()).toBe(saved);
  expect(Buffer.compare(controls.fs.readFileSync(saved) as Buffer, pdf)).toBe(0);
});

it('defaults to the setDownloadPath directory, creating it', async () => {
  const { session, dialog, fake: controls } = fake();
  const ses = session.defaultSession;
  ses.setDownloadPath('/data/incoming');
  const shown = jest.spyOn(dialog, 'showSaveDialog');
  const downloading = willDownload(ses);
  ses.downloadURL(server.url);
  await doneOf(await downloading);
  expect(shown.mock.calls[0]?.[0]).toMatchObject({ defaultPath: '/data/incoming/mock.pdf' });
  expect(controls.fs.existsSync('/data/incoming/mock.pdf')).toBe(true);
});

it('passes the options of setSaveDialogOptions to the dialog', async () => {
  const { session, dialog } = fake();
  const ses = session.defaultSession;
  const shown = jest.spyOn(dialog, 'showSaveDialog');
  const downloading = willDownload(ses, (item) =>
    item.setSaveDialogOptions({
      title: 'Save the report',
      defaultPath: '/reports/q3.pdf',
      buttonLabel: 'Keep',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    }),
  );
  ses.downloadURL(server.url);
  const item = await downloading;
  await doneOf(item);
  expect(shown.mock.calls[0]?.[0]).toMatchObject({
    title: 'Save the report',
    defaultPath: '/reports/q3.pdf',
    buttonLabel: 'Keep',
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  expect(item.getSavePath()).toBe('/reports/q3.pdf');
});

it('cancels the download when the dialog is cancelled, leaving no file', async () => {
  const { session, dialog, app, fake: controls } = fake();
  const ses = session.defaultSession;
  jest.spyOn(dialog, 'showSaveDialog').mockResolvedValue({ canceled: true, filePath: '' });
  const downloading = willDownload(ses);
  ses.downloadURL(server.url);
  const item = await downloading;
  expect(await doneOf(item)).toBe('cancelled');
  expect(item.getSavePath()).toBe('');
  expect(controls.fs.readdirSync(app.getPath('downloads'))).toEqual([]);
  // The bytes that came while the dialog was open went to a temporary file, now deleted.
  expect(controls.fs.readdirSync(app.getPath('temp'))).toEqual([]);
});

it('saves where the dialog says and starts the next dialog in that directory', async () => {
  const { session, dialog, fake: controls } = fake();
  const ses = session.defaultSession;
  const shown = jest
    .spyOn(dialog, 'showSaveDialog')
    .mockResolvedValueOnce({ canceled: false, filePath: '/elsewhere/chosen.pdf' });
  const first = willDownload(ses);
  ses.downloadURL(server.url);
  const item = await first;
  expect(await doneOf(item)).toBe('completed');
  expect(item.getSavePath()).toBe('/elsewhere/chosen.pdf');
  expect(controls.fs.existsSync('/elsewhere/chosen.pdf')).toBe(true);
  const second = willDownload(ses);
  ses.downloadURL(server.url);
  await doneOf(await second);
  expect(shown.mock.calls[1]?.[0]).toMatchObject({ defaultPath: '/elsewhere/mock.pdf' });
});

it('writes to a temporary file in the downloads folder while the dialog is open, then moves it', async () => {
  const clock = createClock(1_700_000_000_000);
  const { session, dialog, app, fake: controls } = createElectronFake({ clock });
  const ses = session.defaultSession;
  const downloads = app.getPath('downloads');
  controls.fs.mkdirSync(downloads, { recursive: true });
  let answer: (value: SaveDialogReturnValue) => void = () => undefined;
  jest.spyOn(dialog, 'showSaveDialog').mockReturnValue(new Promise((resolve) => (answer = resolve)));
  let events: string[] = [];
  const downloading = willDownload(ses, (item) => (events = recordEvents(item)));
  ses.downloadURL(`${server.url}/slow`);
  const item = await downloading;
  slow.open();
  const temporary = (): string[] =>
    (controls.fs.readdirSync(downloads) as string[]).filter((name) =>
      name.startsWith('.org.chromium.Chromium.'),
    );
  await until(
    () => temporary().length === 1 && controls.fs.statSync(`${downloads}/${temporary()[0]}`).size === 1024,
  );
  clock.tick(500);
  expect(events.at(-1)).toBe('updated:progressing:1024');
  answer({ canceled: false, filePath: '/chosen/slow.pdf' });
  await until(() => controls.fs.existsSync('/chosen/slow.pdf'));
  expect(temporary()).toEqual([]);
  slow.open();
  expect(await doneOf(item)).toBe('completed');
  expect(Buffer.compare(controls.fs.readFileSync('/chosen/slow.pdf') as Buffer, pdf)).toBe(0);
});
