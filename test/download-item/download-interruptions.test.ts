import { createClock } from '@sinonjs/fake-timers';
import type { IncomingMessage } from 'node:http';
import { createElectronFake } from '../../src/create-electron-fake';
import { NetError } from '../../src/errors/net-error';
import { etag, startDownloadServer, type DownloadServer } from './download-server';
import { doneOf, recordEvents, until, updatedOf, willDownload } from './download-helpers';

const body = Buffer.alloc(256 * 1024);
for (let i = 0; i < body.length; i++) body[i] = (i * 7) % 256;
let server: DownloadServer;

beforeAll(async () => {
  server = await startDownloadServer({
    '/auth': { body, authorization: 'Basic i-am-an-auth-header' },
    '/with-ranges': { body, ranges: true, resetAfter: 100_000, contentType: 'application/zip' },
    '/without-ranges': { body, resetAfter: 100_000 },
    '/cancel-me': { body, ranges: true, resetAfter: 100_000 },
    '/ignores-range': { body, ignoresRange: true, resetAfter: 100_000 },
    '/forbidden': { body, status: 403 },
    '/leaves': {
      body,
      ranges: true,
      resetAfter: 100_000,
      custom: (req, res, count) => {
        if (count === 1) return false;
        res.writeHead(302, {
          Location: `http://localhost:${req.socket.localPort}/with-ranges`,
          'Content-Length': '0',
        });
        res.end();
        return true;
      },
    },
  });
});
afterAll(() => server.close());

function fake() {
  return createElectronFake({ clock: createClock(1_700_000_000_000) });
}

function requestsTo(path: string): IncomingMessage[] {
  return server.requests.filter((request) => request.url === path);
}

it('still asks the save dialog for a download that is going to fail', async () => {
  const { session, dialog } = fake();
  const ses = session.defaultSession;
  const shown = jest.spyOn(dialog, 'showSaveDialog');
  const downloading = willDownload(ses);
  ses.downloadURL(`${server.url}/forbidden`);
  expect(await doneOf(await downloading)).toBe('interrupted');
  expect(shown).toHaveBeenCalledTimes(1);
});

it('ends a missing page as interrupted for good', async () => {
  const { session } = fake();
  const ses = session.defaultSession;
  const missingPage = willDownload(ses, (item) => item.setSavePath('/saved/missing.html'));
  ses.downloadURL(`${server.url}/missing`);
  const item = await missingPage;
  expect(await doneOf(item)).toBe('interrupted');
  expect(item.canResume()).toBe(false);
});

it('resumes a reset download with Range, If-Range and identity encoding, keeping the bytes it had', async () => {
  const { session, fake: controls } = fake();
  const ses = session.defaultSession;
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/ranges.zip'));
  const before = requestsTo('/with-ranges').length;
  ses.downloadURL(`${server.url}/with-ranges`);
  const item = await downloading;
  expect(await updatedOf(item).then(() => until(() => item.getState() === 'interrupted'))).toBeUndefined();
  const kept = item.getReceivedBytes();
  expect(kept).toBeGreaterThan(0);
  expect(item.canResume()).toBe(true);
  expect(item.getETag()).toBe(etag);
  expect(controls.fs.statSync('/saved/ranges.zip').size).toBe(kept);
  item.resume();
  expect(item.getState()).toBe('progressing');
  expect(await doneOf(item)).toBe('completed');
  const resumed = requestsTo('/with-ranges')[before + 1];
  expect(resumed?.headers).toMatchObject({
    range: `bytes=${kept}-`,
    'if-range': etag,
    'accept-encoding': 'identity',
  });
  expect(item.getReceivedBytes()).toBe(body.length);
  expect(Buffer.compare(controls.fs.readFileSync('/saved/ranges.zip') as Buffer, body)).toBe(0);
});

it('restarts from zero a download whose server gave no validators, deleting the partial file', async () => {
  const { session, fake: controls } = fake();
  const ses = session.defaultSession;
  let events: string[] = [];
  const downloading = willDownload(ses, (item) => {
    item.setSavePath('/saved/plain.bin');
    events = recordEvents(item);
  });
  const before = requestsTo('/without-ranges').length;
  ses.downloadURL(`${server.url}/without-ranges`);
  const item = await downloading;
  await until(() => item.getState() === 'interrupted');
  expect(events.at(-1)).toBe('updated:interrupted:0');
  expect(item.canResume()).toBe(true);
  expect(controls.fs.existsSync('/saved/plain.bin')).toBe(false);
  item.resume();
  expect(await doneOf(item)).toBe('completed');
  const restarted = requestsTo('/without-ranges')[before + 1];
  expect(restarted?.headers.range).toBeUndefined();
  expect(restarted?.headers['accept-encoding']).toBe('identity');
  expect(Buffer.compare(controls.fs.readFileSync('/saved/plain.bin') as Buffer, body)).toBe(0);
});

it('starts again from byte 0 when the server answers a range request in full', async () => {
  const { session, fake: controls } = fake();
  const ses = session.defaultSession;
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/full.bin'));
  ses.downloadURL(`${server.url}/ignores-range`);
  const item = await downloading;
  await until(() => item.getState() === 'interrupted');
  expect(item.getReceivedBytes()).toBeGreaterThan(0);
  item.resume();
  expect(await doneOf(item)).toBe('completed');
  expect(item.getReceivedBytes()).toBe(body.length);
  expect(Buffer.compare(controls.fs.readFileSync('/saved/full.bin') as Buffer, body)).toBe(0);
});

it('ends a resumption redirected to another origin as interrupted for good', async () => {
  const { session } = fake();
  const ses = session.defaultSession;
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/leaves.bin'));
  ses.downloadURL(`${server.url}/leaves`);
  const item = await downloading;
  await until(() => item.getState() === 'interrupted');
  item.resume();
  expect(await doneOf(item)).toBe('interrupted');
});

it('deletes the partial file when an interrupted download is cancelled', async () => {
  const { session, fake: controls } = fake();
  const ses = session.defaultSession;
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/cancelled.zip'));
  ses.downloadURL(`${server.url}/cancel-me`);
  const item = await downloading;
  await until(() => item.getState() === 'interrupted');
  expect(controls.fs.existsSync('/saved/cancelled.zip')).toBe(true);
  const done = doneOf(item);
  item.cancel();
  expect(await done).toBe('cancelled');
  expect(item.getReceivedBytes()).toBe(0);
  expect(controls.fs.existsSync('/saved/cancelled.zip')).toBe(false);
});

it('says done again, and keeps the file, when a completed download is cancelled', async () => {
  const { session, fake: controls } = fake();
  const ses = session.defaultSession;
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/kept.bin'));
  ses.downloadURL(`${server.url}/auth`, { headers: { Authorization: 'Basic i-am-an-auth-header' } });
  const item = await downloading;
  expect(await doneOf(item)).toBe('completed');
  const states: string[] = [];
  item.on('done', (_event: unknown, state: string) => states.push(state));
  item.cancel();
  expect(states).toEqual(['completed']);
  expect(controls.fs.statSync('/saved/kept.bin').size).toBe(body.length);
});

/** An in-process server whose first `failures` answers break off with a Content-Length mismatch. */
function flakyTransport(failures: number, seen: Request[]) {
  return (request: Request): Response => {
    seen.push(request);
    const from = Number(/bytes=(\d+)-/.exec(request.headers.get('range') ?? '')?.[1] ?? 0);
    const part = body.subarray(from);
    const headers = {
      ETag: etag,
      'Content-Length': String(part.length),
      ...(from > 0 ? { 'Content-Range': `bytes ${from}-${body.length - 1}/${body.length}` } : {}),
    };
    const fails = seen.length <= failures;
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        if (pulls === 1) controller.enqueue(part.subarray(0, fails ? 1000 : part.length));
        else if (fails) controller.error(new NetError('ERR_CONTENT_LENGTH_MISMATCH'));
        else controller.close();
      },
    });
    return new Response(stream, { status: from > 0 ? 206 : 200, headers });
  };
}

it('retries a transient failure by itself, staying progressing, up to five times', async () => {
  const seen: Request[] = [];
  const { session, fake: controls } = createElectronFake({
    clock: createClock(1_700_000_000_000),
    transport: flakyTransport(3, seen),
  });
  const ses = session.defaultSession;
  let events: string[] = [];
  const downloading = willDownload(ses, (item) => {
    item.setSavePath('/saved/flaky.bin');
    events = recordEvents(item);
  });
  ses.downloadURL('https://files.test/flaky.bin');
  const item = await downloading;
  expect(await doneOf(item)).toBe('completed');
  expect(events.filter((event) => event.includes('interrupted'))).toEqual([]);
  expect(seen.map((request) => request.headers.get('range'))).toEqual([
    null,
    'bytes=1000-',
    'bytes=2000-',
    'bytes=3000-',
  ]);
  expect(Buffer.compare(controls.fs.readFileSync('/saved/flaky.bin') as Buffer, body)).toBe(0);
});

it('hands a transient failure to the user after five automatic retries, and retries five more after resume()', async () => {
  const seen: Request[] = [];
  const { session } = createElectronFake({
    clock: createClock(1_700_000_000_000),
    transport: flakyTransport(Infinity, seen),
  });
  const ses = session.defaultSession;
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/hopeless.bin'));
  ses.downloadURL('https://files.test/hopeless.bin');
  const item = await downloading;
  expect(await updatedOf(item).then(() => until(() => item.getState() === 'interrupted'))).toBeUndefined();
  expect(seen).toHaveLength(6);
  expect(item.canResume()).toBe(true);
  expect(item.getReceivedBytes()).toBe(6000);
  item.resume();
  await until(() => seen.length === 12 && item.getState() === 'interrupted');
  expect(seen[6]?.headers.get('range')).toBe('bytes=6000-');
  expect(item.getReceivedBytes()).toBe(12_000);
});
