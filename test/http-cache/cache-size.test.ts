import path from 'node:path';
import { createElectronFake } from '../../src/create-electron-fake';
import { startServer, type TestServer } from '../helpers/http-server';

const cacheable = { 'cache-control': 'max-age=3600' };
const answer = (size: number): Response => new Response(new Uint8Array(size), { headers: cacheable });

/** The key of a main-process request: credentials, upload id, then the site twice (no registry for `.test`). */
const keyOf = (url: string): string => `1/0/_dk_http://app.test http://app.test ${url}`;

// The stored response info of `answer()`: pickle header 4, flags 8, three times 24,
// the header block "HTTP/1.1 200 OK\0cache-control: max-age=3600\0\0" (45 bytes) as
// length 4 + 48 aligned, no remote address (length 4), port 4, connection info 4,
// empty proxy chain 8.
const responseInfo = 4 + 8 + 24 + 4 + 48 + 4 + 4 + 4 + 8;

it('counts an in-memory entry as its key, its response info and its body', async () => {
  const { session } = createElectronFake({ transport: () => answer(5) });
  const ses = session.fromPartition('memory-size');
  await (await ses.fetch('http://app.test/a')).arrayBuffer();
  expect(await ses.getCacheSize()).toBe(Buffer.byteLength(keyOf('http://app.test/a')) + responseInfo + 5);
});

it('counts a disk entry as SimpleCache estimates its three streams, rounded up to 256 bytes', async () => {
  const { session } = createElectronFake({ transport: () => answer(5) });
  const ses = session.fromPartition('persist:disk-size');
  await (await ses.fetch('http://app.test/a')).arrayBuffer();
  const perStream = 24 + Buffer.byteLength(keyOf('http://app.test/a')) + 24;
  const estimate = responseInfo + 5 + 3 * perStream;
  expect(await ses.getCacheSize()).toBe(Math.ceil(estimate / 256) * 256);
  expect((await ses.getCacheSize()) % 256).toBe(0);
});

it('counts the Vary digest and the remote address in the response info', async () => {
  let server: TestServer | undefined;
  try {
    server = await startServer((_req, res) => {
      res.sendDate = false;
      res.writeHead(200, [
        ['Cache-Control', 'max-age=60'],
        ['Vary', 'Accept-Language'],
        ['Content-Length', '2'],
      ]);
      res.end('ok');
    });
    const { session } = createElectronFake();
    const ses = session.fromPartition('vary-size');
    await (await ses.fetch(`${server.url}/v`)).text();
    const key = `1/0/_dk_http://127.0.0.1 http://127.0.0.1 ${server.url}/v`;
    const block = 'HTTP/1.1 200 OK\0Cache-Control: max-age=60\0Vary: Accept-Language\0Content-Length: 2\0\0';
    const info = 4 + 8 + 24 + 4 + Math.ceil(block.length / 4) * 4 + 16 + 4 + 12 + 4 + 4 + 8;
    expect(await ses.getCacheSize()).toBe(key.length + info + 2);
  } finally {
    await server?.close();
  }
});

it('resolves 0 for a session without a cache, as Electron does for cache: false', async () => {
  const { session } = createElectronFake({ transport: () => answer(100) });
  const ses = session.fromPartition('no-http-cache', { cache: false });
  await (await ses.fetch('http://app.test/a')).arrayBuffer();
  await expect(ses.getCacheSize()).resolves.toBe(0);
});

it('empties the cache on clearCache and on clearData for the cache type, but not on clearStorageData', async () => {
  const { session } = createElectronFake({ transport: () => answer(100) });
  const ses = session.fromPartition('clearing');
  const fill = async (): Promise<void> => {
    await (await ses.fetch('http://app.test/a')).arrayBuffer();
  };
  await fill();
  await ses.clearStorageData();
  expect(await ses.getCacheSize()).toBeGreaterThan(0);
  await ses.clearCache();
  expect(await ses.getCacheSize()).toBe(0);
  await fill();
  await ses.clearData({ dataTypes: ['cookies'] });
  expect(await ses.getCacheSize()).toBeGreaterThan(0);
  await ses.clearData({ dataTypes: ['cache'] });
  expect(await ses.getCacheSize()).toBe(0);
});

it('clears only the entries of the listed origins, or all but them', async () => {
  const { session } = createElectronFake({ transport: () => answer(10) });
  const ses = session.fromPartition('clear-origins');
  const fill = async (): Promise<number> => {
    for (const url of ['http://app.test/a', 'http://other.test/b'])
      await (await ses.fetch(url)).arrayBuffer();
    return ses.getCacheSize();
  };
  const both = await fill();
  await ses.clearData({ dataTypes: ['cache'], origins: ['http://app.test'] });
  const appGone = await ses.getCacheSize();
  await fill();
  await ses.clearData({ dataTypes: ['cache'], excludeOrigins: ['http://app.test'] });
  const otherGone = await ses.getCacheSize();
  expect(appGone).toBe(both - (Buffer.byteLength(keyOf('http://app.test/a')) + responseInfo + 10));
  expect(otherGone).toBe(both - appGone);
});

it('evicts the least recently used entries past the in-memory cap, down to 1 MiB under it', async () => {
  const { session } = createElectronFake({
    memoryCacheSize: 2 * 1024 * 1024,
    transport: () => answer(200_000),
  });
  const ses = session.fromPartition('eviction');
  const load = async (n: number, init?: RequestInit): Promise<boolean> => {
    try {
      await (await ses.fetch(`http://app.test/${n}`, init)).arrayBuffer();
      return true;
    } catch {
      return false;
    }
  };
  for (let n = 1; n <= 10; n++) await load(n);
  await load(1);
  // The eleventh entry overflows 2 MiB: the oldest go until the cache is under 1 MiB.
  await load(11);
  const cached: number[] = [];
  for (let n = 1; n <= 11; n++)
    if (await load(n, { cache: 'only-if-cached', mode: 'same-origin' })) cached.push(n);
  expect(cached).toEqual([1, 8, 9, 10, 11]);
});

it('refuses an entry larger than an eighth of the in-memory cap', async () => {
  const { session } = createElectronFake({ memoryCacheSize: 800_000, transport: () => answer(100_001) });
  const ses = session.fromPartition('too-large');
  await (await ses.fetch('http://app.test/big')).arrayBuffer();
  expect(await ses.getCacheSize()).toBe(0);
});

it('evicts from a persistent cache past 95 % of its size, down to 90 %', async () => {
  const { session } = createElectronFake({ diskCacheSize: 100_000, transport: () => answer(10_000) });
  const ses = session.fromPartition('persist:disk-eviction');
  const sizes: number[] = [];
  for (let n = 1; n <= 10; n++) {
    await (await ses.fetch(`http://app.test/${n}`)).arrayBuffer();
    sizes.push(await ses.getCacheSize());
  }
  // 10,000 + 104 + 3 × (24 + 57 + 24) = 10,419 bytes, 10,496 in 256-byte units. The tenth
  // entry passes 95,000 and the two oldest go, leaving 83,968 ≤ 90,000.
  expect(sizes.slice(-2)).toEqual([9 * 10_496, 8 * 10_496]);
  const cached = async (n: number): Promise<boolean> =>
    ses.fetch(`http://app.test/${n}`, { cache: 'only-if-cached', mode: 'same-origin' }).then(
      () => true,
      () => false,
    );
  expect([await cached(1), await cached(2), await cached(3)]).toEqual([false, false, true]);
});

it('keeps a persistent session’s cache on the fake file system across fake.restart()', async () => {
  let served = 0;
  const transport = (): Response => {
    served += 1;
    return answer(50);
  };
  const first = createElectronFake({ transport });
  const ses = first.session.fromPartition('persist:kept');
  await (await ses.fetch('http://app.test/kept')).arrayBuffer();
  const size = await ses.getCacheSize();
  const cacheDir = path.join(ses.storagePath ?? '', 'Cache', 'Cache_Data');
  // The entry is written on the next task (getCacheSize answers after it); the index only 20 s later, or on quit.
  expect(first.fake.fs.readdirSync(cacheDir)).toEqual([expect.stringMatching(/^[0-9a-f]{16}_0$/)]);

  const second = first.fake.restart();
  expect((first.fake.fs.readdirSync(cacheDir) as string[]).sort()).toEqual([
    expect.stringMatching(/_0$/),
    'index',
  ]);
  const again = second.session.fromPartition('persist:kept');
  expect(await again.getCacheSize()).toBe(size);
  const completed: boolean[] = [];
  again.webRequest.onCompleted((details) => completed.push(details.fromCache));
  expect((await (await again.fetch('http://app.test/kept')).arrayBuffer()).byteLength).toBe(50);
  expect(completed).toEqual([true]);
  expect(served).toBe(1);
});

it('forgets an in-memory session’s cache across fake.restart()', async () => {
  const first = createElectronFake({ transport: () => answer(50) });
  await (await first.session.fromPartition('scratch').fetch('http://app.test/x')).arrayBuffer();
  const second = first.fake.restart();
  expect(await second.session.fromPartition('scratch').getCacheSize()).toBe(0);
});

it('refuses a cache size that is not a whole number of bytes', () => {
  expect(() => createElectronFake({ memoryCacheSize: -1 })).toThrow(
    /^Failed to create the fake: memoryCacheSize must be a whole number of bytes/,
  );
  expect(() => createElectronFake({ diskCacheSize: 1.5 })).toThrow(/diskCacheSize must be a whole number/);
});
