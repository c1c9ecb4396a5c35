import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { etag, lastModified, startDownloadServer, type DownloadServer } from './download-server';
import { doneOf, willDownload } from './download-helpers';

const logo = Buffer.alloc(14022);
for (let i = 0; i < logo.length; i++) logo[i] = (i * 13) % 256;
let server: DownloadServer;

beforeAll(async () => {
  server = await startDownloadServer({ '/logo.png': { body: logo, contentType: 'image/png', ranges: true } });
});
afterAll(() => server.close());

function fake() {
  return createElectronFake({ clock: createClock(1_700_000_000_000) });
}

it('resumes a cancelled download recreated from its fields (logo.png)', async () => {
  const { session, fake: controls } = fake();
  const ses = session.defaultSession;
  const savePath = '/saved/logo.png';
  const first = willDownload(ses, (item) => {
    item.setSavePath(savePath);
    item.cancel();
  });
  ses.downloadURL(`${server.url}/logo.png`);
  const cancelled = await first;
  expect(cancelled.getState()).toBe('cancelled');
  let before: unknown[] = [];
  const recreated = willDownload(ses, (item) => {
    before = [item.getState(), item.canResume()];
    item.resume();
  });
  ses.createInterruptedDownload({
    path: savePath,
    urlChain: cancelled.getURLChain(),
    mimeType: cancelled.getMimeType(),
    offset: cancelled.getReceivedBytes(),
    length: cancelled.getTotalBytes(),
    lastModified: cancelled.getLastModifiedTime(),
    eTag: cancelled.getETag(),
  });
  const item = await recreated;
  // Interrupted for a timeout, which Chromium resumes by itself: not a user resume, yet resume() works.
  expect(before).toEqual(['interrupted', false]);
  expect(await doneOf(item)).toBe('completed');
  expect(item.getFilename()).toBe('logo.png');
  expect(item.getURL()).toBe(`${server.url}/logo.png`);
  expect(item.getMimeType()).toBe('image/png');
  expect(item.getReceivedBytes()).toBe(14022);
  expect(item.getTotalBytes()).toBe(14022);
  expect(Buffer.compare(controls.fs.readFileSync(savePath) as Buffer, logo)).toBe(0);
});

it('continues a partial file from its offset with Range and If-Range', async () => {
  const { session, fake: controls } = fake();
  const ses = session.defaultSession;
  controls.fs.mkdirSync('/partial', { recursive: true });
  controls.fs.writeFileSync('/partial/logo.png', logo.subarray(0, 5000));
  const before = server.requests.length;
  const recreated = willDownload(ses, (item) => item.resume());
  ses.createInterruptedDownload({
    path: '/partial/logo.png',
    urlChain: [`${server.url}/logo.png`],
    mimeType: 'image/png',
    offset: 5000,
    length: logo.length,
    eTag: etag,
    lastModified,
  });
  const item = await recreated;
  expect(await doneOf(item)).toBe('completed');
  expect(server.requests[before]?.headers).toMatchObject({ range: 'bytes=5000-', 'if-range': etag });
  expect(Buffer.compare(controls.fs.readFileSync('/partial/logo.png') as Buffer, logo)).toBe(0);
});

it('restarts from zero when the partial file is shorter than the offset', async () => {
  const { session, fake: controls } = fake();
  const ses = session.defaultSession;
  controls.fs.mkdirSync('/short', { recursive: true });
  controls.fs.writeFileSync('/short/logo.png', logo.subarray(0, 100));
  const recreated = willDownload(ses, (item) => item.resume());
  ses.createInterruptedDownload({
    path: '/short/logo.png',
    urlChain: [`${server.url}/logo.png`],
    offset: 5000,
    length: logo.length,
    eTag: etag,
  });
  const item = await recreated;
  expect(await doneOf(item)).toBe('completed');
  expect(Buffer.compare(controls.fs.readFileSync('/short/logo.png') as Buffer, logo)).toBe(0);
});

it('reads back the start time it was given, and 0 for a start time of 0', async () => {
  const { session } = fake();
  const ses = session.defaultSession;
  const base = { path: '/tmp/x.pdf', urlChain: ['http://127.0.0.1/'], offset: 0, length: 10 };
  const given = willDownload(ses);
  ses.createInterruptedDownload({ ...base, startTime: 1_600_000_000.5 });
  expect((await given).getStartTime()).toBe(1_600_000_000.5);
  const zero = willDownload(ses);
  ses.createInterruptedDownload({ ...base, startTime: 0 });
  expect((await zero).getStartTime()).toBe(0);
  const now = willDownload(ses);
  ses.createInterruptedDownload(base);
  expect((await now).getStartTime()).toBe(1_700_000_000);
});
