import { createElectronFake } from '../../src/create-electron-fake';
import { internalsOf } from '../../src/session/session-internals';
import type { ClearDataOptions } from '../../src/session/session';

function seeded() {
  const electron = createElectronFake();
  const ses = electron.session.fromPartition('persist:clear');
  electron.fake.storage(ses).seed({
    'https://example.com': { localStorage: { a: '1' }, indexedDB: { db: '1' }, cacheStorage: { c: '1' } },
    'https://example.org': { localStorage: { b: '2' }, serviceWorkers: { 'https://example.org/': '/sw.js' } },
    'file://': { localStorage: { f: '3' } },
  });
  const clearForOrigins = jest.fn().mockResolvedValue(undefined);
  Object.defineProperty(ses.cookies, 'clearForOrigins', { value: clearForOrigins, configurable: true });
  return { ...electron, ses, clearForOrigins };
}

it('clears every storage and all cookies without options', async () => {
  const { ses, fake, clearForOrigins } = seeded();
  await ses.clearStorageData();
  expect(fake.storage(ses).snapshot()).toEqual({});
  expect(clearForOrigins).toHaveBeenCalledWith({ kind: 'all' });
});

it('clears localStorage of file:// only, as the Electron spec asks', async () => {
  const { ses, fake } = seeded();
  await ses.clearStorageData({ origin: 'file://', storages: ['localstorage'] });
  expect(fake.storage(ses).origins('localStorage')).toEqual(['https://example.com', 'https://example.org']);
});

it('clears nothing for storages: [], and ignores unknown names', async () => {
  const { ses, fake, clearForOrigins } = seeded();
  const before = fake.storage(ses).snapshot();
  await ses.clearStorageData({ storages: [] });
  await ses.clearStorageData({ storages: ['websql' as never] });
  expect(fake.storage(ses).snapshot()).toEqual(before);
  expect(clearForOrigins).not.toHaveBeenCalled();
});

it('clears the cookies that would be sent to the given origin', async () => {
  const { ses, clearForOrigins } = seeded();
  await ses.clearStorageData({ origin: 'https://example.com', storages: ['cookies'] });
  expect(clearForOrigins).toHaveBeenCalledWith({ kind: 'url', url: 'https://example.com/' });
});

it('resets the media device id salt when clearStorageData clears cookies', async () => {
  const { ses } = seeded();
  const prefs = internalsOf(ses).prefs;
  const salt = prefs.get('media.device_id_salt');
  await ses.clearStorageData({ storages: ['localstorage'] });
  expect(prefs.get('media.device_id_salt')).toBe(salt);
  await ses.clearStorageData({ storages: ['cookies'] });
  expect(prefs.get('media.device_id_salt')).not.toBe(salt);
});

it('accepts the 1.x clearStorageData callback forms and never rejects', async () => {
  const { ses, clearForOrigins } = seeded();
  clearForOrigins.mockRejectedValue(new Error('store broken'));
  const calls: string[] = [];
  await expect(ses.clearStorageData(() => calls.push('no options'))).resolves.toBeUndefined();
  await ses.clearStorageData({ storages: ['localstorage'] }, () => calls.push('with options'));
  expect(calls).toEqual(['no options', 'with options']);
});

it('clears localStorage with clearData and no options (Electron spec)', async () => {
  const { ses, fake } = seeded();
  await ses.clearData();
  expect(fake.storage(ses).snapshot()).toEqual({});
});

it('lets two clearData calls run in parallel (Electron spec)', async () => {
  const { ses } = seeded();
  await expect(Promise.all([ses.clearData(), ses.clearData()])).resolves.toEqual([undefined, undefined]);
});

it('keeps localStorage when clearData clears only indexedDB (Electron spec)', async () => {
  const { ses, fake } = seeded();
  await ses.clearData({ dataTypes: ['indexedDB'] });
  expect(fake.storage(ses).origins('indexedDB')).toEqual([]);
  expect(fake.storage(ses).origins('localStorage')).toEqual([
    'file://',
    'https://example.com',
    'https://example.org',
  ]);
});

it('clears data of the listed origins only, cookies by registrable domain (Electron spec)', async () => {
  const { ses, fake, clearForOrigins } = seeded();
  await ses.clearData({ origins: ['https://example.com'] });
  expect(clearForOrigins).toHaveBeenCalledWith({
    kind: 'registrable-domains',
    mode: 'delete',
    domains: ['example.com'],
  });
  expect(fake.storage(ses).origins()).toEqual(['file://', 'https://example.org']);
});

it('clears everything but the excluded origins (Electron spec)', async () => {
  const { ses, fake, clearForOrigins } = seeded();
  await ses.clearData({ excludeOrigins: ['https://example.com'] });
  expect(clearForOrigins).toHaveBeenCalledWith({
    kind: 'registrable-domains',
    mode: 'preserve',
    domains: ['example.com'],
  });
  expect(fake.storage(ses).origins()).toEqual(['https://example.com']);
});

it('throws synchronously for origins with excludeOrigins, and for opaque origins', () => {
  const { ses } = seeded();
  expect(() => ses.clearData({ origins: ['https://a.test'], excludeOrigins: ['https://b.test'] })).toThrow(
    new TypeError("Cannot provide both 'origins' and 'excludeOrigins'"),
  );
  expect(() => ses.clearData({ origins: ['about:blank'] })).toThrow(
    new TypeError("Invalid origin: 'about:blank'"),
  );
});

it('rejects with failedDataTypes when a store fails to clear', async () => {
  const { ses, clearForOrigins } = seeded();
  clearForOrigins.mockRejectedValue(new Error('store broken'));
  const error = (await ses.clearData().catch((e: unknown) => e)) as Error & { failedDataTypes: string[] };
  expect(error.message).toBe('Failed to clear data');
  expect(error.failedDataTypes).toEqual(['cookies']);
});

it('closes connections when clearData clears cookies unless asked not to', async () => {
  const { ses } = seeded();
  const first = new AbortController();
  internalsOf(ses).inflight.add(first);
  await ses.clearData({ dataTypes: ['cookies'], avoidClosingConnections: true });
  expect(first.signal.aborted).toBe(false);
  await ses.clearData({ dataTypes: ['cookies'] });
  expect(first.signal.aborted).toBe(true);
});

it('stops the running service workers of cleared origins', async () => {
  const { ses } = seeded();
  const worker = await ses.serviceWorkers.startWorkerForScope('https://example.org/');
  await ses.clearData({ dataTypes: ['serviceWorkers'], origins: ['https://example.org'] });
  expect(worker.isDestroyed()).toBe(true);
  expect(ses.serviceWorkers.getAllRunning()).toEqual({});
});

it('writes storage to disk on flushStorageData', () => {
  const { ses, fake } = seeded();
  const file = `${ses.storagePath as string}/Fake Storage.json`;
  expect(fake.fs.existsSync(file)).toBe(false);
  ses.flushStorageData();
  expect(JSON.parse(String(fake.fs.readFileSync(file, 'utf8')))).toEqual(fake.storage(ses).snapshot());
});

it('removes example.com cookies and keeps example.org ones for origins, and the reverse for excludeOrigins (Electron spec)', async () => {
  const { session } = createElectronFake();
  const cases: [ClearDataOptions, string[]][] = [
    [{ origins: ['https://example.com'] }, ['example.org']],
    [{ excludeOrigins: ['https://example.com'] }, ['example.com']],
  ];
  for (const [options, kept] of cases) {
    const ses = session.fromPartition(`cookies-${kept.join()}`);
    await ses.cookies.set({ url: 'https://example.com', name: 'a', value: '1' });
    await ses.cookies.set({ url: 'https://www.example.com', name: 'b', value: '2' });
    await ses.cookies.set({ url: 'https://example.org', name: 'c', value: '3' });
    await ses.clearData(options);
    const domains = [
      ...new Set((await ses.cookies.get({})).map((cookie) => cookie.domain.replace(/^www\./, ''))),
    ];
    expect(domains).toEqual(kept);
  }
});

it('clears the cookies sent to an origin with clearStorageData, and keeps the rest', async () => {
  const ses = createElectronFake().session.fromPartition('cookies-url');
  await ses.cookies.set({ url: 'https://app.test', name: 'a', value: '1' });
  await ses.cookies.set({ url: 'https://other.test', name: 'b', value: '2' });
  await ses.clearStorageData({ origin: 'https://app.test', storages: ['cookies'] });
  expect((await ses.cookies.get({})).map((cookie) => cookie.name)).toEqual(['b']);
});
