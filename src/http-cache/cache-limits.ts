import os from 'node:os';
import { HarnessError } from '../errors/harness-error';

const mebibyte = 1024 * 1024;

/**
 * `MemBackendImpl::Init`: 2 % of the machine's memory, at most 50 MiB
 * (reached from 2.5 GiB of RAM up), 10 MiB when the amount is unknown.
 */
function memoryBackendDefault(): number {
  const total = os.totalmem();
  if (total <= 0) return 10 * mebibyte;
  return Math.min(Math.floor((total * 2) / 100), 50 * mebibyte);
}

// Chromium's disk cache size without `--disk-cache-size`, for a disk with room to spare.
const diskBackendDefault = 80 * mebibyte;

function limit(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 2 ** 31 - 1) return value;
  throw new HarnessError(
    'INVALID_OPTION',
    `Failed to create the fake: ${name} must be a whole number of bytes from 1 to 2147483647, not ${String(value)}. Leave it out for Chromium's default.`,
  );
}

/** Reads `createElectronFake({ memoryCacheSize, diskCacheSize })`. */
export function cacheLimits(options: { memoryCacheSize?: unknown; diskCacheSize?: unknown }): {
  memoryCacheSize: number;
  diskCacheSize: number;
} {
  return {
    memoryCacheSize: limit(options.memoryCacheSize, 'memoryCacheSize', memoryBackendDefault()),
    diskCacheSize: limit(options.diskCacheSize, 'diskCacheSize', diskBackendDefault),
  };
}
