import { planClearData, planClearStorageData, registrableDomain } from '../../src/session/clear-data';

const allPartitionTypes = [
  'localStorage',
  'indexedDB',
  'fileSystems',
  'serviceWorkers',
  'cacheStorage',
  'shaderCache',
  'backgroundFetch',
];

it('clears every storage type and all cookies when clearStorageData gets no options', () => {
  const plan = planClearStorageData(undefined);
  expect([...plan.storage].sort()).toEqual([...allPartitionTypes].sort());
  expect(plan.cookies).toEqual({ kind: 'all' });
  expect(plan.storageOrigins).toEqual({ mode: 'all' });
  expect(plan.httpCache).toBe(false);
  expect(plan.resetMediaDeviceSalt).toBe(true);
});

it('clears nothing for storages: [] or only unknown names', () => {
  for (const storages of [[], ['websql', 'appcache', 'nonsense']]) {
    const plan = planClearStorageData({ storages });
    expect(plan.storage.size).toBe(0);
    expect(plan.cookies).toBeUndefined();
    expect(plan.resetMediaDeviceSalt).toBe(false);
  }
});

it('compares storages names case-insensitively', () => {
  const plan = planClearStorageData({ storages: ['LocalStorage', 'INDEXDB', 'Cookies'] });
  expect([...plan.storage].sort()).toEqual(['indexedDB', 'localStorage']);
  expect(plan.cookies).toEqual({ kind: 'all' });
});

it('limits clearStorageData to the origin, and its cookies to those sent to it', () => {
  const plan = planClearStorageData({
    origin: 'https://app.test:443',
    storages: ['cookies', 'localstorage'],
  });
  expect(plan.storageOrigins).toEqual({ mode: 'only', origins: new Set(['https://app.test']) });
  expect(plan.cookies).toEqual({ kind: 'url', url: 'https://app.test/' });
});

it('treats file:// as the file origin, as the Electron spec does', () => {
  const plan = planClearStorageData({ origin: 'file://', storages: ['localstorage'] });
  expect(plan.storageOrigins).toEqual({ mode: 'only', origins: new Set(['file://']) });
});

it('clears everything for clearData without options, HTTP cache and auth cache included', () => {
  const plan = planClearData([]);
  expect([...plan.storage].sort()).toEqual([...allPartitionTypes, 'downloads'].sort());
  expect(plan.cookies).toEqual({ kind: 'all' });
  expect(plan.httpCache).toBe(true);
  expect(plan.clearAuthCacheAndConnections).toBe(true);
});

it('clears nothing for dataTypes: [] and ignores unknown or miscased names', () => {
  for (const dataTypes of [[], ['webSQL', 'LocalStorage', 'nope']]) {
    const plan = planClearData([{ dataTypes }]);
    expect(plan.storage.size).toBe(0);
    expect(plan.cookies).toBeUndefined();
    expect(plan.httpCache).toBe(false);
  }
});

it('maps cache to the HTTP cache, CacheStorage and the shader cache', () => {
  const plan = planClearData([{ dataTypes: ['cache'] }]);
  expect([...plan.storage].sort()).toEqual(['cacheStorage', 'shaderCache']);
  expect(plan.httpCache).toBe(true);
  expect(plan.cookies).toBeUndefined();
});

it('keeps connections open when asked to avoid closing them', () => {
  expect(
    planClearData([{ dataTypes: ['cookies'], avoidClosingConnections: true }]).clearAuthCacheAndConnections,
  ).toBe(false);
});

it('throws synchronously for both origins and excludeOrigins', () => {
  expect(() => planClearData([{ origins: ['https://a.test'], excludeOrigins: ['https://b.test'] }])).toThrow(
    new TypeError("Cannot provide both 'origins' and 'excludeOrigins'"),
  );
});

it('throws synchronously for an opaque origin, quoting its canonical spec', () => {
  expect(() => planClearData([{ origins: ['data:text/plain,x'] }])).toThrow(
    new TypeError("Invalid origin: 'data:text/plain,x'"),
  );
  expect(() => planClearData([{ excludeOrigins: ['not a url'] }])).toThrow(
    new TypeError("Invalid origin: 'not a url'"),
  );
});

it('widens cookie clearing by origin to the registrable domain', () => {
  const plan = planClearData([{ origins: ['https://a.b.example.com', 'http://localhost:3000'] }]);
  expect(plan.cookies).toEqual({
    kind: 'registrable-domains',
    mode: 'delete',
    domains: ['example.com', 'localhost'],
  });
  expect(plan.storageOrigins).toEqual({
    mode: 'only',
    origins: new Set(['https://a.b.example.com', 'http://localhost:3000']),
  });
});

it('preserves the excluded origins and clears the rest', () => {
  const plan = planClearData([{ excludeOrigins: ['https://example.org'] }]);
  expect(plan.cookies).toEqual({ kind: 'registrable-domains', mode: 'preserve', domains: ['example.org'] });
  expect(plan.storageOrigins).toEqual({ mode: 'except', origins: new Set(['https://example.org']) });
});

it('clears nothing for origins: []', () => {
  const plan = planClearData([{ origins: [] }]);
  expect(plan.storageOrigins).toEqual({ mode: 'only', origins: new Set() });
  expect(plan.cookies).toEqual({ kind: 'registrable-domains', mode: 'delete', domains: [] });
});

it('uses private registries when finding a registrable domain', () => {
  expect(registrableDomain('https://my.website.example.co.uk')).toBe('example.co.uk');
  expect(registrableDomain('https://user.github.io')).toBe('user.github.io');
  expect(registrableDomain('http://127.0.0.1:8080')).toBe('127.0.0.1');
});
