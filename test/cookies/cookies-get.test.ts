import { createCookies, url } from './cookies-fixture';

async function countForDomain(
  setUrl: string,
  cookieDomain: string | undefined,
  filterDomain: string,
): Promise<number> {
  const { cookies } = createCookies();
  await cookies.set({
    url: setUrl,
    name: 'c',
    value: 'v',
    ...(cookieDomain === undefined ? {} : { domain: cookieDomain }),
  });
  return (await cookies.get({ domain: filterDomain })).length;
}

it('gets cookies without url by domain (spec "gets cookies without url")', async () => {
  const { cookies, nowSeconds } = createCookies();
  await cookies.set({ url, name: '1', value: '1', expirationDate: nowSeconds() + 120 });
  const list = await cookies.get({ domain: '127.0.0.1' });
  expect(list.some((c) => c.name === '1' && c.value === '1')).toBe(true);
});

it.each([
  ['exact domain', 'http://example.com', 'example.com', 'example.com', 1],
  [
    'a domain cookie set from a subdomain, filtered by that subdomain',
    'http://sub.example.com',
    '.example.com',
    'sub.example.com',
    1,
  ],
  [
    'a dotless domain normalised to a domain cookie',
    'http://sub.example.com',
    'example.com',
    'sub.example.com',
    1,
  ],
  ['another domain', 'http://example.com', 'example.com', 'other.com', 0],
  ['a leading-dot filter', 'http://example.com', '.example.com', '.example.com', 1],
  ['a cookie domain given in upper case', 'http://example.com', 'Example.com', 'example.com', 1],
  ['an IP address', url, '127.0.0.1', '127.0.0.1', 1],
  ['another IP address', url, '127.0.0.1', '127.0.0.2', 0],
  ['a deep subdomain filter', 'http://a.b.example.com', '.example.com', 'a.b.example.com', 1],
  ['a middle subdomain filter', 'http://a.b.example.com', '.example.com', 'b.example.com', 1],
  ['the registrable domain filter', 'http://a.b.example.com', '.example.com', 'example.com', 1],
  ['a suffix that is not a subdomain', 'http://a.b.example.com', '.example.com', 'otherexample.com', 0],
])('domain filter: %s', async (_, setUrl, cookieDomain, filterDomain, expected) => {
  expect(await countForDomain(setUrl, cookieDomain, filterDomain)).toBe(expected);
});

it('never matches a host-only cookie against its parent domain', async () => {
  expect(await countForDomain('http://sub.example.com', undefined, 'example.com')).toBe(0);
  expect(await countForDomain('http://sub.example.com', undefined, 'sub.example.com')).toBe(1);
});

it('compares the domain filter without lower-casing it', async () => {
  expect(await countForDomain('http://example.com', 'example.com', 'Example.com')).toBe(0);
});

it('returns each domain only its own cookies, and every cookie for an empty filter', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: 'http://example.com', name: 'a', value: '1', domain: 'example.com' });
  await cookies.set({ url: 'http://other.com', name: 'b', value: '2', domain: 'other.com' });
  expect((await cookies.get({ domain: 'example.com' })).map((c) => c.name)).toEqual(['a']);
  expect((await cookies.get({ domain: 'other.com' })).map((c) => c.name)).toEqual(['b']);
  expect(await cookies.get({})).toHaveLength(2);
});

it('filters path by exact equality, not by prefix', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'root', value: '1', path: '/' });
  await cookies.set({ url, name: 'deep', value: '1', path: '/a/b' });
  expect((await cookies.get({ path: '/a' })).map((c) => c.name)).toEqual([]);
  expect((await cookies.get({ path: '/a/b' })).map((c) => c.name)).toEqual(['deep']);
});

it('filters by name exactly', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'a', value: '1' });
  await cookies.set({ url, name: 'ab', value: '1' });
  expect((await cookies.get({ name: 'a' })).map((c) => c.name)).toEqual(['a']);
});

it('splits cookies 1/1 by the secure, session and httpOnly filters (api-net-session-spec)', async () => {
  const { cookies, nowSeconds } = createCookies();
  await cookies.set({ url, name: 'plain', value: '1' });
  await cookies.set({
    url,
    name: 'special',
    value: '1',
    secure: true,
    httpOnly: true,
    expirationDate: nowSeconds() + 60,
  });
  for (const key of ['secure', 'httpOnly'] as const) {
    expect((await cookies.get({ [key]: true })).map((c) => c.name)).toEqual(['special']);
    expect((await cookies.get({ [key]: false })).map((c) => c.name)).toEqual(['plain']);
  }
  expect((await cookies.get({ session: true })).map((c) => c.name)).toEqual(['plain']);
  expect((await cookies.get({ session: false })).map((c) => c.name)).toEqual(['special']);
});

it('ignores filter values of the wrong type', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'a', value: '1' });
  const filter = { name: 5, domain: null, secure: 'yes', session: 1, path: {}, url: 42 } as never;
  expect(await cookies.get(filter)).toHaveLength(1);
});

it('applies the other filters on top of url', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'a', value: '1' });
  await cookies.set({ url, name: 'b', value: '2', httpOnly: true });
  expect((await cookies.get({ url, httpOnly: true })).map((c) => c.name)).toEqual(['b']);
});

it('with url, returns only cookies that would be sent there: domain and path prefix', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: 'http://example.com/', name: 'root', value: '1' });
  await cookies.set({ url: 'http://example.com/', name: 'docs', value: '1', path: '/docs' });
  await cookies.set({ url: 'http://sub.example.com/', name: 'sub', value: '1' });
  await cookies.set({ url: 'http://example.com/', name: 'wide', value: '1', domain: 'example.com' });
  expect((await cookies.get({ url: 'http://example.com/docs/page' })).map((c) => c.name)).toEqual([
    'docs',
    'root',
    'wide',
  ]);
  expect((await cookies.get({ url: 'http://example.com/docsy' })).map((c) => c.name)).toEqual([
    'root',
    'wide',
  ]);
  expect((await cookies.get({ url: 'http://sub.example.com/' })).map((c) => c.name)).toEqual(['sub', 'wide']);
});

it('with url, includes HttpOnly cookies and cookies of every SameSite', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'h', value: '1', httpOnly: true });
  await cookies.set({ url, name: 's', value: '1', sameSite: 'strict' });
  expect(await cookies.get({ url })).toHaveLength(2);
});

it('with url, leaves Secure cookies out for insecure URLs but not for https or localhost', async () => {
  const { cookies } = createCookies();
  await cookies.set({
    url: 'https://example.com',
    name: 's',
    value: '1',
    secure: true,
    domain: 'example.com',
  });
  await cookies.set({ url: 'http://localhost', name: 'l', value: '1', secure: true });
  expect(await cookies.get({ url: 'http://example.com' })).toEqual([]);
  expect(await cookies.get({ url: 'https://www.example.com' })).toHaveLength(1);
  expect(await cookies.get({ url: 'http://localhost' })).toHaveLength(1);
});

it('with an invalid url or one of a scheme without cookies, resolves an empty list', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'a', value: '1' });
  expect(await cookies.get({ url: 'asdf' })).toEqual([]);
  expect(await cookies.get({ url: 'file:///127.0.0.1' })).toEqual([]);
});

it('orders cookies longest path first, then oldest first', async () => {
  const { cookies, clock } = createCookies();
  await cookies.set({ url: 'http://example.com/', name: 'b', value: '1' });
  clock.tick(1);
  await cookies.set({ url: 'http://example.com/', name: 'a', value: '1' });
  clock.tick(1);
  await cookies.set({ url: 'http://example.com/', name: 'long', value: '1', path: '/x/y' });
  expect((await cookies.get({})).map((c) => c.name)).toEqual(['long', 'b', 'a']);
});

it('keeps the creation time (and so the position) when a cookie is overwritten with the same value', async () => {
  const { cookies, clock } = createCookies();
  await cookies.set({ url, name: 'first', value: 'same' });
  clock.tick(1);
  await cookies.set({ url, name: 'second', value: 'x' });
  clock.tick(1);
  await cookies.set({ url, name: 'first', value: 'same', httpOnly: false, secure: false });
  expect((await cookies.get({ url })).map((c) => c.name)).toEqual(['first', 'second']);
  await cookies.set({ url, name: 'first', value: 'changed' });
  expect((await cookies.get({ url })).map((c) => c.name)).toEqual(['second', 'first']);
});

it('returns fresh objects on every call', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'a', value: '1' });
  const [first] = await cookies.get({ url });
  const [second] = await cookies.get({ url });
  expect(first).not.toBe(second);
  expect(first).toEqual(second);
  if (first !== undefined) first.value = 'mutated';
  expect((await cookies.get({ url }))[0]?.value).toBe('1');
});

it('never returns expired cookies, judged on the injected clock', async () => {
  const { cookies, clock, nowSeconds } = createCookies();
  await cookies.set({ url, name: 'short', value: '1', expirationDate: nowSeconds() + 60 });
  await cookies.set({ url, name: 'long', value: '1', expirationDate: nowSeconds() + 3600 });
  clock.tick(59_999);
  expect(await cookies.get({ url })).toHaveLength(2);
  clock.tick(1);
  expect((await cookies.get({ url })).map((c) => c.name)).toEqual(['long']);
  expect((await cookies.get({})).map((c) => c.name)).toEqual(['long']);
});
