import type * as nodeFs from 'node:fs';
import type * as Memfs from 'memfs';

/** The node:fs-compatible module the fake writes to: a memfs volume or the real `fs`. */
export type FakeFileSystem = typeof nodeFs;

/**
 * A memfs volume (holding `dir` when given), made on first use: loading memfs is about a
 * third of the fake's start-up, and most tests never touch a file.
 */
export function createMemoryFileSystem(dir?: string): FakeFileSystem {
  let volume: FakeFileSystem | undefined;
  const open = (): FakeFileSystem => {
    if (volume !== undefined) return volume;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Volume, createFsFromVolume } = require('memfs') as typeof Memfs;
    volume = createFsFromVolume(new Volume()) as unknown as FakeFileSystem;
    if (dir !== undefined) volume.mkdirSync(dir, { recursive: true });
    return volume;
  };
  return new Proxy({} as FakeFileSystem, {
    get: (_target, key) => Reflect.get(open(), key) as unknown,
    has: (_target, key) => Reflect.has(open(), key),
  });
}
