import { createCookies, recordChanges } from './cookies-fixture';

const day = 24 * 60 * 60 * 1000;

it('evicts the 31 least recently used cookies once a registrable domain passes 180', async () => {
  const { cookies, clock } = createCookies();
  for (let i = 0; i < 180; i++) {
    await cookies.set({ url: `https://host${i % 3}.example.com`, name: `c${i}`, value: '1' });
    clock.tick(1);
  }
  const changes = recordChanges(cookies);
  await cookies.set({ url: 'https://example.com', name: 'c180', value: '1' });
  const evicted = changes.filter((c) => c.cause === 'evicted');
  expect(changes[0]).toEqual({ cause: 'inserted', name: 'c180', value: '1', removed: false });
  expect(evicted.map((c) => c.name)).toEqual(Array.from({ length: 31 }, (_, i) => `c${i}`));
  expect(evicted.every((c) => c.removed)).toBe(true);
  expect(await cookies.get({})).toHaveLength(150);
});

it('counts the limit per registrable domain, not per host', async () => {
  const { cookies } = createCookies();
  for (let i = 0; i < 181; i++) await cookies.set({ url: `https://example${i}.com`, name: 'c', value: '1' });
  expect(await cookies.get({})).toHaveLength(181);
});

it('evicts expired cookies first when over the per-domain limit', async () => {
  const { cookies, clock, nowSeconds } = createCookies();
  for (let i = 0; i < 10; i++) {
    await cookies.set({
      url: 'https://example.com',
      name: `short${i}`,
      value: '1',
      expirationDate: nowSeconds() + 1,
    });
  }
  for (let i = 0; i < 170; i++) await cookies.set({ url: 'https://example.com', name: `c${i}`, value: '1' });
  clock.tick(2000);
  const changes = recordChanges(cookies);
  await cookies.set({ url: 'https://example.com', name: 'last', value: '1' });
  expect(changes.filter((c) => c.cause === 'expired')).toHaveLength(10);
  expect(changes.filter((c) => c.cause === 'evicted')).toHaveLength(0);
  expect(await cookies.get({})).toHaveLength(171);
});

it('evicts non-secure cookies before secure ones of the same priority', async () => {
  const { cookies } = createCookies();
  for (let i = 0; i < 100; i++)
    await cookies.set({ url: 'https://example.com', name: `secure${i}`, value: '1', secure: true });
  for (let i = 0; i < 81; i++)
    await cookies.set({ url: 'https://example.com', name: `plain${i}`, value: '1' });
  const remaining = await cookies.get({});
  expect(remaining).toHaveLength(150);
  expect(remaining.filter((c) => c.secure)).toHaveLength(100);
});

it('evicts low-priority cookies first, keeping 30 of them', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders(
    'https://example.com/',
    Array.from({ length: 40 }, (_, i) => `low${i}=1; Priority=Low`),
  );
  for (let i = 0; i < 141; i++)
    await cookies.set({ url: 'https://example.com', name: `medium${i}`, value: '1' });
  const names = (await cookies.get({})).map((c) => c.name);
  expect(names.filter((n) => n.startsWith('low'))).toHaveLength(30);
  expect(names.filter((n) => n.startsWith('medium'))).toHaveLength(120);
});

it('prefers evicting cookies never sent over recently sent ones', async () => {
  const { cookies, clock } = createCookies();
  for (let i = 0; i < 180; i++)
    await cookies.set({ url: 'https://example.com', name: `c${i}`, value: '1', path: `/p${i}` });
  clock.tick(day);
  await cookies.cookieHeaderFor('https://example.com/p0');
  await cookies.set({ url: 'https://example.com', name: 'new', value: '1' });
  expect((await cookies.get({ name: 'c0' })).length).toBe(1);
  expect((await cookies.get({ name: 'c1' })).length).toBe(0);
});

it('evicts down to 3000 cookies store-wide once past 3300, among cookies unused for 30 days', async () => {
  const { cookies } = createCookies();
  for (let i = 0; i < 3300; i++) {
    await cookies.set({ url: `https://site${Math.floor(i / 150)}.com`, name: `c${i}`, value: '1' });
  }
  const changes = recordChanges(cookies);
  await cookies.set({ url: 'https://last.com', name: 'last', value: '1' });
  const evicted = changes.filter((c) => c.cause === 'evicted');
  expect(evicted).toHaveLength(301);
  expect(evicted[0]?.name).toBe('c0');
  expect(await cookies.get({})).toHaveLength(3000);
});

it('does not evict store-wide while every cookie was used in the last 30 days', async () => {
  const { cookies, clock } = createCookies();
  for (let i = 0; i < 23; i++) {
    await cookies.storeSetCookieHeaders(
      `https://site${i}.com/`,
      Array.from({ length: 150 }, (_, j) => `c${j}=1`),
    );
  }
  await cookies.storeSetCookieHeaders('https://late.com/', ['a=1']);
  expect(await cookies.get({})).toHaveLength(3451);
  clock.tick(31 * day);
  await cookies.storeSetCookieHeaders('https://late.com/', ['b=1']);
  expect(await cookies.get({})).toHaveLength(3000);
});
