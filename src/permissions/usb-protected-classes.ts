import type { SessionInternals } from '../session/session-internals';

/** Chromium's default protected USB interface classes, in its order, as Electron names them. */
export const defaultProtectedClasses = [
  'audio',
  'hid',
  'mass-storage',
  'smart-card',
  'video',
  'audio-video',
  'wireless',
] as const;

const known = new Set<string>(defaultProtectedClasses);

/**
 * `ElectronPermissionManager::CheckProtectedUSBClasses`: the classes WebUSB
 * may not claim. The handler gets `{ protectedClasses }` and returns the list
 * to use; names Electron does not know are dropped, and a value that is not an
 * array of strings fails gin's conversion, leaving the list empty.
 */
export function protectedUsbClasses(internals: SessionInternals): string[] {
  const handler = internals.usbProtectedClassesHandler;
  if (handler === null) return [...defaultProtectedClasses];
  const result: unknown = (handler as (details: unknown) => unknown)({
    protectedClasses: [...defaultProtectedClasses],
  });
  if (!Array.isArray(result) || !result.every((item): item is string => typeof item === 'string')) return [];
  return result.filter((name) => known.has(name));
}
