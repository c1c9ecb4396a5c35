// `electron` is mapped to src/electron.ts by jest.config.ts (moduleNameMapper),
// the way apps map it to electron-session-fake/electron.
// TypeScript sees Electron's own declarations for 'electron', which have no
// `fake`; the harness controls are imported from the same module by path.
import electron, { app, session, net, protocol, dialog, BrowserWindow, webContents } from 'electron';
import { fake } from '../../src/electron';

const fakeElectron = electron as unknown as Record<string, unknown>;

it('exports the main-process members by name and as the default export', () => {
  const named = { app, session, net, protocol, dialog, BrowserWindow, webContents, fake } as Record<
    string,
    unknown
  >;
  for (const [name, value] of Object.entries(named)) {
    expect(value).toBeDefined();
    expect(fakeElectron[name]).toBe(value);
  }
});

it('gives require("electron") the same objects', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const required = require('electron') as Record<string, unknown>;
  expect(required['session']).toBe(session);
  expect(required['default']).toBe(electron);
});

it('is ready, so app code can ask for sessions straight away', async () => {
  await app.whenReady();
  expect(session.defaultSession.isPersistent()).toBe(true);
});

it('exposes nothing beyond Electron names and fake', () => {
  expect(Object.keys(fakeElectron).sort()).toEqual(
    ['BrowserWindow', 'app', 'dialog', 'fake', 'net', 'protocol', 'session', 'webContents'].sort(),
  );
});
