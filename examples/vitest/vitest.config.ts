import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// In an app: alias both to the installed package instead,
//   electron: 'electron-session-fake/electron'
// This example runs from the repository, so it points at the sources.
const fakeElectron = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/electron.ts');
const fakeJest = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/jest/index.ts');

export default defineConfig({
  resolve: {
    alias: [
      { find: /^electron$/, replacement: fakeElectron },
      { find: /^electron-session-fake\/electron$/, replacement: fakeElectron },
      { find: /^electron-session-fake\/jest$/, replacement: fakeJest },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
