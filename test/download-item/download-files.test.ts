import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { Gate, startDownloadServer, type DownloadServer } from './download-server';
import { doneOf, until, willDownload } from './download-helpers';

const data = Buffer.alloc(8192, 9);
const gated = new Gate(4096);
let server: DownloadServer;

beforeAll(async () => {
  server = await startDownloadServer({
    '/data.bin': { body: data, contentType: 'application/octet-stream' },
    '/gated.bin': { body: data, gate: gated },
  });
});
afterAll(() => server.close());

function fake() {
  return createElectronFake({ clock: createClock(1_700_000_000_000) });
}

it('creates the missing directories of the save path', async () => {
  const { session, fake: controls } = fake();
  const ses = session.defaultSession;
  const downloading = willDownload(ses, (item) => item.setSavePath('/a/b/c/data.bin'));
  ses.downloadURL(`${server.url}/data.bin`);
  expect(await doneOf(await downloading)).toBe('completed');
  expect(Buffer.compare(controls.fs.readFileSync('/a/b/c/data.bin') as Buffer, data)).toBe(0);
});

it('writes next to a file already at the save path, then replaces it when done', async () => {
  const { session, fake: controls } = fake();
  const ses = session.defaultSession;
  controls.fs.mkdirSync('/saved', { recursive: true });
  controls.fs.writeFileSync('/saved/gated.bin', 'old');
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/gated.bin'));
  ses.downloadURL(`${server.url}/gated.bin`);
  const item = await downloading;
  gated.open();
  await until(
    () =>
      controls.fs.existsSync('/saved/gated (1).bin') &&
      controls.fs.statSync('/saved/gated (1).bin').size === 4096,
  );
  expect(controls.fs.readFileSync('/saved/gated.bin', 'utf8')).toBe('old');
  gated.open();
  expect(await doneOf(item)).toBe('completed');
  expect(controls.fs.readdirSync('/saved')).toEqual(['gated.bin']);
  expect(Buffer.compare(controls.fs.readFileSync('/saved/gated.bin') as Buffer, data)).toBe(0);
});

it('leaves no file when cancelled right after will-download', async () => {
  const { session, app, fake: controls } = fake();
  const ses = session.defaultSession;
  const downloading = willDownload(ses, (item) => {
    item.setSavePath('/saved/never.bin');
    item.cancel();
  });
  ses.downloadURL(`${server.url}/data.bin`);
  const item = await downloading;
  expect(item.getState()).toBe('cancelled');
  expect(controls.fs.existsSync('/saved/never.bin')).toBe(false);
  expect(controls.fs.existsSync(app.getPath('temp'))).toBe(false);
});

it('writes to a real directory when the fake was created with userDataPath', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'downloads-'));
  try {
    const { session } = createElectronFake({ clock: createClock(1_700_000_000_000), userDataPath: root });
    const ses = session.defaultSession;
    const target = path.join(root, 'out', 'data.bin');
    const downloading = willDownload(ses, (item) => item.setSavePath(target));
    ses.downloadURL(`${server.url}/data.bin`);
    expect(await doneOf(await downloading)).toBe('completed');
    expect(Buffer.compare(readFileSync(target), data)).toBe(0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
