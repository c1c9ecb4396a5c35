import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createElectronFake } from '../../src/create-electron-fake';

it('reloads persistent storage, prefs and words after a restart', () => {
  const first = createElectronFake();
  const ses = first.session.fromPartition('persist:main');
  first.fake.storage(ses).set('https://notes.test', 'localStorage', 'token', 'abc');
  ses.setSpellCheckerLanguages(['fr']);
  ses.addWordToSpellCheckerDictionary('electron');
  ses.setDownloadPath('/data/downloads');

  const second = first.fake.restart();
  const again = second.session.fromPartition('persist:main');
  expect(again).not.toBe(ses);
  expect(second.fake.storage(again).get('https://notes.test', 'localStorage', 'token')).toBe('abc');
  expect(again.getSpellCheckerLanguages()).toEqual(['fr']);
  expect(again.isSpellCheckerEnabled()).toBe(true);
  expect(second.fake.inspect(again).downloadPath).toBe('/data/downloads');
  expect(second.fake.fs).toBe(first.fake.fs);
});

it('starts in-memory partitions empty after a restart', () => {
  const first = createElectronFake();
  const ses = first.session.fromPartition('scratch');
  first.fake.storage(ses).set('https://notes.test', 'localStorage', 'token', 'abc');
  const second = first.fake.restart();
  expect(second.fake.storage(second.session.fromPartition('scratch')).snapshot()).toEqual({});
});

it('does not reload extensions or preload scripts after a restart', async () => {
  const first = createElectronFake();
  first.fake.fs.mkdirSync('/ext/a', { recursive: true });
  first.fake.fs.writeFileSync(
    '/ext/a/manifest.json',
    JSON.stringify({ manifest_version: 3, name: 'A', version: '1' }),
  );
  await first.session.defaultSession.extensions.loadExtension('/ext/a');
  first.session.defaultSession.registerPreloadScript({ type: 'frame', filePath: '/p.js' });
  const second = first.fake.restart();
  expect(second.session.defaultSession.extensions.getAllExtensions()).toEqual([]);
  expect(second.session.defaultSession.getPreloadScripts()).toEqual([]);
});

it('refuses a second restart of the same fake', () => {
  const first = createElectronFake();
  first.fake.restart();
  expect(() => first.fake.restart()).toThrow(/^Failed to restart the fake: it was already restarted\./);
});

it('keeps sessions in a real directory when given userDataPath', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esf-'));
  try {
    const userData = path.join(dir, 'Notes');
    const first = createElectronFake({ userDataPath: userData });
    expect(first.app.getPath('userData')).toBe(userData);
    const ses = first.session.fromPartition('persist:main');
    expect(ses.storagePath).toBe(path.join(userData, 'Partitions', 'main'));
    first.fake.storage(ses).set('https://notes.test', 'localStorage', 'k', 'v');
    ses.flushStorageData();
    expect(fs.existsSync(path.join(userData, 'Partitions', 'main', 'Fake Storage.json'))).toBe(true);
    const second = first.fake.restart();
    expect(
      second.fake
        .storage(second.session.fromPartition('persist:main'))
        .get('https://notes.test', 'localStorage', 'k'),
    ).toBe('v');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it('reloads persistent cookies after a restart, but not session cookies', async () => {
  const first = createElectronFake();
  const ses = first.session.fromPartition('persist:main');
  const expirationDate = first.fake.clock.now() / 1000 + 3600;
  await ses.cookies.set({ url: 'https://notes.test', name: 'kept', value: '1', expirationDate });
  await ses.cookies.set({ url: 'https://notes.test', name: 'session', value: '2' });
  const second = first.fake.restart();
  const cookies = await second.session.fromPartition('persist:main').cookies.get({});
  expect(cookies.map((cookie) => cookie.name)).toEqual(['kept']);
});
