import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { VerdictCache } from '../../src/certificates/verdict-cache';
import { insideValidity, startHttpsServer, tlsFixtures, type TestHttpsServer } from '../helpers/https-server';

let server: TestHttpsServer;
beforeAll(async () => {
  server = await startHttpsServer();
});
afterAll(() => server.close());

function countingFake() {
  const clock = createClock(insideValidity);
  const electron = createElectronFake({ clock });
  const ses = electron.session.fromPartition('cache');
  let calls = 0;
  ses.setCertificateVerifyProc((_request, callback) => {
    calls++;
    callback(-2);
  });
  return { clock, electron, ses, calls: () => calls };
}

const minutes = (n: number): number => n * 60 * 1000;

it('two loads of the same host call the verify proc once', async () => {
  const { electron, calls } = countingFake();
  const window = new electron.BrowserWindow({ webPreferences: { partition: 'cache' } });
  await expect(window.loadURL(server.url)).rejects.toThrow(/ERR_FAILED/);
  await expect(window.loadURL(`${server.url}/test`)).rejects.toThrow(/ERR_FAILED/);
  expect(calls()).toBe(1);
});

it('a cached verdict expires 30 minutes of fake time after its verification started', async () => {
  const { clock, ses, calls } = countingFake();
  await expect(ses.fetch(server.url)).rejects.toThrow('net::ERR_FAILED');
  clock.tick(minutes(30) - 1);
  await expect(ses.fetch(server.url)).rejects.toThrow('net::ERR_FAILED');
  expect(calls()).toBe(1);
  clock.tick(1);
  await expect(ses.fetch(server.url)).rejects.toThrow('net::ERR_FAILED');
  expect(calls()).toBe(2);
});

it('a clock set back before the verification misses the cache', async () => {
  const { clock, ses, calls } = countingFake();
  await expect(ses.fetch(server.url)).rejects.toThrow('net::ERR_FAILED');
  clock.setSystemTime(insideValidity - 1);
  await expect(ses.fetch(server.url)).rejects.toThrow('net::ERR_FAILED');
  expect(calls()).toBe(2);
});

it('a new verify proc does not flush the cache: the earlier verdict stands', async () => {
  const { ses, calls } = countingFake();
  await expect(ses.fetch(server.url)).rejects.toThrow('net::ERR_FAILED');
  ses.setCertificateVerifyProc((_request, callback) => callback(0));
  await expect(ses.fetch(server.url)).rejects.toThrow('net::ERR_FAILED');
  expect(calls()).toBe(1);
});

it('each session has its own cache', async () => {
  const { electron, ses, calls } = countingFake();
  await expect(ses.fetch(server.url)).rejects.toThrow('net::ERR_FAILED');
  const other = electron.session.fromPartition('other');
  let otherCalls = 0;
  other.setCertificateVerifyProc((_request, callback) => {
    otherCalls++;
    callback(0);
  });
  expect((await other.fetch(server.url)).status).toBe(200);
  expect([calls(), otherCalls]).toEqual([1, 1]);
});

it('trusting a new root empties every cache', async () => {
  const { electron, ses, calls } = countingFake();
  await expect(ses.fetch(server.url)).rejects.toThrow('net::ERR_FAILED');
  electron.fake.trustRootCertificate(tlsFixtures.root);
  await expect(ses.fetch(server.url)).rejects.toThrow('net::ERR_FAILED');
  expect(calls()).toBe(2);
});

it('a verdict is cached per host name, not per port', async () => {
  const second = await startHttpsServer();
  try {
    const { ses, calls } = countingFake();
    await expect(ses.fetch(server.url)).rejects.toThrow('net::ERR_FAILED');
    await expect(ses.fetch(second.url)).rejects.toThrow('net::ERR_FAILED');
    await expect(ses.fetch(server.url.replace('127.0.0.1', 'localhost'))).rejects.toThrow('net::ERR_FAILED');
    expect(calls()).toBe(2);
  } finally {
    await second.close();
  }
});

const verdict = { code: 0, verifiedChain: [], isIssuedByKnownRoot: false };

it('the cache holds 256 verdicts and makes room by dropping expired ones first, then the oldest', () => {
  const cache = new VerdictCache();
  cache.put('stale', verdict, 0, 0);
  for (let i = 1; i < 256; i++) cache.put(`host-${i}`, verdict, minutes(20), 0);
  expect(cache.size).toBe(256);
  cache.put('new-1', verdict, minutes(31), 0);
  expect(cache.size).toBe(256);
  expect(cache.get('stale', minutes(31))).toBeUndefined();
  expect(cache.get('host-1', minutes(31))).toBe(verdict);
  cache.put('new-2', verdict, minutes(31), 0);
  expect(cache.size).toBe(256);
  expect(cache.get('host-1', minutes(31))).toBeUndefined();
  expect(cache.get('host-2', minutes(31))).toBe(verdict);
});

it('a verification that started before the trust store changed is not cached', () => {
  const cache = new VerdictCache();
  cache.syncTrust(1);
  cache.put('host', verdict, 0, 0);
  expect(cache.get('host', 0)).toBeUndefined();
  cache.put('host', verdict, 0, 1);
  expect(cache.get('host', 0)).toBe(verdict);
});
