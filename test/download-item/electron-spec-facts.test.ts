// One test per download fact Electron's own spec asserts (api-session-spec.ts),
// against a local server, as the reference lists them.
import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { nextTask } from '../../src/clock/clock';
import { startDownloadServer, type DownloadServer } from './download-server';
import { describeItem, doneOf, fullSaveDialogOptions, recordEvents, willDownload } from './download-helpers';

const mockPdf = Buffer.alloc(5 * 1024 * 1024, 1);
const contentDisposition = 'inline; filename="mock.pdf"';
let server: DownloadServer;

beforeAll(async () => {
  server = await startDownloadServer({
    '/': {
      body: mockPdf,
      contentType: 'application/pdf',
      contentDisposition,
      // As the spec's server: `?testFilename` answers with a disposition that names nothing.
      custom: (req, res) => {
        if (req.url !== '/?testFilename') return false;
        res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'inline' });
        res.end(mockPdf);
        return true;
      },
    },
    '/auth': {
      body: mockPdf,
      contentType: 'application/pdf',
      contentDisposition,
      authorization: 'Basic i-am-an-auth-header',
    },
  });
});
afterAll(() => server.close());

function fake() {
  const clock = createClock(1_700_000_000_000);
  return { clock, ...createElectronFake({ clock }) };
}

it('session.downloadURL: will-download on that session, then a completed mock.pdf of 5 MiB on disk', async () => {
  const { session, fake: controls } = fake();
  const ses = session.fromPartition('spec-download');
  const downloading = willDownload(ses, (item) => (item.savePath = '/saved/mock.pdf'));
  ses.downloadURL(server.url);
  const item = await downloading;
  expect(await doneOf(item)).toBe('completed');
  expect(item.getFilename()).toBe('mock.pdf');
  expect(item.savePath).toBe('/saved/mock.pdf');
  expect(item.getURL()).toBe(`${server.url}/`);
  expect(item.getMimeType()).toBe('application/pdf');
  expect(item.getReceivedBytes()).toBe(mockPdf.length);
  expect(item.getTotalBytes()).toBe(mockPdf.length);
  expect(item.getContentDisposition()).toBe(contentDisposition);
  expect(controls.fs.existsSync('/saved/mock.pdf')).toBe(true);
});

it('a valid Authorization header completes: 100 percent, 0 bytes/s, end after start', async () => {
  const { session, clock } = fake();
  const ses = session.defaultSession;
  const downloading = willDownload(ses, (item) => {
    item.setSavePath('/saved/auth.pdf');
    item.once('updated', () => clock.tick(1500));
  });
  ses.downloadURL(`${server.url}/auth`, { headers: { Authorization: 'Basic i-am-an-auth-header' } });
  const item = await downloading;
  expect(await doneOf(item)).toBe('completed');
  expect(item.getState()).toBe('completed');
  expect(item.getPercentComplete()).toBe(100);
  expect(item.getCurrentBytesPerSecond()).toBe(0);
  const start = item.getStartTime();
  expect(start).toBeGreaterThan(Math.floor(1_700_000_000_000 / 1000) - 1);
  expect(item.getEndTime()).toBeGreaterThan(start);
});

it('an invalid Authorization header (401): done, interrupted, nothing received, total 0', async () => {
  const { session } = fake();
  const ses = session.defaultSession;
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/unauthorised.pdf'));
  ses.downloadURL(`${server.url}/auth`, { headers: { Authorization: 'wrong' } });
  const item = await downloading;
  expect(await doneOf(item)).toBe('interrupted');
  expect(item.getState()).toBe('interrupted');
  expect(item.getReceivedBytes()).toBe(0);
  expect(item.getTotalBytes()).toBe(0);
});

it('downloadURL refuses headers that are not an object', () => {
  const { session } = fake();
  expect(() =>
    session.defaultSession.downloadURL(server.url, { headers: 'i-am-a-bad-header' as never }),
  ).toThrow(/Invalid value for headers - must be an object/);
});

it('webContents.downloadURL sends its referer header as the Referer', async () => {
  const { BrowserWindow, session } = fake();
  const win = new BrowserWindow();
  let received: unknown;
  const downloading = willDownload(session.defaultSession, (item, webContents) => {
    received = webContents;
    item.setSavePath('/saved/referred.pdf');
  });
  const before = server.requests.length;
  win.webContents.downloadURL(server.url, { headers: { referer: 'http://www.electronjs.org/docs' } });
  expect(await doneOf(await downloading)).toBe('completed');
  expect(received).toBe(win.webContents);
  expect(server.requests[before]?.headers.referer).toMatch(/^http:\/\/www\.electronjs\.org/);
});

it('a download from a registerHttpProtocol scheme reports the custom URL', async () => {
  const { session } = fake();
  const ses = session.defaultSession;
  ses.protocol.registerHttpProtocol('custom-dl', (_request, callback) =>
    callback({ url: server.url, method: 'GET' }),
  );
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/custom.pdf'));
  ses.downloadURL('custom-dl://item');
  const item = await downloading;
  expect(await doneOf(item)).toBe('completed');
  expect(item.getURL()).toBe('custom-dl://item');
});

it('cancel right after will-download: done cancelled, name and type kept, nothing received, total = Content-Length', async () => {
  const { session } = fake();
  const ses = session.defaultSession;
  let events: string[] = [];
  const downloading = willDownload(ses, (item) => {
    item.setSavePath('/saved/cancelled.pdf');
    events = recordEvents(item);
    item.cancel();
  });
  ses.downloadURL(server.url);
  const item = await downloading;
  expect(events).toEqual(['done:cancelled:0']);
  expect(item.getState()).toBe('cancelled');
  expect(item.getFilename()).toBe('mock.pdf');
  expect(item.getMimeType()).toBe('application/pdf');
  expect(item.getContentDisposition()).toBe(contentDisposition);
  expect(item.getReceivedBytes()).toBe(0);
  expect(item.getTotalBytes()).toBe(mockPdf.length);
});

it('names a download without a file name download.pdf', async () => {
  const { session } = fake();
  const ses = session.defaultSession;
  let name = '';
  const downloading = willDownload(ses, (item) => {
    name = item.getFilename();
    item.cancel();
  });
  ses.downloadURL(`${server.url}/?testFilename`);
  await downloading;
  expect(name).toBe('download.pdf');
});

it('getSaveDialogOptions returns what setSaveDialogOptions was given', async () => {
  const { session } = fake();
  const ses = session.defaultSession;
  const options = fullSaveDialogOptions;
  let roundTrip: unknown;
  const downloading = willDownload(ses, (item) => {
    item.setSaveDialogOptions(options);
    roundTrip = item.getSaveDialogOptions();
    item.cancel();
  });
  ses.downloadURL(server.url);
  await downloading;
  expect(roundTrip).toEqual(options);
});

it('a missing file:// URL with a save path: done, interrupted, and no dialog', async () => {
  const { session, dialog } = fake();
  const ses = session.defaultSession;
  const shown = jest.spyOn(dialog, 'showSaveDialog');
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/missing.pdf'));
  ses.downloadURL('file:///not/there.pdf');
  expect(await doneOf(await downloading)).toBe('interrupted');
  expect(shown).not.toHaveBeenCalled();
});

it('createInterruptedDownload: an interrupted item echoing the URL chain, type, offset, length and path', async () => {
  const { session } = fake();
  const ses = session.defaultSession;
  let seen: Record<string, unknown> = {};
  const downloading = willDownload(ses, (item, webContents) => (seen = describeItem(item, webContents)));
  let emitted = false;
  void downloading.then(() => (emitted = true));
  ses.createInterruptedDownload({
    path: '/tmp/mock.pdf',
    urlChain: ['http://127.0.0.1/'],
    mimeType: 'application/pdf',
    offset: 0,
    length: 5242880,
  });
  await Promise.resolve();
  expect(emitted).toBe(false);
  await downloading;
  expect(seen).toEqual({
    state: 'interrupted',
    urlChain: ['http://127.0.0.1/'],
    filename: 'download.pdf',
    mimeType: 'application/pdf',
    received: 0,
    total: 5242880,
    savePath: '/tmp/mock.pdf',
    webContents: null,
  });
});

it('preventDefault in will-download: the item works in the handler and is destroyed by the next tick', async () => {
  const { session, app, fake: controls } = fake();
  const ses = session.defaultSession;
  const inHandler: unknown[] = [];
  let events: string[] = [];
  const downloading = willDownload(ses, (item, _webContents, event) => {
    events = recordEvents(item);
    event.preventDefault();
    inHandler.push(item.getURL(), item.getFilename());
  });
  ses.downloadURL(server.url);
  const item = await downloading;
  expect(inHandler).toEqual([`${server.url}/`, 'mock.pdf']);
  await nextTask();
  expect(() => item.getURL()).toThrow(new Error('DownloadItem used after being destroyed'));
  expect(() => item.getState()).toThrow('DownloadItem used after being destroyed');
  expect(() => item.resume()).toThrow('DownloadItem used after being destroyed');
  // The save path and dialog options live on the JS object and still answer.
  expect(item.getSavePath()).toBe('');
  expect(item.getSaveDialogOptions()).toMatchObject({ title: '' });
  // Cancelled, then removed: listeners hear 'done' from both.
  expect(events).toEqual(['done:cancelled:0', 'done:cancelled:0']);
  expect(controls.fs.existsSync(`${app.getPath('downloads')}/mock.pdf`)).toBe(false);
});
