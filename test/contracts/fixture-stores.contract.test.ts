import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileFixtureStore } from '../../src/fixtures/file-fixture-store';
import { MemoryFixtureStore } from '../../src/fixtures/memory-fixture-store';
import { fixtureStoreContract } from './fixture-store-contract';

fixtureStoreContract('file store', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esf-store-'));
  return {
    store: new FileFixtureStore(dir),
    close: async () => {
      // Nothing may be left behind: no temporary files, no locks.
      const leftovers = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) =>
        /\.(tmp|lock)$/.test(f),
      );
      fs.rmSync(dir, { recursive: true, force: true });
      expect(leftovers).toEqual([]);
    },
  };
});

fixtureStoreContract('memory store', async () => ({
  store: new MemoryFixtureStore(),
  close: async () => undefined,
}));
