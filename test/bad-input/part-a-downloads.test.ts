import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import type { DownloadItem } from '../../src/download-item/download-item';
import { startDownloadServer, type DownloadServer } from '../download-item/download-server';
import { doneOf, until, willDownload } from '../download-item/download-helpers';

type Loose = (...args: unknown[]) => unknown;

const body = Buffer.alloc(2048, 7);
let server: DownloadServer;
let fileUrl: string;

beforeAll(async () => {
  server = await startDownloadServer({
    '/a.bin': {
      body,
      contentType: 'application/octet-stream',
      contentDisposition: 'attachment; filename="a.bin"',
    },
  });
  fileUrl = `${server.url}/a.bin`;
});
afterAll(() => server.close());

/** A fake whose default session counts its `will-download` events. */
function downloads() {
  const electron = createElectronFake({ clock: createClock(1_700_000_000_000) });
  const ses = electron.session.defaultSession;
  const started: DownloadItem[] = [];
  ses.on('will-download', (_event: unknown, item: DownloadItem) => started.push(item));
  return { ...electron, ses, started };
}

function destroyed(item: DownloadItem | undefined): boolean {
  try {
    item?.getState();
    return false;
  } catch (error) {
    return (error as Error).message === 'DownloadItem used after being destroyed';
  }
}

/** Lets any download the call started reach `will-download`. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
}

it.each([
  [[], 'Insufficient number of arguments.'],
  [[42], 'Error processing argument at index 0, conversion failure from Number'],
  [[null], 'Error processing argument at index 0, conversion failure from null'],
])('ses.downloadURL(...%j) throws the gin TypeError and starts nothing', async (args, message) => {
  const { ses, started } = downloads();
  expect(() => (ses.downloadURL as Loose)(...args)).toThrow(new TypeError(message));
  await settle();
  expect(started).toEqual([]);
});

it.each([
  [[], 'Insufficient number of arguments.'],
  [[42], 'Error processing argument at index 0, conversion failure from Number'],
])('webContents.downloadURL(...%j) throws the gin TypeError and starts nothing', async (args, message) => {
  const { BrowserWindow, started } = downloads();
  const { webContents } = new BrowserWindow();
  expect(() => (webContents.downloadURL as Loose)(...args)).toThrow(new TypeError(message));
  await settle();
  expect(started).toEqual([]);
});

it('webContents.downloadURL refuses a header value that is not a string, like ses.downloadURL', () => {
  const { BrowserWindow } = downloads();
  const { webContents } = new BrowserWindow();
  expect(() => webContents.downloadURL(fileUrl, { headers: { 'x-n': 1 } as never })).toThrow(
    new TypeError('Invalid value for headers - must be an object'),
  );
});

it.each([
  ['a name that is not a token', { 'bad name': 'x' }],
  ['a value with a line feed', { 'x-a': 'a\nInjected: 1' }],
  ['a value with NUL', { 'x-a': 'a\u0000b' }],
])('downloadURL with a header of %s throws INVALID_OPTION and starts nothing', async (_what, headers) => {
  const { ses, BrowserWindow, started } = downloads();
  const { webContents } = new BrowserWindow();
  for (const download of [ses.downloadURL.bind(ses), webContents.downloadURL.bind(webContents)]) {
    expect(() => download(fileUrl, { headers })).toThrow(
      expect.objectContaining({ name: 'HarnessError', code: 'INVALID_OPTION' }),
    );
  }
  expect(() => ses.downloadURL(fileUrl, { headers })).toThrow(
    /^Failed to start the download: header "[^"]+" cannot be sent/,
  );
  await settle();
  expect(started).toEqual([]);
});

/** The state the download of `url` ends in, listening from `will-download` on. */
function finalState(ses: ReturnType<typeof downloads>['ses'], start: () => void): Promise<string> {
  const state = new Promise<string>((resolve) => {
    ses.once('will-download', (_event: unknown, item: DownloadItem) => {
      item.once('done', (_done: unknown, done: string) => resolve(done));
    });
  });
  start();
  return state;
}

it.each(['not a url', '', 'ftp://127.0.0.1/a.bin'])(
  'downloadURL(%j) emits will-download and ends interrupted, as Chromium interrupts a request it cannot make',
  async (url) => {
    const { ses } = downloads();
    expect(await finalState(ses, () => ses.downloadURL(url))).toBe('interrupted');
  },
);

it.each([[1], ['headers'], [null]])(
  'downloadURL options that are not an object (%p) are ignored',
  async (options) => {
    const { ses } = downloads();
    expect(await finalState(ses, () => (ses.downloadURL as Loose)(fileUrl, options))).toBe('completed');
  },
);

it.each([
  ['setSavePath', [1], 'Error processing argument at index 0, conversion failure from Number'],
  ['setSavePath', [], 'Insufficient number of arguments.'],
  ['setSaveDialogOptions', [42], 'Error processing argument at index 0, conversion failure from Number'],
  ['setSaveDialogOptions', [], 'Insufficient number of arguments.'],
] as const)(
  '%s(...%j) throws the gin TypeError, and the download completes at the save path set before',
  async (method, args, message) => {
    const { ses } = downloads();
    const thrown: unknown[] = [];
    const pending = willDownload(ses, (item) => {
      item.setSavePath('/data/kept.bin');
      try {
        (item[method] as Loose).call(item, ...args);
      } catch (error) {
        thrown.push(error);
      }
    });
    ses.downloadURL(fileUrl);
    const item = await pending;
    expect(thrown).toEqual([new TypeError(message)]);
    expect(await doneOf(item)).toBe('completed');
    expect(item.getSavePath()).toBe('/data/kept.bin');
  },
);

it('setSavePath into a folder that does not exist creates it, as Electron documents', async () => {
  const { ses, fake } = downloads();
  const pending = willDownload(ses, (item) => item.setSavePath('/no/such/dir/a.bin'));
  ses.downloadURL(fileUrl);
  expect(await doneOf(await pending)).toBe('completed');
  expect(fake.fs.readFileSync('/no/such/dir/a.bin')).toEqual(body);
});

/** The item `will-download` gave, once its state is `interrupted`, with `save` applied in the event. */
async function interruptedWith(ses: ReturnType<typeof downloads>['ses'], save: (item: DownloadItem) => void) {
  const item = await new Promise<DownloadItem>((resolve) => {
    ses.once('will-download', (_event: unknown, started: DownloadItem) => {
      save(started);
      started.on('updated', (_updated: unknown, state: string) => {
        if (state === 'interrupted') resolve(started);
      });
    });
    ses.downloadURL(fileUrl);
  });
  return item;
}

it.each([
  ['that is an existing folder', '/data/folder'],
  ['under a regular file', '/data/plain/a.bin'],
] as const)(
  'a save path %s interrupts the download and leaves what is there alone',
  async (_what, savePath) => {
    const { ses, fake } = downloads();
    fake.fs.mkdirSync('/data/folder', { recursive: true });
    fake.fs.writeFileSync('/data/folder/inside.txt', 'kept');
    fake.fs.writeFileSync('/data/plain', 'kept');
    const item = await interruptedWith(ses, (started) => started.setSavePath(savePath));
    expect(item.getState()).toBe('interrupted');
    expect(fake.fs.readdirSync('/data/folder')).toEqual(['inside.txt']);
    expect(fake.fs.readFileSync('/data/plain', 'utf8')).toBe('kept');
  },
);

it("setSavePath('') counts as no save path: the download goes where it would without one", async () => {
  const { ses, app, fake } = downloads();
  const pending = willDownload(ses, (item) => item.setSavePath(''));
  ses.downloadURL(fileUrl);
  const item = await pending;
  expect(await doneOf(item)).toBe('completed');
  expect(item.getSavePath()).toBe(`${app.getPath('downloads')}/a.bin`);
  expect(fake.fs.readFileSync(`${app.getPath('downloads')}/a.bin`)).toEqual(body);
});

// Chromium's DownloadItemImpl::Cancel calls UpdateObservers even on a finished item, so 'done' repeats.
it('cancel twice leaves the download cancelled and repeats done, and pause or resume after it change nothing', async () => {
  const { ses } = downloads();
  const done: string[] = [];
  const pending = willDownload(ses, (item) => {
    item.on('done', (_event: unknown, state: string) => done.push(state));
    item.cancel();
    item.cancel();
    item.pause();
    item.resume();
  });
  ses.downloadURL(fileUrl);
  const item = await pending;
  await settle();
  expect(done).toEqual(['cancelled', 'cancelled']);
  expect(item.getState()).toBe('cancelled');
  expect(item.canResume()).toBe(false);
});

it('pause, resume and cancel on a completed download keep it completed; cancel repeats done', async () => {
  const { ses } = downloads();
  const pending = willDownload(ses);
  ses.downloadURL(fileUrl);
  const item = await pending;
  expect(await doneOf(item)).toBe('completed');
  const done: string[] = [];
  item.on('done', (_event: unknown, state: string) => done.push(state));
  item.pause();
  item.resume();
  item.cancel();
  await settle();
  expect(done).toEqual(['completed']);
  expect(item.getState()).toBe('completed');
  expect(item.isPaused()).toBe(false);
  expect(item.getReceivedBytes()).toBe(body.length);
});

it('a will-download listener that throws surfaces uncaught, its preventDefault still cancels, and nothing hangs', async () => {
  const { ses } = downloads();
  const uncaught: unknown[] = [];
  const original = globalThis.queueMicrotask;
  const spy = jest.spyOn(globalThis, 'queueMicrotask').mockImplementation((callback) =>
    original(() => {
      try {
        callback();
      } catch (error) {
        uncaught.push(error);
      }
    }),
  );
  try {
    const items: DownloadItem[] = [];
    ses.once('will-download', (event: { preventDefault(): void }, item: DownloadItem) => {
      items.push(item);
      event.preventDefault();
      throw new Error('listener failed');
    });
    ses.downloadURL(fileUrl);
    await until(() => items.length > 0 && destroyed(items[0]));
    await settle();
    expect(uncaught).toEqual([new Error('listener failed')]);
  } finally {
    spy.mockRestore();
  }
});

it.each([
  [[], 'Insufficient number of arguments.'],
  [[42], 'Error processing argument at index 0, conversion failure from Number'],
])('setDownloadPath(...%j) throws the gin TypeError and keeps the download path', (args, message) => {
  const { ses, fake } = downloads();
  ses.setDownloadPath('/data/downloads');
  expect(() => (ses.setDownloadPath as Loose)(...args)).toThrow(new TypeError(message));
  expect(fake.inspect(ses).downloadPath).toBe('/data/downloads');
});

it.each([
  [[], 'Insufficient number of arguments.'],
  [[42], 'Error processing argument at index 0, conversion failure from Number'],
  [['options'], 'Error processing argument at index 0, conversion failure from "options"'],
])('createInterruptedDownload(...%j) throws the gin TypeError and creates nothing', async (args, message) => {
  const { ses, started } = downloads();
  expect(() => (ses.createInterruptedDownload as Loose)(...args)).toThrow(new TypeError(message));
  await settle();
  expect(started).toEqual([]);
});

it('createInterruptedDownload members of the wrong type count as absent, so the non-empty check throws', async () => {
  const { ses, started } = downloads();
  expect(() => ses.createInterruptedDownload({ path: 1, urlChain: 'x', length: '5' } as never)).toThrow(
    new Error('Must pass non-empty path, urlChain and length.'),
  );
  await settle();
  expect(started).toEqual([]);
});
