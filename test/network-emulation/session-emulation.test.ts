import { createClock, install } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { HarnessError } from '../../src/errors/harness-error';
import type { IncomingMessage } from '../../src/net/incoming-message';
import { readAll, responseOf, startServer, type TestServer } from '../helpers/http-server';

type FakeClock = ReturnType<typeof createClock>;

const slow3G = { latency: 2_000, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const body150k = new Uint8Array(150_000).fill(97);

/**
 * Slow 3G and a 150,000-byte answer, on whatever clock the fake reads: when
 * the headers arrive, whether any arrived before the latency was over, when
 * the body ends (ms after the request).
 */
async function slow3GDownload(
  options: Parameters<typeof createElectronFake>[0],
  now: () => number,
  advance: (ms: number) => Promise<unknown>,
): Promise<{ beforeLatency: number; headers: number; body: number }> {
  const { session } = createElectronFake({ ...options, transport: () => new Response(body150k) });
  const ses = session.fromPartition('slow-3g');
  ses.enableNetworkEmulation(slow3G);
  const start = now();
  let headers = -1;
  let body = -1;
  const done = (async () => {
    const response = await ses.fetch('http://app.test/big');
    headers = now() - start;
    expect((await response.arrayBuffer()).byteLength).toBe(150_000);
    body = now() - start;
  })();
  await advance(1_999);
  const beforeLatency = headers;
  await advance(4_000);
  await done;
  return { beforeLatency, headers, body };
}

// Released at 2,000 ms, the header bytes are paid on the next 30 ms tick of the grid.
const slow3GTimes = { beforeLatency: -1, headers: 2_010, body: 5_010 };

it('Slow 3G under Jest modern fake timers: no headers before the latency, the body 3.0 s after them', async () => {
  jest.useFakeTimers();
  try {
    const times = await slow3GDownload(
      {},
      () => Date.now(),
      (ms) => jest.advanceTimersByTimeAsync(ms),
    );
    expect(times).toEqual(slow3GTimes);
  } finally {
    jest.useRealTimers();
  }
});

it('Slow 3G under sinon install(): no headers before the latency, the body 3.0 s after them', async () => {
  const clock = install();
  try {
    const times = await slow3GDownload(
      {},
      () => Date.now(),
      (ms) => clock.tickAsync(ms),
    );
    expect(times).toEqual(slow3GTimes);
  } finally {
    clock.uninstall();
  }
});

it('Slow 3G on an injected createClock(): no headers before the latency, the body 3.0 s after them', async () => {
  const clock = createClock();
  const times = await slow3GDownload(
    { clock },
    () => clock.now,
    (ms) => clock.tickAsync(ms),
  );
  expect(times).toEqual(slow3GTimes);
});

/** A fake on an injected clock whose in-process server answers `serverTime` ms (of that clock) after a request. */
function withClock(
  answer: (request: Request, clock: FakeClock) => Response | Promise<Response>,
  serverTime = 0,
) {
  const clock = createClock(0);
  const electron = createElectronFake({
    clock,
    transport: async (request) => {
      if (serverTime > 0) await new Promise((resolve) => clock.setTimeout(resolve, serverTime));
      return answer(request, clock);
    },
  });
  return { clock, ...electron };
}

/** Advances the clock until `pending` settles; the clock time it settled at. */
async function settledAt(clock: FakeClock, pending: Promise<unknown>): Promise<number> {
  let at = -1;
  pending.then(
    () => (at = clock.now),
    () => (at = clock.now),
  );
  for (let i = 0; i < 1_000 && at === -1; i++) await clock.tickAsync(10);
  return at;
}

it('treats the latency as a floor from the request being sent, overlapping the server’s own time', async () => {
  const { clock, session } = withClock(() => new Response('ok'), 300);
  const ses = session.fromPartition('floor');
  ses.enableNetworkEmulation({ latency: 500 });
  expect(await settledAt(clock, ses.fetch('http://app.test/'))).toBe(500);
});

it('adds nothing to a server slower than the latency', async () => {
  const { clock, session } = withClock(() => new Response('ok'), 800);
  const ses = session.fromPartition('slow-server');
  ses.enableNetworkEmulation({ latency: 500 });
  expect(await settledAt(clock, ses.fetch('http://app.test/'))).toBe(800);
});

it('applies the latency again on every redirect hop', async () => {
  const { clock, session } = withClock((request) =>
    new URL(request.url).pathname === '/a'
      ? new Response(null, { status: 302, headers: { location: '/b' } })
      : new Response('b'),
  );
  const ses = session.fromPartition('hops');
  ses.enableNetworkEmulation({ latency: 500 });
  expect(await settledAt(clock, ses.fetch('http://app.test/a'))).toBe(1_000);
});

it('applies the latency again when the request is retried with credentials after a 401', async () => {
  const { clock, net, session } = withClock((request) =>
    request.headers.get('authorization') === null
      ? new Response('who?', { status: 401, headers: { 'www-authenticate': 'Basic realm="r"' } })
      : new Response('welcome'),
  );
  const ses = session.fromPartition('auth-restart');
  ses.enableNetworkEmulation({ latency: 500 });
  const request = net.request({ url: 'http://app.test/private', session: ses });
  request.on('login', (_info: unknown, callback: (user: string, password: string) => void) =>
    callback('user', 'secret'),
  );
  const response = responseOf<IncomingMessage>(request);
  expect(await settledAt(clock, response)).toBe(1_000);
  expect((await response).statusCode).toBe(200);
});

it('pays for an upload at the upload throughput before the server has the whole request', async () => {
  const arrivals: number[] = [];
  const { clock, net, session } = withClock((_request, at) => {
    arrivals.push(at.now);
    return new Response('thanks');
  });
  const ses = session.fromPartition('upload');
  ses.enableNetworkEmulation({ uploadThroughput: 15_000 });
  const request = net.request({ url: 'http://app.test/upload', method: 'POST', session: ses });
  request.write(Buffer.alloc(30_000));
  // 16,384 bytes take 11 packets of 1,500, the 13,616 after them 10 more: 21 ticks of 100 ms.
  expect(await settledAt(clock, responseOf<IncomingMessage>(request))).toBe(2_100);
  expect(arrivals).toEqual([2_100]);
});

it('hands net.request a throttled body in chunks of one packet at most', async () => {
  const { clock, net, session } = withClock(() => new Response(new Uint8Array(10_000)));
  const ses = session.fromPartition('chunks');
  ses.enableNetworkEmulation({ downloadThroughput: 150_000 });
  const sizes: number[] = [];
  const ended = responseOf<IncomingMessage>(net.request({ url: 'http://app.test/', session: ses })).then(
    (response) =>
      new Promise<void>((resolve) => {
        response.on('data', (chunk: Buffer) => sizes.push(chunk.byteLength));
        response.on('end', resolve);
      }),
  );
  await settledAt(clock, ended);
  expect(sizes).toEqual([1_500, 1_500, 1_500, 1_500, 1_500, 1_500, 1_000]);
});

it('fails a body being read with net::ERR_INTERNET_DISCONNECTED when the session goes offline', async () => {
  const { clock, session } = withClock(() => new Response(new Uint8Array(30_000)));
  const ses = session.fromPartition('goes-offline');
  const errors: string[] = [];
  ses.webRequest.onErrorOccurred((details) => errors.push(details.error));
  ses.enableNetworkEmulation({ downloadThroughput: 15_000 });
  const response = ses.fetch('http://app.test/');
  await settledAt(clock, response);
  const reading = (await response).arrayBuffer();
  await clock.tickAsync(500);
  ses.enableNetworkEmulation({ offline: true });
  await expect(reading).rejects.toThrow();
  expect(errors).toEqual(['net::ERR_INTERNET_DISCONNECTED']);
});

it('delivers the rest of a body at once when emulation is disabled mid-flight', async () => {
  const { clock, session } = withClock(() => new Response(new Uint8Array(150_000)));
  const ses = session.fromPartition('disabled');
  ses.enableNetworkEmulation({ downloadThroughput: 15_000 });
  const response = ses.fetch('http://app.test/');
  await settledAt(clock, response);
  const reading = (await response).arrayBuffer();
  await clock.tickAsync(1_000);
  ses.disableNetworkEmulation();
  const at = clock.now;
  expect(await settledAt(clock, reading)).toBe(at);
  expect((await reading).byteLength).toBe(150_000);
});

it('gives each session a pipe of its own', async () => {
  const { clock, session } = withClock(() => new Response(new Uint8Array(15_000)));
  const first = session.fromPartition('pipe-1');
  const second = session.fromPartition('pipe-2');
  first.enableNetworkEmulation({ downloadThroughput: 15_000 });
  second.enableNetworkEmulation({ downloadThroughput: 15_000 });
  const bodies = Promise.all(
    [first, second].map(async (ses) => (await ses.fetch('http://app.test/')).arrayBuffer()),
  );
  // Headers, then 10 packets: 11 ticks of 100 ms, as for a lone transfer.
  expect(await settledAt(clock, bodies)).toBe(1_100);
});

it('shares a session’s pipe between its requests', async () => {
  const { clock, session } = withClock(() => new Response(new Uint8Array(15_000)));
  const ses = session.fromPartition('shared-pipe');
  ses.enableNetworkEmulation({ downloadThroughput: 15_000 });
  const bodies = Promise.all([1, 2].map(async () => (await ses.fetch('http://app.test/')).arrayBuffer()));
  expect(await settledAt(clock, bodies)).toBe(2_200);
});

it('gives up the share of a request aborted while it waits', async () => {
  const { clock, session } = withClock(() => new Response(new Uint8Array(15_000)));
  const ses = session.fromPartition('aborted-share');
  ses.enableNetworkEmulation({ downloadThroughput: 15_000 });
  const controller = new AbortController();
  const read = (url: string, signal?: AbortSignal) =>
    ses.fetch(url, signal === undefined ? {} : { signal }).then(async (response) => response.arrayBuffer());
  const aborted = read('http://app.test/a', controller.signal);
  aborted.catch(() => undefined);
  const kept = read('http://app.test/b');
  await clock.tickAsync(450);
  controller.abort();
  await expect(aborted).rejects.toThrow();
  // Both took turns until 400 ms; from 500 ms on the one left has every packet.
  expect(await settledAt(clock, kept)).toBe(1_300);
});

it('leaves downloads alone: Chromium sends them without the session’s throttling profile', async () => {
  const { session } = createElectronFake({ transport: () => new Response('file body') });
  const ses = session.fromPartition('downloads');
  ses.enableNetworkEmulation({ offline: true });
  const state = new Promise<string>((resolve) => {
    ses.on('will-download', (_event, item) => {
      item.setSavePath('/downloads/file.txt');
      item.on('done', (_done: unknown, result: string) => resolve(result));
    });
  });
  ses.downloadURL('http://app.test/file.txt');
  expect(await state).toBe('completed');
});

it("'electron-actual' stores the conditions without applying them, as Electron 7 and later do", async () => {
  const { session, fake } = createElectronFake({
    emulation: 'electron-actual',
    transport: () => new Response('still online'),
  });
  const ses = session.fromPartition('actual');
  ses.enableNetworkEmulation({ offline: true, latency: 60_000 });
  expect(fake.inspect(ses).emulation).toEqual({
    offline: true,
    latency: 60_000,
    downloadThroughput: 0,
    uploadThroughput: 0,
  });
  expect(await (await ses.fetch('http://app.test/')).text()).toBe('still online');
});

it('refuses an emulation option other than chromium or electron-actual', () => {
  expect(() => createElectronFake({ emulation: 'devtools' as never })).toThrow(HarnessError);
  expect(() => createElectronFake({ emulation: 'devtools' as never })).toThrow(
    /^Failed to create the fake: emulation must be 'chromium' or 'electron-actual', not "devtools"\./,
  );
});

describe('against a server on 127.0.0.1', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => {
      res.setHeader('Cache-Control', 'max-age=60');
      res.end('x'.repeat(15_000));
    });
  });
  afterAll(() => server.close());

  it('fails a request started offline before it reaches the server', async () => {
    const { session } = createElectronFake();
    const ses = session.fromPartition('offline-start');
    ses.enableNetworkEmulation({ offline: true });
    const before = server.requests.length;
    await expect(ses.fetch(`${server.url}/start`)).rejects.toThrow('net::ERR_INTERNET_DISCONNECTED');
    expect(server.requests.length).toBe(before);
  });

  it('serves a cache hit while offline, and without waiting for latency or bandwidth', async () => {
    const clock = createClock(0);
    const { session } = createElectronFake({ clock });
    const ses = session.fromPartition('offline-hit');
    expect(await (await ses.fetch(`${server.url}/cached`)).text()).toHaveLength(15_000);
    ses.enableNetworkEmulation({ offline: true });
    const hit = await ses.fetch(`${server.url}/cached`);
    expect(await hit.text()).toHaveLength(15_000);
    ses.enableNetworkEmulation({ latency: 10_000, downloadThroughput: 1 });
    expect(await (await ses.fetch(`${server.url}/cached`)).text()).toHaveLength(15_000);
    expect(clock.now).toBe(0);
  });

  it('passes real time the same way without fake timers', async () => {
    const { session } = createElectronFake();
    const ses = session.fromPartition('real-time');
    // Latency 100 ms, then a header packet and 10 body packets of 10 ms each.
    ses.enableNetworkEmulation({ latency: 100, downloadThroughput: 150_000 });
    const started = performance.now();
    expect(await readAll(streamOf(await ses.fetch(`${server.url}/real`)))).toHaveLength(15_000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
  });
});

async function* streamOf(response: Response): AsyncIterable<Uint8Array> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}
