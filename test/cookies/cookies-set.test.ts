import { createCookies, url } from './cookies-fixture';

const invalidDomain =
  'Failed to set cookie - The cookie was set with an invalid Domain attribute.EXCLUDE_INVALID_DOMAIN, DO_NOT_WARN, NO_EXEMPTION';

it('sets a persistent cookie when expirationDate is given (spec "sets cookies")', async () => {
  const { cookies, nowSeconds } = createCookies();
  await cookies.set({ url, name: '1', value: '1', expirationDate: nowSeconds() + 120 });
  const [cookie] = await cookies.get({ url });
  expect(cookie).toEqual({
    name: '1',
    value: '1',
    domain: '127.0.0.1',
    hostOnly: true,
    path: '/',
    secure: false,
    httpOnly: false,
    session: false,
    expirationDate: nowSeconds() + 120,
    sameSite: 'lax',
  });
});

it('sets a session cookie without expirationDate, and reports no expirationDate for it', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: '2', value: '1' });
  const [cookie] = await cookies.get({ url });
  expect(cookie?.session).toBe(true);
  expect(cookie).not.toHaveProperty('expirationDate');
});

it('sets a cookie without a name (spec "sets cookies without name")', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, value: '3' });
  const [cookie] = await cookies.get({ url });
  expect(cookie?.name).toBe('');
  expect(cookie?.value).toBe('3');
});

it.each(['unspecified', 'no_restriction', 'lax', 'strict'] as const)(
  'sets cookies with samesite=%s',
  async (sameSite) => {
    const { cookies } = createCookies();
    await cookies.set({ url, value: 'hithere', sameSite });
    const [cookie] = await cookies.get({ url });
    expect(cookie?.name).toBe('');
    expect(cookie?.value).toBe('hithere');
    expect(cookie?.sameSite).toBe(sameSite);
  },
);

it("rejects samesite=garbage with Electron's conversion message", async () => {
  const { cookies } = createCookies();
  await expect(cookies.set({ url, value: 'hithere', sameSite: 'garbage' as never })).rejects.toThrow(
    "Failed to convert 'garbage' to an appropriate cookie same site value",
  );
});

it('defaults sameSite to lax and secure to false', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'a', value: 'b' });
  expect(await cookies.get({ url })).toMatchObject([{ sameSite: 'lax', secure: false, httpOnly: false }]);
});

it('defaults secure to true for sameSite no_restriction only', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'a', value: 'b', sameSite: 'no_restriction' });
  expect(await cookies.get({ url })).toMatchObject([{ secure: true, sameSite: 'no_restriction' }]);
});

it('rejects a missing url, or one that is not a string, before anything else', async () => {
  const { cookies } = createCookies();
  await expect(cookies.set({ name: 'a', sameSite: 'garbage' } as never)).rejects.toThrow(
    "Missing required option 'url'",
  );
  await expect(cookies.set({ url: 5, name: 'a' } as never)).rejects.toThrow("Missing required option 'url'");
});

it('rejects url "" with the invalid Domain message, not "missing url"', async () => {
  const { cookies } = createCookies();
  await expect(cookies.set({ url: '', name: '1', value: '1' })).rejects.toThrow(invalidDomain);
});

it('rejects an invalid url such as "asdf" with the invalid Domain message', async () => {
  const { cookies } = createCookies();
  await expect(cookies.set({ url: 'asdf', name: '1', value: '1' })).rejects.toThrow(invalidDomain);
});

it('rejects a value containing ";" as ASCII control characters', async () => {
  const { cookies } = createCookies();
  await expect(cookies.set({ url, name: 'foo', value: 'test;test' })).rejects.toThrow(
    'Failed to set cookie - The cookie contains ASCII control charactersEXCLUDE_DISALLOWED_CHARACTER, DO_NOT_WARN, NO_EXEMPTION',
  );
});

it.each([
  ['a control character in the name', { name: 'a\u0001b', value: 'v' }],
  ['"=" in the name', { name: 'a=b', value: 'v' }],
  ['leading whitespace in the name', { name: ' a', value: 'v' }],
  ['a trailing tab in the value', { name: 'a', value: 'v\t' }],
  ['DEL in the value', { name: 'a', value: 'v\u007f' }],
  ['a newline in the path', { name: 'a', value: 'v', path: '/a\nb' }],
])('rejects %s as disallowed characters', async (_, details) => {
  const { cookies } = createCookies();
  await expect(cookies.set({ url, ...details })).rejects.toThrow(/contains ASCII control characters/);
});

it('rejects a cookie with neither name nor value', async () => {
  const { cookies } = createCookies();
  await expect(cookies.set({ url })).rejects.toThrow(
    'Failed to set cookie - The cookie contains no content or only whitespace.EXCLUDE_NO_COOKIE_CONTENT, DO_NOT_WARN, NO_EXEMPTION',
  );
});

it('rejects a name and value longer than 4096 bytes together', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'a', value: 'x'.repeat(4095) });
  await expect(cookies.set({ url, name: 'a', value: 'x'.repeat(4096) })).rejects.toThrow(
    'Failed to set cookie - The cookie exceeded the name/value pair size limit.EXCLUDE_NAME_VALUE_PAIR_EXCEEDS_MAX_SIZE, DO_NOT_WARN, NO_EXEMPTION',
  );
});

it('overwrites the previous cookie with the same name, domain and path (spec "should overwrite previous cookies")', async () => {
  const { cookies, nowSeconds } = createCookies();
  for (const value of ['No', 'Yes']) {
    await cookies.set({ url, name: 'DidOverwrite', value, expirationDate: nowSeconds() + 120 });
    expect((await cookies.get({ url })).map((c) => c.value)).toEqual([value]);
  }
});

it('makes a host-only cookie when domain is omitted', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: 'http://sub.example.com', name: 'a', value: 'b' });
  expect(await cookies.get({})).toMatchObject([{ domain: 'sub.example.com', hostOnly: true }]);
});

it('normalises a given domain to a lower-case leading-dot domain cookie', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: 'http://sub.example.com', name: 'a', value: 'b', domain: 'Example.com' });
  await cookies.set({ url: 'http://example.com', name: 'c', value: 'd', domain: '.example.com' });
  expect(await cookies.get({})).toMatchObject([
    { name: 'a', domain: '.example.com', hostOnly: false },
    { name: 'c', domain: '.example.com', hostOnly: false },
  ]);
});

it('keeps an IP address domain a host-only cookie', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'a', value: 'b', domain: '127.0.0.1' });
  expect(await cookies.get({})).toMatchObject([{ domain: '127.0.0.1', hostOnly: true }]);
});

it('rejects a domain the URL host does not belong to (api-net-session-spec)', async () => {
  const { cookies } = createCookies();
  await expect(
    cookies.set({ url: 'https://electronjs.org', name: 'a', value: 'b', domain: 'wssss.iamabaddomain.fun' }),
  ).rejects.toThrow(invalidDomain);
});

it.each([
  ['a public suffix', 'http://example.com', 'com'],
  ['a private public suffix', 'https://foo.github.io', 'github.io'],
  ['a sibling subdomain', 'http://a.example.com', 'b.example.com'],
  ['a parent of an intranet host', 'http://a.intranet', 'intranet'],
  ['a domain with an unknown registry', 'http://a.myapp.test', 'myapp.test'],
  ['a domain with %-escapes', 'http://example.com', '%65xample.com'],
])('rejects %s as the domain', async (_, from, domain) => {
  const { cookies } = createCookies();
  await expect(cookies.set({ url: from, name: 'a', value: 'b', domain })).rejects.toThrow(invalidDomain);
});

it('accepts a domain equal to a host without a registry as a host-only cookie', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: 'http://localhost', name: 'a', value: 'b', domain: 'localhost' });
  expect(await cookies.get({})).toMatchObject([{ domain: 'localhost', hostOnly: true }]);
});

it('defaults the path to the directory of the URL path', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: 'http://example.com/a/b/c', name: 'deep', value: '1' });
  await cookies.set({ url: 'http://example.com/a', name: 'top', value: '1' });
  expect((await cookies.get({})).map((c) => [c.name, c.path])).toEqual([
    ['deep', '/a/b'],
    ['top', '/'],
  ]);
});

it('rejects a path that does not start with "/" as malformed', async () => {
  const { cookies } = createCookies();
  await expect(cookies.set({ url, name: 'a', value: 'b', path: 'nope' })).rejects.toThrow(
    'Failed to set cookie - The cookie was malformed and could not be stored' +
      'EXCLUDE_FAILURE_TO_STORE, DO_NOT_WARN, NO_EXEMPTION',
  );
});

it('stores the path canonicalized: dot segments resolved and unsafe characters escaped', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'a', value: 'b', path: '/x/../y z' });
  expect(await cookies.get({})).toMatchObject([{ path: '/y%20z' }]);
});

it('caps an expiry more than 400 days ahead at 400 days', async () => {
  const { cookies, nowSeconds } = createCookies();
  await cookies.set({ url, name: 'a', value: 'b', expirationDate: nowSeconds() + 1000 * 86400 });
  expect((await cookies.get({ url }))[0]?.expirationDate).toBe(nowSeconds() + 400 * 86400);
});

it('keeps a fractional expirationDate to the microsecond', async () => {
  const { cookies, nowSeconds } = createCookies();
  await cookies.set({ url, name: 'a', value: 'b', expirationDate: nowSeconds() + 120.123456 });
  expect((await cookies.get({ url }))[0]?.expirationDate).toBeCloseTo(nowSeconds() + 120.123456, 6);
});

it('treats expirationDate 0 as the epoch: nothing is stored and the set still resolves', async () => {
  const { cookies } = createCookies();
  await expect(cookies.set({ url, name: 'a', value: 'b', expirationDate: 0 })).resolves.toBeUndefined();
  expect(await cookies.get({})).toEqual([]);
});

it('ignores an expirationDate that is not a finite number (a session cookie results)', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'a', value: 'b', expirationDate: Number.NaN });
  await cookies.set({ url, name: 'c', value: 'd', expirationDate: '5' as never });
  expect((await cookies.get({})).map((c) => c.session)).toEqual([true, true]);
});

it('rejects lastAccessDate without creationDate as malformed', async () => {
  const { cookies, nowSeconds } = createCookies();
  const details = { url, name: 'a', value: 'b', lastAccessDate: nowSeconds() };
  await expect(cookies.set(details as never)).rejects.toThrow(
    /^Failed to set cookie - The cookie was malformed/,
  );
});

it('rejects a Secure cookie from an insecure, non-localhost URL', async () => {
  const { cookies } = createCookies();
  await expect(
    cookies.set({ url: 'http://example.com', name: 'a', value: 'b', secure: true }),
  ).rejects.toThrow(
    'Failed to set cookie - The cookie was Secure, but the URL was not allowed to access Secure cookies.' +
      'EXCLUDE_SECURE_ONLY, DO_NOT_WARN, NO_EXEMPTION',
  );
});

it.each([
  'http://localhost',
  'http://app.localhost',
  'http://127.0.0.1',
  'http://[::1]',
  'https://example.com',
])('accepts a Secure cookie from the trustworthy URL %s', async (from) => {
  const { cookies } = createCookies();
  await cookies.set({ url: from, name: 'a', value: 'b', secure: true });
  expect(await cookies.get({ url: from })).toMatchObject([{ secure: true }]);
});

it('rejects SameSite=None without Secure', async () => {
  const { cookies } = createCookies();
  await expect(
    cookies.set({
      url: 'https://example.com',
      name: 'a',
      value: 'b',
      sameSite: 'no_restriction',
      secure: false,
    }),
  ).rejects.toThrow(
    'Failed to set cookie - The cookie specified SameSite=None, but it was not Secure.' +
      'EXCLUDE_SAMESITE_NONE_INSECURE, WARN_SAMESITE_NONE_INSECURE, NO_EXEMPTION',
  );
});

it('accepts a __Secure- cookie only with Secure from https or http://localhost', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: 'https://example.com', name: '__Secure-a', value: 'b', secure: true });
  await expect(cookies.set({ url: 'https://example.com', name: '__Secure-b', value: 'b' })).rejects.toThrow(
    'Failed to set cookie - The cookie was set with an invalid __Host- or __Secure- prefix.' +
      'EXCLUDE_INVALID_PREFIX, DO_NOT_WARN, NO_EXEMPTION',
  );
  // The prefix needs a source that is not non-cryptographic: localhost is trustworthy, like https.
  await cookies.set({ url: 'http://localhost', name: '__secure-c', value: 'b', secure: true });
  await expect(
    cookies.set({ url: 'http://example.com', name: '__Secure-d', value: 'b', secure: true }),
  ).rejects.toThrow(/invalid __Host- or __Secure- prefix/);
  expect((await cookies.get({})).map((c) => c.name)).toEqual(['__Secure-a', '__secure-c']);
});

it('accepts a __Host- cookie only host-only, Secure, on path "/" from a cryptographic URL', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: 'https://example.com', name: '__Host-a', value: 'b', secure: true });
  const prefix = /invalid __Host- or __Secure- prefix/;
  await expect(
    cookies.set({
      url: 'https://example.com',
      name: '__Host-b',
      value: 'b',
      secure: true,
      domain: 'example.com',
    }),
  ).rejects.toThrow(prefix);
  await expect(
    cookies.set({ url: 'https://example.com/dir/page', name: '__Host-c', value: 'b', secure: true }),
  ).rejects.toThrow(prefix);
  await expect(cookies.set({ url: 'https://example.com', name: '__Host-d', value: 'b' })).rejects.toThrow(
    prefix,
  );
  expect((await cookies.get({})).map((c) => c.name)).toEqual(['__Host-a']);
});

it('rejects a nameless cookie whose value looks like a prefixed name', async () => {
  const { cookies } = createCookies();
  await expect(
    cookies.set({ url: 'https://example.com', value: ' __Host-x=1', secure: true }),
  ).rejects.toThrow(/invalid __Host- or __Secure- prefix/);
});

it('refuses to overwrite an HttpOnly cookie unless the new one is HttpOnly too', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'a', value: '1', httpOnly: true });
  await expect(cookies.set({ url, name: 'a', value: '2' })).rejects.toThrow(
    'Failed to set cookie - The cookie would have overwritten an HttpOnly cookie, and was not allowed to do so.' +
      'EXCLUDE_OVERWRITE_HTTP_ONLY, DO_NOT_WARN, NO_EXEMPTION',
  );
  await cookies.set({ url, name: 'a', value: '3', httpOnly: true });
  expect(await cookies.get({})).toMatchObject([{ value: '3', httpOnly: true }]);
});

it('refuses an insecure cookie that would shadow a Secure one of the same name (leave Secure cookies alone)', async () => {
  const { cookies } = createCookies();
  await cookies.set({
    url: 'https://example.com',
    name: 'a',
    value: 'secure',
    secure: true,
    domain: 'example.com',
  });
  await expect(cookies.set({ url: 'http://sub.example.com', name: 'a', value: 'plain' })).rejects.toThrow(
    'Failed to set cookie - The cookie would have overwritten a Secure cookie, and was not allowed to do so.' +
      'EXCLUDE_OVERWRITE_SECURE, DO_NOT_WARN, NO_EXEMPTION',
  );
  await cookies.set({ url: 'https://sub.example.com', name: 'a', value: 'plain' });
  expect((await cookies.get({})).map((c) => c.value)).toEqual(['secure', 'plain']);
});

it.each(['file:///tmp/page.html', 'ftp://example.com/', 'data:text/plain,x', 'about:blank', 'myapp://host/'])(
  'rejects %s as a scheme that does not support cookies',
  async (from) => {
    const { cookies } = createCookies();
    await expect(cookies.set({ url: from, name: 'a', value: 'b' })).rejects.toThrow(
      'Failed to set cookie - Attempted to set a cookie from a scheme that does not support cookies.' +
        'EXCLUDE_NONCOOKIEABLE_SCHEME, DO_NOT_WARN, NO_EXEMPTION',
    );
  },
);

it('sets cookies for ws and wss URLs', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url: 'ws://example.com/socket', name: 'a', value: 'b' });
  await cookies.set({ url: 'wss://example.com/socket', name: 'c', value: 'd', secure: true });
  expect((await cookies.get({ url: 'https://example.com/' })).map((c) => c.name)).toEqual(['a', 'c']);
});

it('sets a cookie for a custom standard scheme (spec "should set cookie for standard scheme")', async () => {
  const { cookies, nowSeconds } = createCookies({
    privilegedSchemes: new Map([['app', { standard: true }]]),
  });
  const custom = 'app://fake-host';
  await cookies.set({ url: custom, name: 'custom', value: '1', expirationDate: nowSeconds() + 120 });
  const list = await cookies.get({ url: custom });
  expect(list).toHaveLength(1);
  expect(list[0]).toMatchObject({ name: 'custom', value: '1', domain: 'fake-host' });
});

it('lower-cases the host of a custom standard scheme like Chromium does', async () => {
  const { cookies } = createCookies({ privilegedSchemes: new Map([['app', { standard: true }]]) });
  await cookies.set({ url: 'app://Fake-Host/x', name: 'a', value: 'b' });
  expect(await cookies.get({})).toMatchObject([{ domain: 'fake-host' }]);
});

it('treats a custom secure scheme as trustworthy for Secure cookies, but not for cookie prefixes', async () => {
  const schemes = new Map([['app', { standard: true, secure: true }]]);
  const { cookies } = createCookies({ privilegedSchemes: schemes });
  await cookies.set({ url: 'app://host', name: 'a', value: 'b', secure: true });
  expect(await cookies.get({ url: 'app://host' })).toHaveLength(1);
  await expect(
    cookies.set({ url: 'app://host', name: '__Secure-a', value: 'b', secure: true }),
  ).rejects.toThrow(/invalid __Host- or __Secure- prefix/);
});

it('ignores wrong-typed detail values instead of rejecting', async () => {
  const { cookies } = createCookies();
  await cookies.set({
    url,
    name: 'a',
    value: 'b',
    httpOnly: 'yes',
    secure: 1,
    domain: 7,
    path: null,
  } as never);
  expect(await cookies.get({})).toMatchObject([
    { name: 'a', httpOnly: false, secure: false, domain: '127.0.0.1', path: '/' },
  ]);
});

it('uses creationDate to order cookies', async () => {
  const { cookies, nowSeconds } = createCookies();
  await cookies.set({ url, name: 'newer', value: '1', creationDate: nowSeconds() - 10 } as never);
  await cookies.set({ url, name: 'older', value: '1', creationDate: nowSeconds() - 20 } as never);
  expect((await cookies.get({ url })).map((c) => c.name)).toEqual(['older', 'newer']);
});
