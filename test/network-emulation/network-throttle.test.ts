import { createClock } from '@sinonjs/fake-timers';
import { fromSinonClock } from '../../src/clock/clock';
import { NetworkThrottle, type ThrottledTransfer } from '../../src/network-emulation/network-throttle';

type Clock = ReturnType<typeof createClock>;

function setUp(conditions: {
  offline?: boolean;
  latency?: number;
  downloadThroughput?: number;
  uploadThroughput?: number;
}): { clock: Clock; throttle: NetworkThrottle } {
  const clock = createClock(0);
  const throttle = new NetworkThrottle(fromSinonClock(clock));
  throttle.update({ offline: false, latency: 0, downloadThroughput: 0, uploadThroughput: 0, ...conditions });
  return { clock, throttle };
}

/** One transaction: 300 header bytes, then reads of these sizes; resolves with the time each wait ended. */
async function transfer(clock: Clock, throttle: NetworkThrottle, reads: number[]): Promise<number[]> {
  const open = throttle.open();
  await open.started(300, clock.now);
  const times = [clock.now];
  for (const length of reads) {
    await open.received(length);
    times.push(clock.now);
  }
  return times;
}

/** Reads of one packet at most, as a throttled body is read. */
function packets(total: number): number[] {
  return Array.from({ length: Math.ceil(total / 1_500) }, (_, i) => Math.min(1_500, total - i * 1_500));
}

/** Reads of these sizes on a transfer with nothing to pay yet; resolves with their completion times. */
async function reads(clock: Clock, open: ThrottledTransfer, sizes: number[]): Promise<number[]> {
  const times: number[] = [];
  for (const length of sizes) {
    await open.received(length);
    times.push(clock.now);
  }
  return times;
}

it('pays a lone download one 1,500-byte packet per tick: 150,000 bytes at 50,000 B/s take 3.0 s after the headers', async () => {
  const { clock, throttle } = setUp({ downloadThroughput: 50_000 });
  const downloading = transfer(clock, throttle, packets(150_000));
  await clock.tickAsync(3_030);
  const times = await downloading;
  expect(times).toHaveLength(101);
  expect(times[0]).toBe(30);
  expect(times[100]).toBe(3_030);
});

it('needs one packet more than a balance that is an exact number of packets: it completes below zero', async () => {
  const { clock, throttle } = setUp({ downloadThroughput: 50_000 });
  const reading = reads(clock, throttle.open(), [1_500, 1_500]);
  await clock.tickAsync(90);
  expect(await reading).toEqual([60, 90]);
});

it('shares the pipe round-robin: two transfers get every other packet', async () => {
  const { clock, throttle } = setUp({ downloadThroughput: 15_000 });
  const first = transfer(clock, throttle, packets(15_000));
  const second = transfer(clock, throttle, packets(15_000));
  await clock.tickAsync(2_200);
  expect(await first).toEqual([100, 300, 500, 700, 900, 1100, 1300, 1500, 1700, 1900, 2100]);
  expect(await second).toEqual([200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000, 2200]);
});

it('gives each of ten transfers a tenth of the bandwidth', async () => {
  const { clock, throttle } = setUp({ downloadThroughput: 15_000 });
  const transfers = Array.from({ length: 10 }, () => transfer(clock, throttle, packets(15_000)));
  await clock.tickAsync(11_000);
  const ends = (await Promise.all(transfers)).map((times) => times.at(-1));
  expect(ends).toEqual([10_100, 10_200, 10_300, 10_400, 10_500, 10_600, 10_700, 10_800, 10_900, 11_000]);
});

it('holds the headers until sendEnd + latency, not latency after the server answered', async () => {
  const { clock, throttle } = setUp({ latency: 500 });
  await clock.tickAsync(100);
  let fastAt = -1;
  void throttle
    .open()
    .started(200, 0)
    .then(() => (fastAt = clock.now));
  await clock.tickAsync(399);
  expect(fastAt).toBe(-1);
  await clock.tickAsync(1);
  expect(fastAt).toBe(500);
  await clock.tickAsync(300);
  let slowAt = -1;
  void throttle
    .open()
    .started(200, 0)
    .then(() => (slowAt = clock.now));
  await clock.tickAsync(0);
  expect(slowAt).toBe(800);
});

it('charges the header bytes after the latency, on the next tick of the grid', async () => {
  const { clock, throttle } = setUp({ latency: 2_000, downloadThroughput: 50_000 });
  let at = -1;
  void throttle
    .open()
    .started(300, 0)
    .then(() => (at = clock.now));
  await clock.tickAsync(2_009);
  expect(at).toBe(-1);
  await clock.tickAsync(1);
  expect(at).toBe(2_010);
});

it('keeps what a wait overpaid as credit, so a small next read needs no tick', async () => {
  const { clock, throttle } = setUp({ downloadThroughput: 15_000 });
  const transfer = throttle.open();
  const started = transfer.started(200, 0);
  await clock.tickAsync(100);
  await started;
  let at = -1;
  void transfer.received(1_000).then(() => (at = clock.now));
  await clock.tickAsync(0);
  expect(at).toBe(100);
  void transfer.received(1_000).then(() => (at = clock.now));
  await clock.tickAsync(100);
  expect(at).toBe(200);
});

it('counts ticks on a grid from when the conditions were set, without banking idle ticks', async () => {
  const { clock, throttle } = setUp({ downloadThroughput: 50_000 });
  await clock.tickAsync(10);
  const first = reads(clock, throttle.open(), [1_000]);
  await clock.tickAsync(20);
  expect(await first).toEqual([30]);
  await clock.tickAsync(65);
  const second = reads(clock, throttle.open(), [1_000, 1_000]);
  await clock.tickAsync(60);
  expect(await second).toEqual([120, 150]);
});

it('restarts the grid when new conditions are set', async () => {
  const { clock, throttle } = setUp({ downloadThroughput: 15_000 });
  await clock.tickAsync(150);
  throttle.update({ offline: false, latency: 0, downloadThroughput: 15_000, uploadThroughput: 0 });
  const reading = reads(clock, throttle.open(), [1_000]);
  await clock.tickAsync(100);
  expect(await reading).toEqual([250]);
});

it('paces uploads in a line of their own, each read paid before it goes out', async () => {
  const { clock, throttle } = setUp({ downloadThroughput: 15_000, uploadThroughput: 15_000 });
  const upload = throttle.open();
  const sent: number[] = [];
  const uploading = (async () => {
    for (const length of [16_384, 13_616]) {
      await upload.sent(length);
      sent.push(clock.now);
    }
  })();
  const downloading = reads(clock, throttle.open(), [1_000]);
  await clock.tickAsync(2_100);
  await uploading;
  expect(sent).toEqual([1_100, 2_100]);
  expect(await downloading).toEqual([100]);
});

it('fails waiting downloads with ERR_INTERNET_DISCONNECTED when switched offline, and the transfer on its next read', async () => {
  const { clock, throttle } = setUp({ downloadThroughput: 1_500, uploadThroughput: 1_500 });
  const transfer = throttle.open();
  const reading = transfer.received(10_000);
  const uploading = throttle.open().sent(10_000);
  await clock.tickAsync(1_000);
  throttle.update({ offline: true, latency: 0, downloadThroughput: 0, uploadThroughput: 0 });
  await expect(reading).rejects.toThrow('net::ERR_INTERNET_DISCONNECTED');
  await expect(uploading).resolves.toBeUndefined();
  throttle.update(undefined);
  expect(() => transfer.failIfOffline()).toThrow('net::ERR_INTERNET_DISCONNECTED');
  await expect(transfer.received(10)).rejects.toThrow('net::ERR_INTERNET_DISCONNECTED');
});

it('releases every waiting transfer at once when emulation is disabled', async () => {
  const { clock, throttle } = setUp({ latency: 5_000, downloadThroughput: 1_500 });
  const headers = throttle.open().started(100, 0);
  const body = throttle.open().received(100_000);
  await clock.tickAsync(1_000);
  throttle.update(undefined);
  await expect(Promise.all([headers, body])).resolves.toEqual([undefined, undefined]);
  expect(clock.now).toBe(1_000);
});

it('caps reads at one packet only while downloads are throttled', () => {
  const { throttle } = setUp({ latency: 100 });
  expect(throttle.readLength(65_536)).toBe(65_536);
  throttle.update({ offline: false, latency: 100, downloadThroughput: 1, uploadThroughput: 0 });
  expect(throttle.readLength(65_536)).toBe(1_500);
  expect(throttle.readLength(700)).toBe(700);
});

it('reads negative conditions as no throttling at all', async () => {
  const { throttle } = setUp({ latency: -1, downloadThroughput: -1, uploadThroughput: -1 });
  expect(throttle.conditions).toEqual({
    offline: false,
    latency: 0,
    downloadThroughput: 0,
    uploadThroughput: 0,
  });
  await expect(throttle.open().received(1_000_000)).resolves.toBeUndefined();
});

it('gives a closed transfer’s share to the others', async () => {
  const { clock, throttle } = setUp({ downloadThroughput: 15_000 });
  const closed = throttle.open();
  const abandoned = closed.received(15_000);
  const other = reads(clock, throttle.open(), [1_000, 1_000]);
  closed.close();
  await expect(abandoned).rejects.toThrow('net::ERR_ABORTED');
  await clock.tickAsync(200);
  expect(await other).toEqual([100, 200]);
});
