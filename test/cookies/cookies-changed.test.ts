import { once } from 'node:events';
import { createCookies, recordChanges, url } from './cookies-fixture';

it('emits inserted on set and explicit on remove (spec "emits a changed event when a cookie is added or removed")', async () => {
  const { cookies, nowSeconds } = createCookies();
  const added = once(cookies, 'changed');
  await cookies.set({ url, name: 'foo', value: 'bar', expirationDate: nowSeconds() + 120 });
  const [, setCookie, setCause, setRemoved] = await added;
  const removed = once(cookies, 'changed');
  await cookies.remove(url, 'foo');
  const [, removeCookie, removeCause, removeRemoved] = await removed;
  expect([setCookie.name, setCookie.value, setCause, setRemoved]).toEqual(['foo', 'bar', 'inserted', false]);
  expect([removeCookie.name, removeCookie.value, removeCause, removeRemoved]).toEqual([
    'foo',
    'bar',
    'explicit',
    true,
  ]);
});

it('reports an overwrite with a new value as overwrite (old cookie) then inserted', async () => {
  const { cookies, nowSeconds } = createCookies();
  await cookies.set({ url, name: 'foo', value: 'bar', expirationDate: nowSeconds() + 120 });
  const changes = recordChanges(cookies);
  await cookies.set({ url, name: 'foo', value: 'baz', expirationDate: nowSeconds() + 120 });
  expect(changes).toEqual([
    { cause: 'overwrite', name: 'foo', removed: true, value: 'bar' },
    { cause: 'inserted', name: 'foo', removed: false, value: 'baz' },
  ]);
});

it('reports the same value with a new expiry as overwrite then inserted-no-value-change-overwrite', async () => {
  const { cookies, nowSeconds } = createCookies();
  await cookies.set({ url, name: 'foo', value: 'bar', expirationDate: nowSeconds() + 120 });
  const changes = recordChanges(cookies);
  await cookies.set({ url, name: 'foo', value: 'bar', expirationDate: nowSeconds() + 240 });
  expect(changes).toEqual([
    { cause: 'overwrite', name: 'foo', removed: true, value: 'bar' },
    { cause: 'inserted-no-value-change-overwrite', name: 'foo', removed: false, value: 'bar' },
  ]);
});

it('reports an identical re-set as overwrite then inserted-no-change-overwrite', async () => {
  const { cookies, nowSeconds } = createCookies();
  const expirationDate = nowSeconds() + 120;
  await cookies.set({ url, name: 'foo', value: 'bar', expirationDate });
  const changes = recordChanges(cookies);
  await cookies.set({ url, name: 'foo', value: 'bar', expirationDate });
  expect(changes).toEqual([
    { cause: 'overwrite', name: 'foo', removed: true, value: 'bar' },
    { cause: 'inserted-no-change-overwrite', name: 'foo', removed: false, value: 'bar' },
  ]);
});

it('reports an already-expired overwrite as a single expired-overwrite, and the set resolves', async () => {
  const { cookies, nowSeconds } = createCookies();
  await cookies.set({ url, name: 'foo', value: 'bar', expirationDate: nowSeconds() + 120 });
  const changes = recordChanges(cookies);
  await expect(
    cookies.set({ url, name: 'foo', value: 'bar', expirationDate: nowSeconds() - 10 }),
  ).resolves.toBeUndefined();
  expect(changes).toEqual([{ cause: 'expired-overwrite', name: 'foo', removed: true, value: 'bar' }]);
  expect(await cookies.get({ url })).toEqual([]);
});

it('emits nothing for an already-expired cookie that replaces nothing', async () => {
  const { cookies, nowSeconds } = createCookies();
  const changes = recordChanges(cookies);
  await cookies.set({ url, name: 'foo', value: 'bar', expirationDate: nowSeconds() - 10 });
  expect(changes).toEqual([]);
});

it('passes an Electron 45 event object: preventDefault and defaultPrevented, no sender', async () => {
  const { cookies } = createCookies();
  const changed = once(cookies, 'changed');
  await cookies.set({ url, name: 'a', value: 'b' });
  const [event] = (await changed) as [{ preventDefault(): void; defaultPrevented: boolean }];
  expect(event.defaultPrevented).toBe(false);
  event.preventDefault();
  expect(event.defaultPrevented).toBe(true);
  expect(event).not.toHaveProperty('sender');
});

it('passes the cookie in the get() shape, with expirationDate only when persistent', async () => {
  const { cookies, nowSeconds } = createCookies();
  const seen: unknown[] = [];
  cookies.on('changed', (_event, cookie) => seen.push(cookie));
  await cookies.set({ url, name: 'session', value: '1' });
  await cookies.set({ url, name: 'persistent', value: '1', expirationDate: nowSeconds() + 60 });
  expect(seen).toEqual(await cookies.get({}));
  expect(seen[0]).not.toHaveProperty('expirationDate');
  expect(seen[1]).toHaveProperty('expirationDate', nowSeconds() + 60);
});

it('still reports the change to a listener added right after the set call', async () => {
  const { cookies } = createCookies();
  const pending = cookies.set({ url, name: 'a', value: 'b' });
  const changes = recordChanges(cookies);
  await pending;
  expect(changes).toEqual([{ cause: 'inserted', name: 'a', removed: false, value: 'b' }]);
});

it('reports every change before the operation settles, in order', async () => {
  const { cookies } = createCookies();
  const order: string[] = [];
  cookies.on('changed', (_e, cookie, cause) => order.push(`${cause}:${cookie.value}`));
  await cookies.set({ url, name: 'a', value: '1' }).then(() => order.push('set 1'));
  await cookies.set({ url, name: 'a', value: '2' }).then(() => order.push('set 2'));
  expect(order).toEqual(['inserted:1', 'set 1', 'overwrite:1', 'inserted:2', 'set 2']);
});

it('removes every cookie of that name that would be sent to the url (host-only and domain ones)', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: 'http://sub.example.com', name: 'n', value: 'host' });
  await cookies.set({ url: 'http://sub.example.com', name: 'n', value: 'domain', domain: 'example.com' });
  await cookies.set({ url: 'http://sub.example.com', name: 'n', value: 'elsewhere', path: '/other' });
  await cookies.set({ url: 'http://sub.example.com', name: 'keep', value: 'x' });
  const changes = recordChanges(cookies);
  await cookies.remove('http://sub.example.com/', 'n');
  expect(changes.map((c) => [c.cause, c.value])).toEqual([
    ['explicit', 'host'],
    ['explicit', 'domain'],
  ]);
  expect((await cookies.get({})).map((c) => c.value).sort()).toEqual(['elsewhere', 'x']);
});

it('removes a cookie (spec "should remove cookies") and resolves when nothing matches', async () => {
  const { cookies, nowSeconds } = createCookies();
  await cookies.set({ url, name: '2', value: '2', expirationDate: nowSeconds() + 120 });
  await cookies.remove(url, '2');
  expect((await cookies.get({ url })).some((c) => c.name === '2' && c.value === '2')).toBe(false);
  await expect(cookies.remove(url, 'missing')).resolves.toBeUndefined();
  await expect(cookies.remove('asdf', 'missing')).resolves.toBeUndefined();
});

it('does not remove a Secure cookie through an insecure url', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: 'https://example.com', name: 's', value: '1', secure: true });
  await cookies.remove('http://example.com', 's');
  expect(await cookies.get({})).toHaveLength(1);
  await cookies.remove('https://example.com', 's');
  expect(await cookies.get({})).toHaveLength(0);
});

it('emits expired when get notices an expired cookie, once', async () => {
  const { cookies, clock, nowSeconds } = createCookies();
  await cookies.set({ url, name: 'a', value: '1', expirationDate: nowSeconds() + 60 });
  const changes = recordChanges(cookies);
  clock.tick(60_000);
  expect(changes).toEqual([]);
  expect(await cookies.get({ url })).toEqual([]);
  await cookies.get({});
  expect(changes).toEqual([{ cause: 'expired', name: 'a', removed: true, value: '1' }]);
});

it('emits expired for every expired cookie when all cookies are read', async () => {
  const { cookies, clock, nowSeconds } = createCookies();
  await cookies.set({ url: 'http://a.com', name: 'a', value: '1', expirationDate: nowSeconds() + 1 });
  await cookies.set({ url: 'http://b.com', name: 'b', value: '1', expirationDate: nowSeconds() + 1 });
  const changes = recordChanges(cookies);
  clock.tick(1000);
  expect(await cookies.get({})).toEqual([]);
  expect(changes.map((c) => [c.cause, c.name])).toEqual([
    ['expired', 'a'],
    ['expired', 'b'],
  ]);
});

it('keeps the change when a listener throws, skips later listeners like EventEmitter, and rethrows it uncaught', async () => {
  const { cookies } = createCookies();
  const deferred: (() => void)[] = [];
  const spy = jest
    .spyOn(globalThis, 'queueMicrotask')
    .mockImplementation((callback) => deferred.push(callback));
  cookies.on('changed', () => {
    throw new Error('listener failed');
  });
  const later = recordChanges(cookies);
  try {
    await cookies.set({ url, name: 'a', value: 'b' });
  } finally {
    spy.mockRestore();
  }
  expect(await cookies.get({})).toHaveLength(1);
  expect(later).toHaveLength(0);
  expect(deferred).toHaveLength(1);
  expect(() => deferred[0]?.()).toThrow('listener failed');
});
