import { createCookies, recordChanges } from './cookies-fixture';

const site = 'https://example.com';

it('returns no Cookie header for an empty jar', async () => {
  const { cookies } = createCookies();
  expect(await cookies.cookieHeaderFor(`${site}/`)).toBeUndefined();
});

it('returns no Cookie header when no cookie applies, or for an invalid URL', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: 'https://other.com', name: 'a', value: '1' });
  expect(await cookies.cookieHeaderFor(`${site}/`)).toBeUndefined();
  expect(await cookies.cookieHeaderFor('not a url')).toBeUndefined();
});

it('builds the header longest path first, then oldest first, a nameless cookie as its bare value', async () => {
  const { cookies, clock } = createCookies();
  await cookies.set({ url: site, name: 'old', value: '1' });
  clock.tick(1);
  await cookies.set({ url: site, value: 'bare' });
  clock.tick(1);
  await cookies.set({ url: site, name: 'deep', value: '2', path: '/a/b' });
  expect(await cookies.cookieHeaderFor(`${site}/a/b/c`)).toBe('deep=2; old=1; bare');
});

it('sends HttpOnly cookies (a request is not a script)', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: site, name: 'h', value: '1', httpOnly: true });
  expect(await cookies.cookieHeaderFor(`${site}/`)).toBe('h=1');
});

it('sends Secure cookies only to https, wss and trustworthy localhost URLs', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: site, name: 's', value: '1', secure: true, domain: 'example.com' });
  await cookies.set({ url: 'http://localhost', name: 'l', value: '1', secure: true });
  expect(await cookies.cookieHeaderFor('http://example.com/')).toBeUndefined();
  expect(await cookies.cookieHeaderFor('wss://example.com/')).toBe('s=1');
  expect(await cookies.cookieHeaderFor('http://localhost:8080/')).toBe('l=1');
});

it('sends cookies of every SameSite to a request with no known initiator (main process: first party)', async () => {
  const { cookies } = createCookies();
  for (const sameSite of ['strict', 'lax', 'unspecified', 'no_restriction'] as const) {
    await cookies.set({ url: site, name: sameSite, value: '1', sameSite });
  }
  expect(await cookies.cookieHeaderFor(`${site}/`)).toBe('strict=1; lax=1; unspecified=1; no_restriction=1');
  expect(await cookies.cookieHeaderFor(`${site}/`, { sameSiteContext: 'same-site' })).toBe(
    'strict=1; lax=1; unspecified=1; no_restriction=1',
  );
});

it('sends only SameSite=None cookies on a cross-site subresource request', async () => {
  const { cookies } = createCookies();
  for (const sameSite of ['strict', 'lax', 'no_restriction'] as const) {
    await cookies.set({ url: site, name: sameSite, value: '1', sameSite });
  }
  expect(await cookies.cookieHeaderFor(`${site}/`, { sameSiteContext: 'cross-site' })).toBe(
    'no_restriction=1',
  );
});

it('adds lax cookies on a cross-site top-level GET navigation, not on a POST one', async () => {
  const { cookies } = createCookies();
  for (const sameSite of ['strict', 'lax', 'no_restriction'] as const) {
    await cookies.set({ url: site, name: sameSite, value: '1', sameSite });
  }
  const navigation = { sameSiteContext: 'cross-site', isTopLevelNavigation: true } as const;
  expect(await cookies.cookieHeaderFor(`${site}/`, { ...navigation, method: 'GET' })).toBe(
    'lax=1; no_restriction=1',
  );
  expect(await cookies.cookieHeaderFor(`${site}/`, { ...navigation, method: 'POST' })).toBe(
    'no_restriction=1',
  );
});

it('sends a cookie without SameSite on a cross-site top-level POST only in its first two minutes', async () => {
  const { cookies, clock } = createCookies();
  await cookies.set({ url: site, name: 'u', value: '1', sameSite: 'unspecified' });
  const post = { sameSiteContext: 'cross-site', isTopLevelNavigation: true, method: 'POST' } as const;
  clock.tick(120_000);
  expect(await cookies.cookieHeaderFor(`${site}/`, post)).toBe('u=1');
  clock.tick(1);
  expect(await cookies.cookieHeaderFor(`${site}/`, post)).toBeUndefined();
});

it('never sends an expired cookie, and reports it expired', async () => {
  const { cookies, clock, nowSeconds } = createCookies();
  await cookies.set({ url: site, name: 'a', value: '1', expirationDate: nowSeconds() + 10 });
  const changes = recordChanges(cookies);
  clock.tick(10_000);
  expect(await cookies.cookieHeaderFor(`${site}/`)).toBeUndefined();
  expect(changes).toEqual([{ cause: 'expired', name: 'a', value: '1', removed: true }]);
});

it('stores every Set-Cookie value of a response and reports each insert', async () => {
  const { cookies } = createCookies();
  const changes = recordChanges(cookies);
  await cookies.storeSetCookieHeaders(`${site}/login`, ['a=1', 'b=2; Path=/; HttpOnly', 'lone']);
  expect(changes.map((c) => [c.cause, c.name])).toEqual([
    ['inserted', 'a'],
    ['inserted', 'b'],
    ['inserted', ''],
  ]);
  expect(await cookies.cookieHeaderFor(`${site}/`)).toBe('a=1; b=2; lone');
  expect(await cookies.get({ name: 'b' })).toMatchObject([
    { httpOnly: true, sameSite: 'unspecified', session: true },
  ]);
});

it('takes Set-Cookie attributes: Domain, Path, Secure, SameSite, Expires', async () => {
  const { cookies, nowSeconds } = createCookies();
  await cookies.storeSetCookieHeaders('https://www.example.com/a/b', [
    'd=1; Domain=Example.COM; Path=/x; Secure; SameSite=Strict; Expires=Wed, 01 Jan 2031 00:00:00 GMT',
  ]);
  expect(await cookies.get({})).toEqual([
    {
      name: 'd',
      value: '1',
      domain: '.example.com',
      hostOnly: false,
      path: '/x',
      secure: true,
      httpOnly: false,
      session: false,
      // 2031 is beyond 400 days: capped.
      expirationDate: nowSeconds() + 400 * 86400,
      sameSite: 'strict',
    },
  ]);
});

it('defaults the path of a Set-Cookie to the directory of the request path', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders(`${site}/a/b/c`, ['x=1; Path=relative']);
  expect(await cookies.get({})).toMatchObject([{ path: '/a/b' }]);
});

it('lets Max-Age win over Expires and caps it at 400 days', async () => {
  const { cookies, nowSeconds } = createCookies();
  await cookies.storeSetCookieHeaders(site, [
    'a=1; Expires=Wed, 01 Jan 2031 00:00:00 GMT; Max-Age=60',
    'b=1; Max-Age=999999999',
  ]);
  expect((await cookies.get({})).map((c) => c.expirationDate)).toEqual([
    nowSeconds() + 60,
    nowSeconds() + 400 * 86400,
  ]);
});

it('deletes the stored cookie on Max-Age=0 or a past Expires, reporting expired-overwrite', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders(site, ['a=1', 'b=1']);
  const changes = recordChanges(cookies);
  await cookies.storeSetCookieHeaders(site, [
    'a=; Max-Age=0',
    'b=gone; Expires=Thu, 01 Jan 1970 00:00:01 GMT',
  ]);
  expect(changes.map((c) => [c.cause, c.name])).toEqual([
    ['expired-overwrite', 'a'],
    ['expired-overwrite', 'b'],
  ]);
  expect(await cookies.get({})).toEqual([]);
});

it.each([
  ['a CR or LF inside the value', 'a=1\r\nb=2'],
  ['a control character in the value', 'a=1\u0001'],
  ['a control character in an attribute', 'a=1; Path=/\u0002'],
  ['an empty line', ''],
  ['an empty pair', '=; Path=/'],
  ['a name and value over 4096 bytes', `a=${'x'.repeat(4096)}`],
  ['Secure from an insecure origin', 'a=1; Secure'],
  ['a __Secure- name without Secure', '__Secure-a=1'],
  ['a __Host- name with a Domain', '__Host-a=1; Secure; Path=/; Domain=example.com'],
  ['a __Host- name without Path=/', '__Host-a=1; Secure'],
  ['a public suffix Domain', 'a=1; Domain=com'],
  ['another site in Domain', 'a=1; Domain=example.org'],
  ['SameSite=None without Secure', 'a=1; SameSite=None'],
  ['Partitioned without Secure', 'a=1; Partitioned'],
])('ignores a Set-Cookie with %s silently', async (_, line) => {
  const { cookies } = createCookies();
  const from = line.includes('Secure;') || line.startsWith('__Host') ? site : 'http://example.com';
  await expect(cookies.storeSetCookieHeaders(`${from}/`, [line])).resolves.toBeUndefined();
  expect(await cookies.get({})).toEqual([]);
});

it('accepts valid prefixed cookies and a valid Partitioned one (stored unpartitioned)', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders(site, [
    '__Secure-a=1; Secure',
    '__Host-b=1; Secure; Path=/',
    'c=1; Secure; Partitioned',
  ]);
  expect((await cookies.get({})).map((c) => c.name)).toEqual(['__Secure-a', '__Host-b', 'c']);
});

it('accepts Secure from http://localhost, which is trustworthy', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders('http://localhost:3000/', ['a=1; Secure']);
  expect(await cookies.cookieHeaderFor('http://localhost:3000/')).toBe('a=1');
});

it('accepts __Secure- and __Host- cookies from http://localhost, whose access scheme is trustworthy', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders('http://localhost:3000/', [
    '__Secure-a=1; Secure',
    '__Host-b=1; Secure; Path=/',
  ]);
  await cookies.storeSetCookieHeaders('http://example.com/', ['__Secure-c=1; Secure']);
  expect((await cookies.get({})).map((c) => c.name)).toEqual(['__Secure-a', '__Host-b']);
});

it('ignores an attribute value over 1024 bytes but keeps the cookie', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders(`${site}/dir/page`, [`a=1; Path=/${'p'.repeat(1024)}`]);
  expect(await cookies.get({})).toMatchObject([{ name: 'a', path: '/dir' }]);
});

it('keeps the rest of a response when one Set-Cookie is refused', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders('http://example.com/', ['bad=1; Secure', 'good=1']);
  expect((await cookies.get({})).map((c) => c.name)).toEqual(['good']);
});

it('does not split a Set-Cookie value at commas', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders(site, ['a=1, b=2']);
  expect(await cookies.get({})).toMatchObject([{ name: 'a', value: '1, b=2' }]);
});

it('unfolds an obs-folded Set-Cookie value', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders(site, ['a=1;\r\n Path=/x']);
  expect(await cookies.get({})).toMatchObject([{ name: 'a', path: '/x' }]);
});

it('stores a domain cookie set by a subdomain for the whole registrable domain', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders('https://login.example.com/', ['sid=1; Domain=.example.com']);
  expect(await cookies.cookieHeaderFor('https://www.example.com/')).toBe('sid=1');
  expect(await cookies.cookieHeaderFor('https://example.org/')).toBeUndefined();
});

it('refuses SameSite Lax, Strict and unspecified cookies from a cross-site response, keeps None', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders(
    site,
    ['l=1; SameSite=Lax', 's=1; SameSite=Strict', 'u=1', 'n=1; SameSite=None; Secure'],
    {
      sameSiteContext: 'cross-site',
    },
  );
  expect((await cookies.get({})).map((c) => c.name)).toEqual(['n']);
});

it('stores every SameSite from a cross-site top-level navigation response', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders(site, ['l=1; SameSite=Lax', 's=1; SameSite=Strict'], {
    sameSiteContext: 'cross-site',
    isTopLevelNavigation: true,
  });
  expect((await cookies.get({})).map((c) => c.name)).toEqual(['l', 's']);
});

it('lets a Set-Cookie replace an HttpOnly cookie (HTTP may)', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: site, name: 'a', value: '1', httpOnly: true });
  await cookies.storeSetCookieHeaders(site, ['a=2']);
  expect(await cookies.get({})).toMatchObject([{ value: '2', httpOnly: false }]);
});

it('does not store cookies from a URL whose scheme has no cookies', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders('file:///tmp/a.html', ['a=1']);
  await cookies.storeSetCookieHeaders('app://host/', ['a=1']);
  expect(await cookies.get({})).toEqual([]);
});

it('reads the Priority attribute case-insensitively', async () => {
  const { cookies } = createCookies();
  await cookies.storeSetCookieHeaders(site, ['a=1; priority=HIGH']);
  expect(await cookies.get({})).toHaveLength(1);
});
