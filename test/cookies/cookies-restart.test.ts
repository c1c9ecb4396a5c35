import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake, type ElectronFake } from '../../src/create-electron-fake';
import { start } from './cookies-fixture';

const url = 'http://foo.bar';

/** Electron's spec fixture `cookie-app/main.js` (no flushStore before app.quit()), printing its get counts. */
async function runCookieApp(electron: ElectronFake, phase: 'one' | 'two'): Promise<string> {
  const cookies = electron.session.fromPartition('persist:ence-test').cookies;
  const name = 'test';
  const count = async (): Promise<number> => (await cookies.get({ url })).length;
  if (phase === 'one') await cookies.remove(url, name);
  const one = await count();
  // The fixture passes Date.now() (milliseconds) as seconds: a far-future expiry, capped at 400 days.
  await cookies.set({ url, name, value: 'true', expirationDate: electron.fake.clock.now() + 60000 });
  const two = await count();
  if (phase === 'two') await cookies.remove(url, name);
  const three = await count();
  return `${one}${two}${three}`;
}

it('survives fake.restart() for a persistent partition without flushStore (spec "011" then "110")', async () => {
  const first = createElectronFake({ clock: createClock(start) });
  expect(await runCookieApp(first, 'one')).toBe('011');
  expect(await runCookieApp(first.fake.restart(), 'two')).toBe('110');
});

it('writes unflushed cookies on the clean quit of fake.restart(), keeping only persistent ones', async () => {
  const first = createElectronFake({ clock: createClock(start) });
  const ses = first.session.fromPartition('persist:main');
  const expirationDate = start / 1000 + 3600;
  await ses.cookies.set({ url, name: 'kept', value: '1', expirationDate });
  await ses.cookies.set({ url, name: 'session', value: '1' });
  const file = `${ses.storagePath}/Cookies`;
  expect(first.fake.fs.existsSync(file)).toBe(false);
  const second = first.fake.restart();
  expect(second.fake.fs.existsSync(file)).toBe(true);
  const reloaded = await second.session.fromPartition('persist:main').cookies.get({});
  expect(reloaded.map((c) => c.name)).toEqual(['kept']);
});

it('puts a cookie on disk 30 s of the injected clock after it was set, without quitting', async () => {
  const clock = createClock(start);
  const { session, fake } = createElectronFake({ clock });
  const ses = session.fromPartition('persist:main');
  await ses.cookies.set({ url, name: 'a', value: '1', expirationDate: start / 1000 + 3600 });
  const file = `${ses.storagePath}/Cookies`;
  clock.tick(29_999);
  expect(fake.fs.existsSync(file)).toBe(false);
  clock.tick(1);
  expect(fake.fs.readFileSync(file, 'utf8')).toContain('"name":"a"');
});

it('keeps the jar of an old session in memory after a restart, without writing over the new one', async () => {
  const first = createElectronFake({ clock: createClock(start) });
  const old = first.session.fromPartition('persist:main');
  const expirationDate = start / 1000 + 3600;
  await old.cookies.set({ url, name: 'before', value: '1', expirationDate });
  const second = first.fake.restart();
  await old.cookies.set({ url, name: 'after', value: '1', expirationDate });
  await old.cookies.flushStore();
  expect((await old.cookies.get({})).map((c) => c.name)).toEqual(['before', 'after']);
  const reloaded = await second.session.fromPartition('persist:main').cookies.get({});
  expect(reloaded.map((c) => c.name)).toEqual(['before']);
});

it('never writes the cookies of an in-memory partition', async () => {
  const first = createElectronFake({ clock: createClock(start) });
  const ses = first.session.fromPartition('in-memory');
  await ses.cookies.set({ url, name: 'a', value: '1', expirationDate: start / 1000 + 3600 });
  const second = first.fake.restart();
  expect(await second.session.fromPartition('in-memory').cookies.get({})).toEqual([]);
});
