import {
  currentAge,
  freshness,
  loadFlags,
  persistedHeaders,
  updatedHeaders,
  validationByHeaders,
  validatorsFor,
  varyKey,
  varyMatches,
  type StoredResponse,
} from '../../src/http-cache/cache-policy';

const t0 = Date.UTC(2030, 0, 1);
const httpDate = (ms: number): string => new Date(ms).toUTCString();

function stored(headers: [string, string][], status = 200, httpVersion = '1.1'): StoredResponse {
  return { status, httpVersion, headers, requestTime: t0, responseTime: t0 };
}

const lifetime = (headers: [string, string][], status = 200): number =>
  freshness(stored(headers, status)).lifetime / 1000;

it('takes max-age over Expires, and Expires relative to Date', () => {
  expect(lifetime([['Cache-Control', 'max-age=60']])).toBe(60);
  expect(
    lifetime([
      ['Cache-Control', 'max-age=60'],
      ['Expires', httpDate(t0 + 3_600_000)],
    ]),
  ).toBe(60);
  expect(
    lifetime([
      ['Date', httpDate(t0)],
      ['Expires', httpDate(t0 + 3_600_000)],
    ]),
  ).toBe(3_600);
  expect(
    lifetime([
      ['Date', httpDate(t0)],
      ['Expires', httpDate(t0 - 1_000)],
    ]),
  ).toBe(0);
});

it('reads Expires: 0 as expired and ignores an Expires it cannot read', () => {
  const lastModified: [string, string] = ['Last-Modified', httpDate(t0 - 100_000_000)];
  expect(lifetime([['Expires', '0'], lastModified])).toBe(0);
  expect(lifetime([['Expires', 'soon'], ['Date', httpDate(t0)], lastModified])).toBe(10_000);
});

it('skips a malformed max-age and uses the first well-formed one', () => {
  expect(lifetime([['Cache-Control', 'max-age=abc, max-age=30']])).toBe(30);
  expect(
    lifetime([
      ['Cache-Control', 'max-age="60"'],
      ['Date', httpDate(t0)],
      ['Expires', httpDate(t0 + 5_000)],
    ]),
  ).toBe(5);
});

it('gives 200, 203 and 206 a tenth of their age since Last-Modified, and no other status', () => {
  const headers: [string, string][] = [
    ['Date', httpDate(t0)],
    ['Last-Modified', httpDate(t0 - 1_000_000)],
  ];
  for (const status of [200, 203, 206]) expect(lifetime(headers, status)).toBe(100);
  for (const status of [204, 404, 405, 414, 501]) expect(lifetime(headers, status)).toBe(0);
});

it('keeps 300, 301, 308 and 410 fresh forever unless told otherwise', () => {
  for (const status of [300, 301, 308, 410]) expect(lifetime([], status)).toBe(Infinity);
  expect(lifetime([['Cache-Control', 'max-age=5']], 301)).toBe(5);
  expect(lifetime([['Cache-Control', 'no-cache']], 301)).toBe(0);
  expect(lifetime([], 302)).toBe(0);
});

it('reads the cache as a private one: private responses are fresh, s-maxage counts for nothing', () => {
  expect(lifetime([['Cache-Control', 'private, max-age=30']])).toBe(30);
  expect(lifetime([['Cache-Control', 's-maxage=600']])).toBe(0);
  expect(lifetime([['Cache-Control', 's-maxage=600, max-age=5']])).toBe(5);
});

it('ignores immutable', () => {
  expect(lifetime([['Cache-Control', 'immutable']])).toBe(0);
  expect(lifetime([['Cache-Control', 'max-age=10, immutable']])).toBe(10);
});

it('is never fresh with no-cache, no-store or Pragma: no-cache, even next to max-age', () => {
  expect(lifetime([['Cache-Control', 'max-age=60, no-cache']])).toBe(0);
  expect(lifetime([['Cache-Control', 'no-store, max-age=60']])).toBe(0);
  expect(
    lifetime([
      ['Cache-Control', 'max-age=60'],
      ['Pragma', 'no-cache'],
    ]),
  ).toBe(0);
  expect(lifetime([['Cache-Control', 'max-age=60, no-cache="set-cookie"']])).toBe(60);
});

it('turns off the heuristic but not max-age with must-revalidate, which also voids stale-while-revalidate', () => {
  const lastModified: [string, string][] = [
    ['Date', httpDate(t0)],
    ['Last-Modified', httpDate(t0 - 1_000_000)],
  ];
  expect(lifetime([...lastModified, ['Cache-Control', 'must-revalidate']])).toBe(0);
  expect(lifetime([['Cache-Control', 'max-age=7, must-revalidate']])).toBe(7);
  expect(
    freshness(stored([['Cache-Control', 'max-age=7, stale-while-revalidate=30']])).staleWhileRevalidate,
  ).toBe(30_000);
  expect(
    freshness(stored([['Cache-Control', 'max-age=7, stale-while-revalidate=30, must-revalidate']]))
      .staleWhileRevalidate,
  ).toBe(0);
});

it('ages a response by its corrected initial age plus the time in the cache', () => {
  const response: StoredResponse = {
    status: 200,
    httpVersion: '1.1',
    headers: [
      ['Date', httpDate(t0 - 20_000)],
      ['Age', '5'],
    ],
    requestTime: t0 - 2_000,
    responseTime: t0,
  };
  // max(apparent age 20 s, Age 5 s + response delay 2 s), then 30 s in the cache.
  expect(currentAge(response, t0 + 30_000)).toBe(50_000);
  expect(currentAge({ ...response, headers: [['Age', '100']] }, t0)).toBe(102_000);
});

it('needs validation once the age reaches the freshness lifetime', () => {
  const response = stored([['Cache-Control', 'max-age=60']]);
  expect(validationByHeaders(response, t0 + 59_999)).toBe('none');
  expect(validationByHeaders(response, t0 + 60_000)).toBe('synchronous');
  const revalidating = stored([['Cache-Control', 'max-age=60, stale-while-revalidate=60']]);
  expect(validationByHeaders(revalidating, t0 + 60_000)).toBe('asynchronous');
  expect(
    validationByHeaders(
      stored([
        ['Age', '61'],
        ['Cache-Control', 'max-age=60'],
      ]),
      t0,
    ),
  ).toBe('synchronous');
});

it('maps Electron cache modes to Chromium load flags', () => {
  const flags = (mode: Parameters<typeof loadFlags>[0]) => {
    const { externalValidation, ...rest } = loadFlags(mode, []);
    void externalValidation;
    return Object.entries(rest)
      .filter(([, on]) => on)
      .map(([name]) => name);
  };
  expect(flags('default')).toEqual([]);
  expect(flags('no-store')).toEqual(['disableCache']);
  expect(flags('reload')).toEqual(['bypassCache']);
  expect(flags('no-cache')).toEqual(['validateCache']);
  expect(flags('force-cache')).toEqual(['skipValidation']);
  expect(flags('only-if-cached')).toEqual(['skipValidation', 'onlyFromCache']);
});

it('reads request headers as Chromium does: no-cache bypasses, max-age=0 validates, other directives do nothing', () => {
  expect(loadFlags('default', [['Cache-Control', 'no-cache']]).bypassCache).toBe(true);
  expect(loadFlags('default', [['Pragma', 'no-cache']]).bypassCache).toBe(true);
  expect(loadFlags('default', [['Cache-Control', 'max-age=0']]).validateCache).toBe(true);
  const ignored = loadFlags('default', [
    ['Cache-Control', 'no-store, max-stale=100, min-fresh=5, max-age=10'],
  ]);
  expect([ignored.disableCache, ignored.bypassCache, ignored.validateCache]).toEqual([false, false, false]);
  for (const name of ['If-Match', 'If-Unmodified-Since', 'If-Range', 'Range'])
    expect(loadFlags('default', [[name, 'x']]).disableCache).toBe(true);
  expect(
    loadFlags('default', [
      ['If-Match', '"a"'],
      ['Cache-Control', 'no-cache'],
    ]).bypassCache,
  ).toBe(false);
});

it('notes the caller’s own validators, and gives up on an empty one', () => {
  expect(loadFlags('default', [['If-None-Match', '"v1"']]).externalValidation).toEqual({ etag: '"v1"' });
  expect(loadFlags('default', [['If-None-Match', '']]).disableCache).toBe(true);
});

it('validates with the first ETag from HTTP/1.1 on and with Last-Modified, only for a stored 200', () => {
  const headers: [string, string][] = [
    ['ETag', '"a", "b"'],
    ['Last-Modified', 'Tue, 15 Nov 1994 12:45:26 GMT'],
  ];
  expect(validatorsFor(stored(headers), false)).toEqual([
    ['If-None-Match', '"a"'],
    ['If-Modified-Since', 'Tue, 15 Nov 1994 12:45:26 GMT'],
  ]);
  expect(validatorsFor(stored(headers, 200, '1.0'), false)).toEqual([
    ['If-Modified-Since', 'Tue, 15 Nov 1994 12:45:26 GMT'],
  ]);
  expect(validatorsFor(stored(headers), true)).toEqual([['If-None-Match', '"a"']]);
  expect(validatorsFor(stored([headers[1] as [string, string]]), true)).toBeUndefined();
  expect(validatorsFor(stored(headers, 404), false)).toBeUndefined();
  expect(validatorsFor(stored([['ETag', 'W/"weak"']]), false)).toEqual([['If-None-Match', 'W/"weak"']]);
});

it('keeps one variant per key: absent and empty headers match, Vary: * never does', () => {
  const response: [string, string][] = [['Vary', 'Accept-Language, Cookie']];
  const vary = varyKey([['Accept-Language', 'fr']], response);
  expect(varyMatches({ headers: response, vary }, [['accept-language', 'fr']])).toBe(true);
  expect(
    varyMatches({ headers: response, vary }, [
      ['Accept-Language', 'fr'],
      ['Cookie', ''],
    ]),
  ).toBe(true);
  expect(varyMatches({ headers: response, vary }, [['Accept-Language', 'de']])).toBe(false);
  const star: [string, string][] = [['Vary', '*']];
  expect(varyMatches({ headers: star, vary: varyKey([], star) }, [])).toBe(false);
  expect(varyMatches({ headers: [], vary: undefined }, [['Accept-Language', 'de']])).toBe(true);
});

it('stores no cookies, challenges, hop-by-hop, range or HSTS headers, nor those named by no-cache="…"', () => {
  expect(
    persistedHeaders([
      ['Content-Type', 'text/plain'],
      ['Set-Cookie', 'a=1'],
      ['WWW-Authenticate', 'Basic'],
      ['Connection', 'keep-alive'],
      ['Transfer-Encoding', 'chunked'],
      ['Content-Range', 'bytes 0-1/2'],
      ['Strict-Transport-Security', 'max-age=1'],
      ['Cache-Control', 'no-cache="X-Secret, X-Other"'],
      ['X-Secret', 's'],
      ['X-Kept', 'k'],
    ]),
  ).toEqual([
    ['Content-Type', 'text/plain'],
    ['Cache-Control', 'no-cache="X-Secret, X-Other"'],
    ['X-Kept', 'k'],
  ]);
});

it('updates stored headers from a 304 except the body’s own and hop-by-hop ones, the 304’s first', () => {
  expect(
    updatedHeaders(
      [
        ['Content-Type', 'text/plain'],
        ['Cache-Control', 'max-age=1'],
        ['ETag', '"a"'],
        ['X-Old', '1'],
      ],
      [
        ['Cache-Control', 'max-age=100'],
        ['Content-Type', 'text/html'],
        ['ETag', '"b"'],
        ['X-Content-Type-Options', 'nosniff'],
        ['X-New', '2'],
      ],
    ),
  ).toEqual([
    ['Cache-Control', 'max-age=100'],
    ['X-New', '2'],
    ['Content-Type', 'text/plain'],
    ['ETag', '"a"'],
    ['X-Old', '1'],
  ]);
});
