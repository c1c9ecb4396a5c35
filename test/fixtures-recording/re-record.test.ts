import fs from 'node:fs';
import path from 'node:path';
import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { devToolsImportProblems } from './devtools-har';
import { startRecordingHttpsServer, useServerAndFixtures } from './recording-helpers';

const setup = useServerAndFixtures();

const file = (): string => path.join(setup.dir, 'stable.har');

async function recordOnce(clock?: ReturnType<typeof createClock>): Promise<string> {
  const electron = createElectronFake({
    env: {},
    ...(clock === undefined ? {} : { clock }),
    recording: { mode: 'record', dir: setup.dir, name: 'stable' },
  });
  // Concurrent requests finish in any order; the file must not depend on it.
  await Promise.all(
    ['/json?page=2', '/json?page=1', '/gzip', '/binary', '/login', '/redirect'].map(async (p) =>
      (await electron.net.fetch(`${setup.server.url}${p}`)).arrayBuffer(),
    ),
  );
  await electron.net.fetch(`${setup.server.url}/echo`, { method: 'POST', body: '{"b":1,"a":2}' });
  await electron.fake.recording?.finish();
  return fs.readFileSync(file(), 'utf8');
}

it('re-records unchanged traffic into a byte-identical file', async () => {
  const first = await recordOnce();
  const second = await recordOnce();
  expect(second).toBe(first);
  expect(first).not.toMatch(new RegExp(new Date().toUTCString().slice(0, 16)));
});

it('measures durations on the fake clock', async () => {
  const clock = createClock(Date.UTC(2030, 0, 1));
  const text = await recordOnce(clock);
  const har = JSON.parse(text) as { log: { entries: { time: number; timings: { wait: number } }[] } };
  expect(har.log.entries.map((entry) => entry.time)).toEqual(har.log.entries.map(() => 0));
  expect(await recordOnce(clock)).toBe(text);
});

it('writes Date at the epoch and moves it, and cookie expiry, to the clock on replay', async () => {
  await recordOnce();
  const text = fs.readFileSync(file(), 'utf8');
  expect(text).toContain('"value": "Thu, 01 Jan 1970 00:00:00 GMT"');
  expect(text).toContain('theme=REDACTED_theme; Path=/; Expires=Thu, 01 Jan 1970 01:00:00 GMT');
  const clock = createClock(Date.UTC(2031, 5, 15, 12));
  const electron = createElectronFake({
    env: {},
    clock,
    recording: { mode: 'replay', dir: setup.dir, name: 'stable' },
  });
  const response = await electron.net.fetch(`${setup.server.url}/login`);
  expect(response.headers.get('date')).toBe('Sun, 15 Jun 2031 12:00:00 GMT');
  const cookies = await electron.session.defaultSession.cookies.get({ name: 'theme' });
  expect(cookies[0]?.expirationDate).toBe(Date.UTC(2031, 5, 15, 13) / 1000);
});

it('writes files that Chrome DevTools can import', async () => {
  await recordOnce();
  const secure = await startRecordingHttpsServer();
  const electron = createElectronFake({
    env: {},
    recording: { mode: 'record-missing', dir: setup.dir, name: 'stable' },
  });
  electron.session.defaultSession.setCertificateVerifyProc((_request, callback) => callback(0));
  await electron.net.fetch(`${secure.url}/binary`);
  await electron.net.fetch(`${setup.server.url}/nowhere`, {
    method: 'PUT',
    body: Buffer.from([0, 1, 2, 255]),
  });
  await electron.fake.recording?.finish();
  await secure.close();
  const document = JSON.parse(fs.readFileSync(file(), 'utf8')) as unknown;
  expect(devToolsImportProblems(document)).toEqual([]);
  expect(
    devToolsImportProblems({ log: { version: '1.2', creator: {}, entries: [{ request: {} }] } }),
  ).not.toEqual([]);
});

it('keeps the old durations of entries whose traffic did not change', async () => {
  const ticking = (
    step: number,
  ): { now(): number; setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } => {
    let now = 0;
    return { now: () => (now += step), setTimeout, clearTimeout };
  };
  const record = async (step: number, page: string): Promise<{ time: number; url: string }[]> => {
    const electron = createElectronFake({
      env: {},
      clock: ticking(step) as never,
      recording: { mode: 'record', dir: setup.dir, name: 'stable' },
    });
    await (await electron.net.fetch(`${setup.server.url}/text`)).text();
    await (await electron.net.fetch(`${setup.server.url}/json?page=${page}`)).text();
    await electron.fake.recording?.finish();
    const har = JSON.parse(fs.readFileSync(file(), 'utf8')) as {
      log: { entries: { time: number; request: { url: string } }[] };
    };
    return har.log.entries.map((entry) => ({
      time: entry.time,
      url: entry.request.url.replace(setup.server.url, ''),
    }));
  };
  const first = await record(7, '1');
  expect(first.every((entry) => entry.time > 0)).toBe(true);
  const second = await record(3, '2');
  expect(second.find((entry) => entry.url === '/text')?.time).toBe(
    first.find((entry) => entry.url === '/text')?.time,
  );
  expect(second.find((entry) => entry.url === '/json?page=2')?.time).not.toBe(
    first.find((entry) => entry.url === '/json?page=1')?.time,
  );
});
