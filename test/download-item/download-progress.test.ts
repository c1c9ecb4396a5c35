import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { Gate, startDownloadServer, type DownloadServer } from './download-server';
import { doneOf, recordEvents, until, willDownload } from './download-helpers';
import { nextTask } from '../../src/clock/clock';

const MiB = 1024 * 1024;
const start = 1_700_000_000_000;
const big = Buffer.alloc(5 * MiB);
for (let i = 0; i < big.length; i++) big[i] = i % 251;
const fiveMiB = new Gate(MiB);
const stalled = new Gate(MiB);
const sized = new Gate(64 * 1024);
const paused = new Gate(64 * 1024);
let server: DownloadServer;

beforeAll(async () => {
  server = await startDownloadServer({
    '/big': { body: big, contentType: 'application/octet-stream', gate: fiveMiB },
    '/stalled': { body: big.subarray(0, 2 * MiB), gate: stalled },
    '/unsized': { body: big.subarray(0, 128 * 1024), chunked: true, gate: sized },
    '/paused': { body: big.subarray(0, 192 * 1024), gate: paused },
  });
});
afterAll(() => server.close());

it('reports a 5 MiB download every 500 ms of the fake clock, then all data saved, then done', async () => {
  const clock = createClock(start);
  const { session, fake } = createElectronFake({ clock });
  const ses = session.defaultSession;
  let events: string[] = [];
  const downloading = willDownload(ses, (item) => {
    item.setSavePath('/saved/big.bin');
    events = recordEvents(item);
  });
  ses.downloadURL(`${server.url}/big`);
  const item = await downloading;
  await until(() => events.length === 2);
  const rates: number[] = [];
  const percents: number[] = [];
  for (let piece = 1; piece <= 4; piece++) {
    fiveMiB.open();
    await until(
      () => fake.fs.existsSync('/saved/big.bin') && fake.fs.statSync('/saved/big.bin').size === piece * MiB,
    );
    clock.tick(500);
    rates.push(item.getCurrentBytesPerSecond());
    percents.push(item.getPercentComplete());
  }
  fiveMiB.open();
  expect(await doneOf(item)).toBe('completed');
  expect(events).toEqual([
    'updated:progressing:0',
    'updated:progressing:0',
    `updated:progressing:${MiB}`,
    `updated:progressing:${2 * MiB}`,
    `updated:progressing:${3 * MiB}`,
    `updated:progressing:${4 * MiB}`,
    `updated:progressing:${5 * MiB}`,
    `updated:progressing:${5 * MiB}`,
    `updated:progressing:${5 * MiB}`,
    `done:completed:${5 * MiB}`,
  ]);
  expect(percents).toEqual([20, 40, 60, 80]);
  // Ten one-second buckets; the bucket being filled counts as a whole second.
  expect(rates).toEqual([MiB, MiB, 1.5 * MiB, Math.floor((4 * MiB) / 3)]);
  expect(item.getReceivedBytes()).toBe(5 * MiB);
  expect(item.getTotalBytes()).toBe(5 * MiB);
  expect(item.getPercentComplete()).toBe(100);
  expect(item.getCurrentBytesPerSecond()).toBe(0);
  expect(item.getStartTime()).toBe(start / 1000);
  expect(item.getEndTime()).toBe((start + 2000) / 1000);
  expect(Buffer.compare(fake.fs.readFileSync('/saved/big.bin') as Buffer, big)).toBe(0);
});

it('keeps sending updates every 500 ms while the transfer stalls', async () => {
  const clock = createClock(start);
  const { session, fake } = createElectronFake({ clock });
  const ses = session.defaultSession;
  let events: string[] = [];
  const downloading = willDownload(ses, (item) => {
    item.setSavePath('/saved/stalled.bin');
    events = recordEvents(item);
  });
  ses.downloadURL(`${server.url}/stalled`);
  const item = await downloading;
  stalled.open();
  await until(
    () => fake.fs.existsSync('/saved/stalled.bin') && fake.fs.statSync('/saved/stalled.bin').size === MiB,
  );
  events.length = 0;
  clock.tick(1500);
  expect(events).toEqual([
    `updated:progressing:${MiB}`,
    `updated:progressing:${MiB}`,
    `updated:progressing:${MiB}`,
  ]);
  stalled.open();
  expect(await doneOf(item)).toBe('completed');
});

it('reports a total of 0 and -1 percent until a download without Content-Length completes', async () => {
  const clock = createClock(start);
  const { session, fake } = createElectronFake({ clock });
  const ses = session.defaultSession;
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/unsized.bin'));
  ses.downloadURL(`${server.url}/unsized`);
  const item = await downloading;
  sized.open();
  await until(
    () => fake.fs.existsSync('/saved/unsized.bin') && fake.fs.statSync('/saved/unsized.bin').size > 0,
  );
  clock.tick(500);
  expect(item.getTotalBytes()).toBe(0);
  expect(item.getPercentComplete()).toBe(-1);
  sized.open(1);
  expect(await doneOf(item)).toBe('completed');
  expect(item.getTotalBytes()).toBe(128 * 1024);
  expect(item.getReceivedBytes()).toBe(128 * 1024);
  expect(item.getPercentComplete()).toBe(100);
});

it('stops reading and reporting while paused, and goes on when resumed', async () => {
  const clock = createClock(start);
  const { session, fake } = createElectronFake({ clock });
  const ses = session.defaultSession;
  let events: string[] = [];
  const downloading = willDownload(ses, (item) => {
    item.setSavePath('/saved/paused.bin');
    events = recordEvents(item);
  });
  ses.downloadURL(`${server.url}/paused`);
  const item = await downloading;
  paused.open();
  const size = (): number =>
    fake.fs.existsSync('/saved/paused.bin') ? fake.fs.statSync('/saved/paused.bin').size : 0;
  await until(() => size() === 64 * 1024);
  clock.tick(500);
  events.length = 0;
  item.pause();
  expect(events).toEqual([`updated:progressing:${64 * 1024}`]);
  expect(item.isPaused()).toBe(true);
  expect(item.getState()).toBe('progressing');
  expect(item.canResume()).toBe(true);
  expect(item.getCurrentBytesPerSecond()).toBe(0);
  paused.open(2);
  // The server has written both pieces; let the event loop deliver them.
  await until(() => paused.credit === 0);
  for (let turn = 0; turn < 50; turn++) await nextTask();
  clock.tick(2000);
  expect(events).toHaveLength(1);
  expect(size()).toBe(64 * 1024);
  item.pause();
  expect(events).toHaveLength(1);
  item.resume();
  expect(item.isPaused()).toBe(false);
  expect(item.canResume()).toBe(false);
  expect(events[1]).toBe(`updated:progressing:${64 * 1024}`);
  expect(await doneOf(item)).toBe('completed');
  expect(fake.fs.statSync('/saved/paused.bin').size).toBe(192 * 1024);
});
