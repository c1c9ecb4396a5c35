import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import type { Session } from '../../src/session/session';
import { recordChanges, start, type RecordedChange } from './cookies-fixture';

interface Seeded {
  readonly ses: Session;
  readonly changes: RecordedChange[];
}

/** A session holding cookies on several hosts of example.com, on example.org, an IP, a .test host and [::1]. */
async function seeded(): Promise<Seeded> {
  const ses = createElectronFake({ clock: createClock(start) }).session.fromPartition('clearing');
  const { cookies } = ses;
  await cookies.set({ url: 'https://example.com', name: 'apex', value: '1' });
  await cookies.set({ url: 'https://www.example.com', name: 'www', value: '1' });
  await cookies.set({ url: 'https://a.example.com', name: 'wide', value: '1', domain: 'example.com' });
  await cookies.set({ url: 'https://example.org', name: 'org', value: '1' });
  await cookies.set({ url: 'http://127.0.0.1:8080', name: 'ip', value: '1' });
  await cookies.set({ url: 'http://sub.app.test', name: 'test', value: '1' });
  await cookies.set({ url: 'http://[::1]:3000', name: 'ipv6', value: '1' });
  return { ses, changes: recordChanges(cookies) };
}

async function names(ses: Session): Promise<string[]> {
  return (await ses.cookies.get({})).map((c) => c.name).sort();
}

const explicit = (name: string): RecordedChange => ({ cause: 'explicit', name, value: '1', removed: true });

it('clearData with origins removes the cookies of their registrable domains, one explicit event each', async () => {
  const { ses, changes } = await seeded();
  await ses.clearData({ dataTypes: ['cookies'], origins: ['https://www.example.com'] });
  expect(await names(ses)).toEqual(['ip', 'ipv6', 'org', 'test']);
  // Chromium walks its cookie map key by key, each key's cookies in insertion order.
  expect(changes).toEqual([explicit('apex'), explicit('www'), explicit('wide')]);
});

it('clearData with excludeOrigins removes every cookie but those of their registrable domains', async () => {
  const { ses, changes } = await seeded();
  await ses.clearData({ dataTypes: ['cookies'], excludeOrigins: ['https://a.example.com'] });
  expect(await names(ses)).toEqual(['apex', 'wide', 'www']);
  expect(changes.map((c) => c.name).sort()).toEqual(['ip', 'ipv6', 'org', 'test']);
  expect(changes.every((c) => c.cause === 'explicit' && c.removed)).toBe(true);
});

it('clearData matches a host without a known registry, an IP and an IPv6 address by the host itself', async () => {
  const { ses } = await seeded();
  await ses.clearData({
    dataTypes: ['cookies'],
    origins: ['http://sub.app.test', 'http://127.0.0.1:9999', 'http://[::1]:1'],
  });
  expect(await names(ses)).toEqual(['apex', 'org', 'wide', 'www']);
});

it('clearData without origins removes every cookie, reporting each', async () => {
  const { ses, changes } = await seeded();
  await ses.clearData({ dataTypes: ['cookies'] });
  expect(await names(ses)).toEqual([]);
  expect(changes).toHaveLength(7);
});

it('clearData of other data types leaves cookies alone', async () => {
  const { ses, changes } = await seeded();
  await ses.clearData({ dataTypes: ['localStorage', 'cache'], origins: ['https://example.com'] });
  expect(await names(ses)).toHaveLength(7);
  expect(changes).toEqual([]);
});

it('clearStorageData with an origin removes only the cookies that would be sent to it, not the whole site', async () => {
  const { ses, changes } = await seeded();
  await ses.clearStorageData({ storages: ['cookies'], origin: 'https://example.com' });
  expect(await names(ses)).toEqual(['ip', 'ipv6', 'org', 'test', 'www']);
  expect(changes).toEqual([explicit('apex'), explicit('wide')]);
});

it('clearStorageData of cookies without an origin removes every cookie; of other storages, none', async () => {
  const { ses, changes } = await seeded();
  await ses.clearStorageData({ storages: ['localstorage'] });
  expect(changes).toEqual([]);
  await ses.clearStorageData({ storages: ['cookies'] });
  expect(await names(ses)).toEqual([]);
  expect(changes).toHaveLength(7);
});
