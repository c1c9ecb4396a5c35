import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createElectronFake } from '../../src/create-electron-fake';

it('is ready by default and whenReady resolves', async () => {
  const { app } = createElectronFake();
  expect(app.isReady()).toBe(true);
  await expect(app.whenReady()).resolves.toBeUndefined();
});

it('becomes ready on fake.ready(), emitting will-finish-launching then ready', async () => {
  const { app, fake } = createElectronFake({ ready: false });
  const events: string[] = [];
  app.on('will-finish-launching', () => events.push('will-finish-launching'));
  app.on('ready', (event: { preventDefault: unknown }, launchInfo: unknown) => {
    events.push('ready');
    expect(typeof event.preventDefault).toBe('function');
    expect(launchInfo).toEqual({});
  });
  let resolved = false;
  const ready = app.whenReady().then(() => {
    resolved = true;
  });
  await Promise.resolve();
  expect(app.isReady()).toBe(false);
  expect(resolved).toBe(false);
  fake.ready();
  expect(app.isReady()).toBe(true);
  await ready;
  expect(events).toEqual(['will-finish-launching', 'ready']);
  fake.ready();
  expect(events).toHaveLength(2);
});

it('reports the app name and version', () => {
  expect(createElectronFake().app.getName()).toBe('Electron');
  expect(createElectronFake().app.getVersion()).toBe('45.5.0');
  const { app } = createElectronFake({ name: 'Notes', version: '2.1.0' });
  expect(app.getName()).toBe('Notes');
  expect(app.getVersion()).toBe('2.1.0');
});

it('gives Linux-like default paths on the in-memory volume', () => {
  const { app } = createElectronFake({ name: 'Notes' });
  expect(app.getPath('home')).toBe('/home/user');
  expect(app.getPath('appData')).toBe('/home/user/.config');
  expect(app.getPath('userData')).toBe('/home/user/.config/Notes');
  expect(app.getPath('sessionData')).toBe('/home/user/.config/Notes');
  expect(app.getPath('temp')).toBe('/tmp');
  expect(app.getPath('downloads')).toBe('/home/user/Downloads');
  expect(app.getPath('logs')).toBe('/home/user/.config/Notes/logs');
});

it('throws Electron messages for unknown names and relative paths', () => {
  const { app } = createElectronFake();
  expect(() => app.getPath('nope')).toThrow(new Error("Failed to get 'nope' path"));
  expect(() => app.setPath('userData', 'relative')).toThrow(new Error('Path must be absolute'));
  expect(() => app.setPath('nope', '/x')).toThrow(new Error('Failed to set path'));
});

it('sets a path and creates its directory', () => {
  const { app, fake } = createElectronFake();
  app.setPath('downloads', '/data/dl');
  expect(app.getPath('downloads')).toBe('/data/dl');
  expect(fake.fs.statSync('/data/dl').isDirectory()).toBe(true);
});

it('lets sessionData follow a userData set before ready, and not one set after', () => {
  const { app, fake, session } = createElectronFake({ ready: false });
  app.setPath('userData', '/profiles/one');
  expect(app.getPath('sessionData')).toBe('/profiles/one');
  fake.ready();
  expect(session.defaultSession.storagePath).toBe('/profiles/one');
  app.setPath('userData', '/profiles/two');
  expect(app.getPath('sessionData')).toBe('/profiles/one');
});

it('keeps sessionData apart once it is set', () => {
  const { app, fake, session } = createElectronFake({ ready: false });
  app.setPath('sessionData', '/cache/sessions');
  app.setPath('userData', '/profiles/one');
  expect(app.getPath('sessionData')).toBe('/cache/sessions');
  fake.ready();
  expect(session.defaultSession.storagePath).toBe('/cache/sessions');
});

it('keeps every path under a real userDataPath', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esf-app-'));
  try {
    const userData = path.join(dir, 'Notes');
    const { app } = createElectronFake({ userDataPath: userData });
    expect(app.getPath('userData')).toBe(userData);
    expect(app.getPath('appData')).toBe(dir);
    expect(app.getPath('home')).toBe(path.join(userData, 'home'));
    expect(app.getPath('downloads')).toBe(path.join(userData, 'home', 'Downloads'));
    expect(fs.statSync(userData).isDirectory()).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it('refuses net before app is ready with the errors Electron throws', () => {
  const { net, fake } = createElectronFake({ ready: false });
  expect(() => net.request('https://example.com/')).toThrow(
    new Error('net module can only be used after app is ready'),
  );
  expect(() => net.fetch('https://example.com/')).toThrow(
    new TypeError('Session can only be received when app is ready'),
  );
  fake.ready();
  expect(() => net.request('https://example.com/')).not.toThrow();
});
