import type http from 'node:http';
import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import type { IncomingMessage } from '../../src/net/incoming-message';
import { responseOf, startServer, type TestServer } from '../helpers/http-server';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void;

// Each test answers its own paths; the server's clock is the fake's.
const routes = new Map<string, Handler>();
const clock = createClock(Date.UTC(2030, 0, 1));
let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    res.setHeader('Date', new Date(clock.now).toUTCString());
    const handler = routes.get(path);
    if (handler === undefined) {
      res.writeHead(404);
      res.end();
      return;
    }
    handler(req, res, hits(path));
  });
});
afterAll(() => server.close());

function hits(path: string): number {
  return server.requests.filter((req) => new URL(req.url ?? '/', 'http://x').pathname === path).length;
}

function requestsTo(path: string): http.IncomingMessage[] {
  return server.requests.filter((req) => new URL(req.url ?? '/', 'http://x').pathname === path);
}

/** A session of a fake on the shared clock, recording `fromCache` as onCompleted reports it. */
function session(partition: string) {
  const electron = createElectronFake({ clock });
  const ses = electron.session.fromPartition(partition);
  const fromCache: boolean[] = [];
  ses.webRequest.onCompleted((details) => fromCache.push(details.fromCache));
  const get = async (
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; text: string; headers: Headers }> => {
    const response = await ses.fetch(`${server.url}${path}`, init);
    return { status: response.status, text: await response.text(), headers: response.headers };
  };
  return { ...electron, ses, fromCache, get };
}

function fresh(body: string, extra: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'Cache-Control': 'max-age=3600', ...extra });
    res.end(body);
  };
}

/** Answers 304 to a matching If-None-Match, else `body` with that ETag and these headers. */
function validated(
  etag: string,
  body: string,
  headers: Record<string, string>,
  notModified = headers,
): Handler {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, notModified);
      res.end();
      return;
    }
    res.writeHead(200, { ETag: etag, ...headers });
    res.end(body);
  };
}

it('serves a fresh response from the cache: fromCache in webRequest details and fake.requests (Electron spec)', async () => {
  routes.set('/fresh', fresh('one'));
  const { get, fromCache, fake } = session('fresh');
  expect((await get('/fresh')).text).toBe('one');
  expect((await get('/fresh')).text).toBe('one');
  expect(fromCache).toEqual([false, true]);
  expect(fake.requests.map((r) => r.fromCache)).toEqual([false, true]);
  expect(hits('/fresh')).toBe(1);
});

it("cache: 'no-store' neither reads nor writes (Electron spec)", async () => {
  routes.set('/no-store-mode', fresh('x'));
  const { get, fromCache } = session('no-store-mode');
  await get('/no-store-mode', { cache: 'no-store' });
  await get('/no-store-mode', { cache: 'no-store' });
  await get('/no-store-mode');
  expect(fromCache).toEqual([false, false, false]);
  expect(hits('/no-store-mode')).toBe(3);
});

it("cache: 'reload' fetches anew and overwrites the entry (Electron spec)", async () => {
  routes.set('/reload', (_req, res, hit) => fresh(`v${hit}`)(_req, res, hit));
  const { get, fromCache } = session('reload');
  await get('/reload');
  expect((await get('/reload', { cache: 'reload' })).text).toBe('v2');
  expect((await get('/reload')).text).toBe('v2');
  expect(fromCache).toEqual([false, false, true]);
});

it("cache: 'force-cache' uses a stale entry without validating it (Electron spec)", async () => {
  routes.set('/force', (_req, res) => {
    res.writeHead(200, { 'Cache-Control': 'max-age=0', ETag: '"f"' });
    res.end('stale');
  });
  const { get, fromCache } = session('force');
  await get('/force');
  expect((await get('/force', { cache: 'force-cache' })).text).toBe('stale');
  expect(fromCache).toEqual([false, true]);
  expect(hits('/force')).toBe(1);
});

it("cache: 'no-cache' validates: a server that ignores the validators sends a 200 (Electron spec), one that honours them a 304", async () => {
  routes.set('/ignores', fresh('again', { ETag: '"i"' }));
  routes.set('/honours', validated('"h"', 'kept', { 'Cache-Control': 'max-age=3600' }));
  const { get, fromCache } = session('no-cache-mode');
  await get('/ignores');
  await get('/ignores', { cache: 'no-cache' });
  expect(fromCache).toEqual([false, false]);
  expect(requestsTo('/ignores')[1]?.headers['if-none-match']).toBe('"i"');
  await get('/honours');
  const validatedAnswer = await get('/honours', { cache: 'no-cache' });
  expect(validatedAnswer).toMatchObject({ status: 200, text: 'kept' });
  expect(fromCache).toEqual([false, false, false, true]);
});

it("cache: 'only-if-cached' answers from the cache or fails with net::ERR_CACHE_MISS", async () => {
  routes.set('/only', (_req, res) => {
    res.writeHead(200, { 'Cache-Control': 'max-age=0' });
    res.end('old');
  });
  const { get, net, ses } = session('only-if-cached');
  const onlyIfCached = { cache: 'only-if-cached', mode: 'same-origin' } as const;
  await expect(get('/only', onlyIfCached)).rejects.toThrow('net::ERR_CACHE_MISS');
  await get('/only');
  expect((await get('/only', onlyIfCached)).text).toBe('old');
  const request = net.request({ url: `${server.url}/missing-entry`, cache: 'only-if-cached', session: ses });
  await expect(responseOf<IncomingMessage>(request)).rejects.toThrow('net::ERR_CACHE_MISS');
  expect(hits('/only')).toBe(1);
  expect(hits('/missing-entry')).toBe(0);
});

it("refuses fetch's only-if-cached outside same-origin mode, as the Fetch API's Request does", async () => {
  const { ses } = session('only-if-cached-mode');
  await expect(ses.fetch(`${server.url}/fresh`, { cache: 'only-if-cached' })).rejects.toThrow(
    "'only-if-cached' can be set only with 'same-origin' mode",
  );
});

it('bypasses the cache for a request Cache-Control: no-cache: no validators, and the answer replaces the entry', async () => {
  routes.set('/bypass', (req, res, hit) =>
    validated('"b"', `b${hit}`, { 'Cache-Control': 'max-age=3600' })(req, res, hit),
  );
  const { get, fromCache } = session('bypass');
  await get('/bypass');
  expect((await get('/bypass', { headers: { 'Cache-Control': 'no-cache' } })).text).toBe('b2');
  expect(requestsTo('/bypass')[1]?.headers['if-none-match']).toBeUndefined();
  expect((await get('/bypass')).text).toBe('b2');
  expect(fromCache).toEqual([false, false, true]);
});

it('validates for a request Cache-Control: max-age=0 and serves the 304 as the stored 200', async () => {
  routes.set(
    '/max-age-0',
    validated('"m"', 'body', { 'Cache-Control': 'max-age=3600', 'Content-Type': 'text/x-m' }),
  );
  const { get, fromCache } = session('max-age-0');
  await get('/max-age-0');
  const answer = await get('/max-age-0', { headers: { 'Cache-Control': 'max-age=0' } });
  expect(answer).toMatchObject({ status: 200, text: 'body' });
  expect(answer.headers.get('content-type')).toBe('text/x-m');
  expect(requestsTo('/max-age-0')[1]?.headers['if-none-match']).toBe('"m"');
  expect(fromCache).toEqual([false, true]);
});

it('updates the stored headers from a 304: a new max-age holds for later requests, Content-Type stays', async () => {
  routes.set(
    '/update',
    validated(
      '"u"',
      'body',
      { 'Cache-Control': 'max-age=10', 'Content-Type': 'text/plain', 'X-Version': '1' },
      { 'Cache-Control': 'max-age=1000', 'Content-Type': 'text/html', 'X-Version': '2' },
    ),
  );
  const { get } = session('update');
  await get('/update');
  clock.tick(20_000);
  const revalidated = await get('/update');
  expect(revalidated.headers.get('x-version')).toBe('2');
  expect(revalidated.headers.get('content-type')).toBe('text/plain');
  clock.tick(500_000);
  await get('/update');
  expect(hits('/update')).toBe(2);
});

it('stores statuses the RFC would not, and reuses them while fresh', async () => {
  routes.set('/error', (_req, res) => {
    res.writeHead(500, { 'Cache-Control': 'max-age=60' });
    res.end('broken');
  });
  routes.set('/found', (_req, res) => {
    res.writeHead(302, { Location: '/fresh-target', 'Cache-Control': 'max-age=60' });
    res.end();
  });
  routes.set('/fresh-target', fresh('target'));
  const { get, fromCache } = session('statuses');
  await get('/error');
  expect(await get('/error')).toMatchObject({ status: 500, text: 'broken' });
  await get('/found');
  expect((await get('/found')).text).toBe('target');
  expect(fromCache).toEqual([false, true, false, true]);
  expect([hits('/error'), hits('/found')]).toEqual([1, 1]);
});

it('keeps a 301 forever and follows it from the cache, reporting fromCache to onBeforeRedirect', async () => {
  routes.set('/moved', (_req, res) => {
    res.writeHead(301, { Location: '/moved-here' });
    res.end();
  });
  routes.set('/moved-here', fresh('here'));
  const { get, ses } = session('moved');
  const redirects: boolean[] = [];
  ses.webRequest.onBeforeRedirect((details) => redirects.push(details.fromCache));
  await get('/moved');
  clock.tick(365 * 24 * 3600 * 1000);
  expect((await get('/moved')).text).toBe('here');
  expect(redirects).toEqual([false, true]);
  expect(hits('/moved')).toBe(1);
});

it('gives 200 heuristic freshness from Last-Modified, but not 404', async () => {
  const lastModified = new Date(clock.now - 1_000_000_000).toUTCString();
  routes.set('/heuristic', (_req, res) => {
    res.writeHead(200, { 'Last-Modified': lastModified });
    res.end('h');
  });
  routes.set('/gone-missing', (_req, res) => {
    res.writeHead(404, { 'Last-Modified': lastModified });
    res.end('no');
  });
  const { get } = session('heuristic');
  for (const path of ['/heuristic', '/heuristic', '/gone-missing', '/gone-missing']) await get(path);
  expect([hits('/heuristic'), hits('/gone-missing')]).toEqual([1, 2]);
  expect(requestsTo('/gone-missing')[1]?.headers['if-modified-since']).toBeUndefined();
});

it('validates a stale-while-revalidate response before answering a main-process request', async () => {
  routes.set('/swr', validated('"s"', 'swr', { 'Cache-Control': 'max-age=1, stale-while-revalidate=3600' }));
  const { get, fromCache } = session('swr');
  await get('/swr');
  clock.tick(2_000);
  await get('/swr');
  expect(requestsTo('/swr')[1]?.headers['if-none-match']).toBe('"s"');
  expect(fromCache).toEqual([false, true]);
});

it('neither stores a no-store response nor keeps the entry it replaces', async () => {
  routes.set('/no-store', (_req, res, hit) => {
    res.writeHead(200, { 'Cache-Control': hit === 1 ? 'max-age=3600' : 'no-store' });
    res.end(`n${hit}`);
  });
  const { get, ses } = session('no-store');
  await get('/no-store');
  expect(await ses.getCacheSize()).toBeGreaterThan(0);
  await get('/no-store', { cache: 'reload' });
  expect(await ses.getCacheSize()).toBe(0);
  expect((await get('/no-store')).text).toBe('n3');
});

it('ignores a request Cache-Control: no-store, storing the answer anyway', async () => {
  routes.set('/request-no-store', fresh('stored'));
  const { get, fromCache } = session('request-no-store');
  await get('/request-no-store', { headers: { 'Cache-Control': 'no-store' } });
  await get('/request-no-store');
  expect(fromCache).toEqual([false, true]);
});

it('replays no Set-Cookie from the cache', async () => {
  routes.set('/cookie', fresh('c', { 'Set-Cookie': 'visit=1' }));
  const { get, ses } = session('cookie');
  await get('/cookie');
  await ses.cookies.remove(server.url, 'visit');
  const hit = await get('/cookie');
  expect(hit.headers.get('set-cookie')).toBeNull();
  expect(await ses.cookies.get({})).toEqual([]);
});

it('keeps one variant per URL: another Vary value refetches, validating with the ETag only', async () => {
  routes.set('/vary', (req, res, hit) =>
    validated('"v"', `for ${String(req.headers['accept-language'])} #${hit}`, {
      'Cache-Control': 'max-age=3600',
      Vary: 'Accept-Language',
      'Last-Modified': new Date(clock.now - 10_000).toUTCString(),
    })(req, res, hit),
  );
  const { get, fromCache } = session('vary');
  const lang = (value: string) => ({ headers: { 'Accept-Language': value } });
  expect((await get('/vary', lang('fr'))).text).toBe('for fr #1');
  expect((await get('/vary', lang('fr'))).text).toBe('for fr #1');
  expect((await get('/vary', lang('de'))).text).toBe('for fr #1');
  const validation = requestsTo('/vary')[1];
  expect([validation?.headers['if-none-match'], validation?.headers['if-modified-since']]).toEqual([
    '"v"',
    undefined,
  ]);
  expect((await get('/vary', lang('de'))).text).toBe('for fr #1');
  expect(fromCache).toEqual([false, true, true, true]);
});

it('never serves a Vary: * response from the cache, not even for force-cache', async () => {
  routes.set('/vary-star', fresh('star', { Vary: '*' }));
  const { get, fromCache } = session('vary-star');
  await get('/vary-star');
  await get('/vary-star', { cache: 'force-cache' });
  expect(fromCache).toEqual([false, false]);
  expect(hits('/vary-star')).toBe(2);
});

it('drops the stored GET after a successful POST, PUT or DELETE to its URL, not after a failed one', async () => {
  routes.set('/thing', (req, res) => {
    if (req.method === 'GET') return fresh('thing')(req, res, 0);
    res.writeHead(req.headers['x-fail'] === undefined ? 200 : 500);
    res.end();
  });
  const { get, fromCache } = session('invalidate');
  const cycle = async (init: RequestInit): Promise<void> => {
    await get('/thing');
    await get('/thing', init);
    await get('/thing');
  };
  await cycle({ method: 'POST', body: 'x' });
  await cycle({ method: 'PUT', body: 'x' });
  await cycle({ method: 'DELETE' });
  await cycle({ method: 'POST', body: 'x', headers: { 'X-Fail': '1' } });
  const gets = fromCache.filter((_, i) => i % 3 !== 1);
  expect(gets).toEqual([false, false, true, false, true, false, true, true]);
});

it('hands the caller its own 304, and the 304 refreshes the stored entry', async () => {
  routes.set(
    '/external',
    validated('"e"', 'ext', { 'Cache-Control': 'max-age=0' }, { 'Cache-Control': 'max-age=3600' }),
  );
  const { get, fromCache } = session('external');
  await get('/external');
  const own = await get('/external', { headers: { 'If-None-Match': '"e"' } });
  expect(own.status).toBe(304);
  expect((await get('/external')).text).toBe('ext');
  expect(fromCache).toEqual([false, false, true]);
  expect(hits('/external')).toBe(2);
});

it('answers a HEAD from a stored GET, but never stores a HEAD by itself', async () => {
  routes.set('/head', fresh('head body'));
  routes.set('/head-first', fresh('x'));
  const { get, fromCache } = session('head');
  await get('/head');
  expect(await get('/head', { method: 'HEAD' })).toMatchObject({ status: 200, text: '' });
  await get('/head-first', { method: 'HEAD' });
  await get('/head-first');
  expect(fromCache).toEqual([false, true, false, false]);
});

it('never stores for a session created with cache: false', async () => {
  routes.set('/uncached', fresh('u'));
  const electron = createElectronFake({ clock });
  const ses = electron.session.fromPartition('no-cache-session', { cache: false });
  for (let i = 0; i < 2; i++) await (await ses.fetch(`${server.url}/uncached`)).text();
  expect(hits('/uncached')).toBe(2);
  expect(await ses.getCacheSize()).toBe(0);
});
