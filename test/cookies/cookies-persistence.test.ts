import type * as nodeFs from 'node:fs';
import { createClock } from '@sinonjs/fake-timers';
import type { Cookies } from '../../src/cookies/cookies';
import { createCookies, memoryFs, recordChanges, start } from './cookies-fixture';

const file = '/user-data/Partitions/ence-test/Cookies';

/** One run of Electron's spec fixture `cookie-app/main.js` against a cookie file: prints get counts. */
async function runCookieApp(fs: typeof nodeFs, phase: 'one' | 'two'): Promise<string> {
  const clock = createClock(start);
  const { cookies } = createCookies({ persistence: { fs, file } }, clock);
  const url = 'http://foo.bar';
  const name = 'test';
  // The fixture passes milliseconds where seconds are expected: a far-future, capped expiry.
  const set = (): Promise<void> =>
    cookies.set({ url, name, value: 'true', expirationDate: clock.now + 60000 });
  const count = async (): Promise<number> => (await cookies.get({ url })).length;
  if (phase === 'one') await cookies.remove(url, name);
  const one = await count();
  await set();
  const two = await count();
  if (phase === 'two') await cookies.remove(url, name);
  const three = await count();
  return `${one}${two}${three}`;
}

function restart(fs: typeof nodeFs): Cookies {
  return createCookies({ persistence: { fs, file } }).cookies;
}

it('survives an app restart for a persistent partition (spec "011" then "110")', async () => {
  const fs = memoryFs();
  expect(await runCookieApp(fs, 'one')).toBe('011');
  expect(await runCookieApp(fs, 'two')).toBe('110');
});

it('keeps persistent cookies but not session cookies across a restart', async () => {
  const fs = memoryFs();
  const { cookies, nowSeconds } = createCookies({ persistence: { fs, file } });
  await cookies.set({
    url: 'https://example.com',
    name: 'kept',
    value: '1',
    expirationDate: nowSeconds() + 3600,
    secure: true,
  });
  await cookies.set({ url: 'https://example.com', name: 'session', value: '1' });
  expect(await restart(fs).get({})).toEqual([
    {
      name: 'kept',
      value: '1',
      domain: 'example.com',
      hostOnly: true,
      path: '/',
      secure: true,
      httpOnly: false,
      session: false,
      expirationDate: nowSeconds() + 3600,
      sameSite: 'lax',
    },
  ]);
});

it('writes each change through, so a restart without flushStore loses nothing', async () => {
  const fs = memoryFs();
  const { cookies, nowSeconds } = createCookies({ persistence: { fs, file } });
  await cookies.set({ url: 'http://example.com', name: 'a', value: '1', expirationDate: nowSeconds() + 60 });
  await cookies.storeSetCookieHeaders('http://example.com', ['b=2; Max-Age=60']);
  await cookies.set({ url: 'http://example.com', name: 'a', value: '3', expirationDate: nowSeconds() + 60 });
  expect((await restart(fs).get({})).map((c) => `${c.name}=${c.value}`)).toEqual(['b=2', 'a=3']);
  await cookies.remove('http://example.com', 'b');
  expect((await restart(fs).get({})).map((c) => c.name)).toEqual(['a']);
});

it('flushes the cookies to disk (spec "flushStore")', async () => {
  const fs = memoryFs();
  const { cookies, nowSeconds } = createCookies({ persistence: { fs, file } });
  await cookies.set({
    url: 'http://example.com',
    name: 'foo',
    value: 'bar',
    expirationDate: nowSeconds() + 60,
  });
  await expect(cookies.flushStore()).resolves.toBeUndefined();
  expect(fs.existsSync(file)).toBe(true);
});

it('resolves flushStore for an in-memory session without touching any file', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: 'http://example.com', name: 'foo', value: 'bar' });
  await expect(cookies.flushStore()).resolves.toBeUndefined();
});

it('restores creation order and keeps the access time across a restart', async () => {
  const fs = memoryFs();
  const { cookies, clock, nowSeconds } = createCookies({ persistence: { fs, file } });
  await cookies.set({
    url: 'http://example.com',
    name: 'first',
    value: '1',
    expirationDate: nowSeconds() + 600,
  });
  clock.tick(1000);
  await cookies.set({
    url: 'http://example.com',
    name: 'second',
    value: '1',
    expirationDate: nowSeconds() + 600,
  });
  expect(await restart(fs).cookieHeaderFor('http://example.com/')).toBe('first=1; second=1');
});

it('reports a cookie that expired while the app was closed as expired once it is looked at', async () => {
  const fs = memoryFs();
  const { cookies, nowSeconds } = createCookies({ persistence: { fs, file } });
  await cookies.set({ url: 'http://example.com', name: 'a', value: '1', expirationDate: nowSeconds() + 60 });
  const later = createClock(start + 120_000);
  const { cookies: reopened } = createCookies({ persistence: { fs, file } }, later);
  const changes = recordChanges(reopened);
  expect(await reopened.get({})).toEqual([]);
  expect(changes).toEqual([{ cause: 'expired', name: 'a', value: '1', removed: true }]);
});

it('starts empty from a missing or corrupt cookie file', async () => {
  const fs = memoryFs();
  expect(await restart(fs).get({})).toEqual([]);
  fs.mkdirSync('/user-data/Partitions/ence-test', { recursive: true });
  fs.writeFileSync(file, '{ not json');
  expect(await restart(fs).get({})).toEqual([]);
});
