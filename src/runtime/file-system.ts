import type * as nodeFs from 'node:fs';
import { Volume, createFsFromVolume } from 'memfs';

/** The node:fs-compatible module the fake writes to: a memfs volume or the real `fs`. */
export type FakeFileSystem = typeof nodeFs;

export function createMemoryFileSystem(): FakeFileSystem {
  return createFsFromVolume(new Volume()) as unknown as FakeFileSystem;
}
