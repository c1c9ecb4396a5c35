import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { startDownloadServer, type DownloadServer } from './download-server';
import { describeItem, doneOf, recordEvents, willDownload } from './download-helpers';

const pdf = Buffer.alloc(4096, 7);
let server: DownloadServer;

beforeAll(async () => {
  server = await startDownloadServer({
    '/': { body: pdf, contentType: 'application/pdf', contentDisposition: 'inline; filename="mock.pdf"' },
    '/report': {
      body: pdf,
      contentType: 'application/pdf',
      contentDisposition: 'attachment; filename="report.pdf"',
    },
    '/moved': { redirect: '/report' },
    '/page': { body: Buffer.from('<title>page</title>'), contentType: 'text/html' },
  });
});
afterAll(() => server.close());

function fake() {
  return createElectronFake({ clock: createClock(1_700_000_000_000) });
}

it('emits will-download when the headers arrived, with size, name and type already known', async () => {
  const { session } = fake();
  const ses = session.defaultSession;
  let seen: Record<string, unknown> = {};
  const downloading = willDownload(ses, (item, webContents) => {
    seen = describeItem(item, webContents);
    item.setSavePath('/saved/mock.pdf');
  });
  ses.downloadURL(server.url);
  const item = await downloading;
  expect(seen).toEqual({
    state: 'progressing',
    urlChain: [`${server.url}/`],
    filename: 'mock.pdf',
    mimeType: 'application/pdf',
    received: 0,
    total: pdf.length,
    savePath: '',
    webContents: null,
  });
  expect(await doneOf(item)).toBe('completed');
});

it('sends the first update on a later task than will-download', async () => {
  const { session } = fake();
  const ses = session.defaultSession;
  let events: string[] = [];
  const downloading = willDownload(ses, (item) => {
    item.setSavePath('/saved/later.pdf');
    events = recordEvents(item);
  });
  ses.downloadURL(server.url);
  const item = await downloading;
  expect(events).toEqual([]);
  await doneOf(item);
  expect(events[0]).toBe('updated:progressing:0');
});

it('refuses webContents.downloadURL headers that are not an object', () => {
  const { BrowserWindow } = fake();
  const win = new BrowserWindow();
  expect(() => win.webContents.downloadURL(server.url, { headers: 'i-am-a-bad-header' as never })).toThrow(
    new TypeError('Invalid value for headers - must be an object'),
  );
});

it('turns an attachment navigation into a download of the same response, redirects included', async () => {
  const { BrowserWindow, session } = fake();
  const win = new BrowserWindow();
  let received: unknown;
  const downloading = willDownload(session.defaultSession, (item, webContents) => {
    received = webContents;
    item.setSavePath('/saved/report.pdf');
  });
  const hits = server.hits('/report');
  const navigation = win.loadURL(`${server.url}/moved`);
  await expect(navigation).rejects.toThrow(`ERR_ABORTED (-3) loading '${server.url}/moved'`);
  const item = await downloading;
  expect(received).toBe(win.webContents);
  expect(item.getURLChain()).toEqual([`${server.url}/moved`, `${server.url}/report`]);
  expect(item.getURL()).toBe(`${server.url}/report`);
  expect(await doneOf(item)).toBe('completed');
  expect(server.hits('/report')).toBe(hits + 1);
});

it('reads the save path when the target is determined, a task after will-download', async () => {
  const { session, dialog } = fake();
  const ses = session.defaultSession;
  const shown = jest.spyOn(dialog, 'showSaveDialog');
  const downloading = willDownload(ses, (item) => {
    setImmediate(() => item.setSavePath('/saved/next-task.pdf'));
  });
  ses.downloadURL(server.url);
  const item = await downloading;
  expect(await doneOf(item)).toBe('completed');
  expect(shown).not.toHaveBeenCalled();
  expect(item.getSavePath()).toBe('/saved/next-task.pdf');
});

it('ignores a save path set once the save dialog is open', async () => {
  const { session, dialog } = fake();
  const ses = session.defaultSession;
  const downloading = willDownload(ses);
  jest.spyOn(dialog, 'showSaveDialog').mockImplementation(async () => {
    (await downloading).setSavePath('/saved/too-late.pdf');
    return { canceled: true, filePath: '' };
  });
  ses.downloadURL(server.url);
  const item = await downloading;
  expect(await doneOf(item)).toBe('cancelled');
});

it('sends the download through the session pipeline as resource type other, with its cookies', async () => {
  const { session } = fake();
  const ses = session.fromPartition('downloads-pipeline');
  await ses.cookies.set({ url: server.url, name: 'sid', value: 'abc' });
  const details: Record<string, unknown>[] = [];
  ses.webRequest.onBeforeSendHeaders((d, callback) => {
    details.push({ resourceType: d.resourceType, cookie: d.requestHeaders['Cookie'] });
    callback({});
  });
  const completed = new Promise<string>((resolve) => ses.webRequest.onCompleted((d) => resolve(d.url)));
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/pipeline.pdf'));
  ses.downloadURL(`${server.url}/report`);
  expect(await doneOf(await downloading)).toBe('completed');
  expect(details).toEqual([{ resourceType: 'other', cookie: 'sid=abc' }]);
  expect(await completed).toBe(`${server.url}/report`);
});

it('ends a download that webRequest cancels as interrupted for good', async () => {
  const { session } = fake();
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((_details, callback) => callback({ cancel: true }));
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/blocked.pdf'));
  ses.downloadURL(server.url);
  const item = await downloading;
  expect(await doneOf(item)).toBe('interrupted');
  expect(item.canResume()).toBe(false);
});
