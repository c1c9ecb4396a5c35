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
  // The fixture ends with app.quit(): a clean quit closes the cookie database.
  cookies.closeStore();
  return `${one}${two}${three}`;
}

/** A new jar over the file, as the next launch opens it (after a crash unless the old jar was closed). */
function reopen(fs: typeof nodeFs): Cookies {
  return createCookies({ persistence: { fs, file } }).cookies;
}

async function namesOnDisk(fs: typeof nodeFs): Promise<string[]> {
  return (await reopen(fs).get({})).map((c) => `${c.name}=${c.value}`);
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
  cookies.closeStore();
  expect(await reopen(fs).get({})).toEqual([
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

it('writes nothing until 30 s of the clock after the first unwritten change, then everything pending', async () => {
  const fs = memoryFs();
  const { cookies, clock, nowSeconds } = createCookies({ persistence: { fs, file } });
  const expirationDate = nowSeconds() + 3600;
  await cookies.set({ url: 'http://example.com', name: 'a', value: '1', expirationDate });
  clock.tick(10_000);
  await cookies.storeSetCookieHeaders('http://example.com', ['b=2; Max-Age=3600']);
  clock.tick(19_999);
  expect(await namesOnDisk(fs)).toEqual([]);
  clock.tick(1);
  expect(await namesOnDisk(fs)).toEqual(['a=1', 'b=2']);
});

it('starts a new 30 s batch with the first change after a commit', async () => {
  const fs = memoryFs();
  const { cookies, clock, nowSeconds } = createCookies({ persistence: { fs, file } });
  const expirationDate = nowSeconds() + 3600;
  await cookies.set({ url: 'http://example.com', name: 'a', value: '1', expirationDate });
  clock.tick(30_000);
  clock.tick(5_000);
  await cookies.set({ url: 'http://example.com', name: 'a', value: '2', expirationDate });
  clock.tick(29_999);
  expect(await namesOnDisk(fs)).toEqual(['a=1']);
  clock.tick(1);
  expect(await namesOnDisk(fs)).toEqual(['a=2']);
});

it('commits at once when a batch reaches 512 operations, without the clock moving', async () => {
  const fs = memoryFs();
  const { cookies, nowSeconds } = createCookies({ persistence: { fs, file } });
  const expirationDate = nowSeconds() + 3600;
  for (let i = 0; i < 511; i++) {
    await cookies.set({ url: `http://host${i}.test`, name: 'n', value: '1', expirationDate });
  }
  expect(fs.existsSync(file)).toBe(false);
  await cookies.set({ url: 'http://host511.test', name: 'n', value: '1', expirationDate });
  expect(await namesOnDisk(fs)).toHaveLength(512);
});

it('counts removals of persistent cookies as operations, and writes them', async () => {
  const fs = memoryFs();
  const { cookies, clock, nowSeconds } = createCookies({ persistence: { fs, file } });
  const expirationDate = nowSeconds() + 3600;
  await cookies.set({ url: 'http://example.com', name: 'a', value: '1', expirationDate });
  await cookies.set({ url: 'http://example.com', name: 'b', value: '1', expirationDate });
  await cookies.flushStore();
  await cookies.remove('http://example.com', 'b');
  clock.tick(30_000);
  expect(await namesOnDisk(fs)).toEqual(['a=1']);
});

it('never starts a batch for session cookies', async () => {
  const fs = memoryFs();
  const { cookies, clock } = createCookies({ persistence: { fs, file } });
  await cookies.set({ url: 'http://example.com', name: 's', value: '1' });
  clock.tick(30_000);
  await cookies.flushStore();
  expect(fs.existsSync(file)).toBe(false);
});

it('loses unwritten changes when the jar is reopened without a clean quit', async () => {
  const fs = memoryFs();
  const { cookies, nowSeconds } = createCookies({ persistence: { fs, file } });
  await cookies.set({ url: 'http://example.com', name: 'a', value: '1', expirationDate: nowSeconds() + 60 });
  expect(await namesOnDisk(fs)).toEqual([]);
});

it('writes pending changes synchronously on closeStore, then writes nothing more', async () => {
  const fs = memoryFs();
  const { cookies, clock, nowSeconds } = createCookies({ persistence: { fs, file } });
  const expirationDate = nowSeconds() + 3600;
  await cookies.set({ url: 'http://example.com', name: 'a', value: '1', expirationDate });
  cookies.closeStore();
  expect(await namesOnDisk(fs)).toEqual(['a=1']);
  await cookies.set({ url: 'http://example.com', name: 'b', value: '1', expirationDate });
  await cookies.flushStore();
  clock.tick(30_000);
  expect(await namesOnDisk(fs)).toEqual(['a=1']);
  expect(await cookies.get({})).toHaveLength(2);
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
  cookies.closeStore();
  expect(await reopen(fs).cookieHeaderFor('http://example.com/')).toBe('first=1; second=1');
});

it('reports a cookie that expired while the app was closed as expired once it is looked at', async () => {
  const fs = memoryFs();
  const { cookies, nowSeconds } = createCookies({ persistence: { fs, file } });
  await cookies.set({ url: 'http://example.com', name: 'a', value: '1', expirationDate: nowSeconds() + 60 });
  cookies.closeStore();
  const later = createClock(start + 120_000);
  const { cookies: reopened } = createCookies({ persistence: { fs, file } }, later);
  const changes = recordChanges(reopened);
  expect(await reopened.get({})).toEqual([]);
  expect(changes).toEqual([{ cause: 'expired', name: 'a', value: '1', removed: true }]);
});

it('starts empty from a missing or corrupt cookie file', async () => {
  const fs = memoryFs();
  expect(await reopen(fs).get({})).toEqual([]);
  fs.mkdirSync('/user-data/Partitions/ence-test', { recursive: true });
  fs.writeFileSync(file, '{ not json');
  expect(await reopen(fs).get({})).toEqual([]);
});
