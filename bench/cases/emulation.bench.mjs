// 10,000 concurrent requests on one emulated session (latency 500 ms, 1 MB/s
// each way, one pipe shared round-robin) under an injected fake clock: the
// wall time of the whole batch, and the heap once each batch is over, which
// must stay flat from batch to batch.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createElectronFake } = require('../../dist/index.js');
const { createClock } = require('@sinonjs/fake-timers');

const concurrent = 10_000;
const conditions = { latency: 500, downloadThroughput: 1_000_000, uploadThroughput: 1_000_000 };

// A transport answering in memory without building Request/Response objects,
// so the figure is the fake's pipeline and its emulation, not undici's.
const body = new Uint8Array(1_000);
const headers = [
  ['Content-Type', 'application/octet-stream'],
  ['Content-Length', String(body.byteLength)],
];
async function* once() {
  yield body;
}
const transport = {
  name: 'bench',
  async dispatch() {
    return { status: 200, statusText: 'OK', httpVersion: '1.1', headers, body: once() };
  },
  async close() {},
};

function get(net, session, url) {
  return new Promise((resolve, reject) => {
    const request = net.request({ url, session });
    request.on('response', (response) => {
      response.on('data', () => undefined);
      response.on('end', resolve);
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/** One batch; resolves with the fake time it took. */
async function batch() {
  const clock = createClock(0);
  const { session, net } = createElectronFake({ clock, transport });
  const ses = session.fromPartition('emulated', { cache: false });
  ses.enableNetworkEmulation(conditions);
  let done = 0;
  const all = Array.from({ length: concurrent }, (_, i) =>
    get(net, ses, `http://app.test/item/${i}`).then(() => (done += 1)),
  );
  // Like jest.advanceTimersByTime in a loop: fire the due timers, then let the requests move on.
  while (done < concurrent) {
    clock.tick(250);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(all);
  return clock.now;
}

function heapAfterGc() {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

export default {
  name: '10,000 concurrent emulated requests (500 ms, 1 MB/s shared) under fake timers',
  unit: 's/batch',
  lowerIsBetter: true,
  runs: 7,
  warmup: 2,
  setup() {
    return { heaps: [], fakeTime: 0 };
  },
  async ours(ctx) {
    ctx.fakeTime = await batch();
    ctx.heaps.push(heapAfterGc());
    return 1;
  },
  target: { atMost: 1 },
  teardown(ctx) {
    const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
    // The warm-up batches fill the module and JIT caches; after them the heap must not grow.
    const settled = ctx.heaps.slice(2);
    const growth = Math.max(...settled) - Math.min(...settled);
    process.stderr.write(
      `emulation: heap after each batch ${settled.map(mb).join(', ')} MB (spread ${mb(growth)} MB); ` +
        `a batch is ${ctx.fakeTime} ms of fake time\n`,
    );
    if (growth > 8 * 1024 * 1024) throw new Error('Each emulated batch leaves memory behind');
  },
};
