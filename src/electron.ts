/**
 * `electron-session-fake/electron`: one default fake, shaped like
 * `require('electron')` in the main process. Map the `electron` module to it
 * and unmodified app code runs against the fake:
 *
 * - Jest: `moduleNameMapper: { '^electron$': 'electron-session-fake/electron' }`
 * - Vitest: `resolve: { alias: { electron: 'electron-session-fake/electron' } }`
 *
 * Each test file gets its own instance (Jest and Vitest isolate modules per
 * file); within a file, tests share it. Use `createElectronFake()` from the
 * package root for one fake per test.
 */
import { createElectronFake, type ElectronFake } from './create-electron-fake';

const electron: ElectronFake = createElectronFake();

export const { app, session, net, protocol, dialog, BrowserWindow, webContents, fake } = electron;
export default electron;
