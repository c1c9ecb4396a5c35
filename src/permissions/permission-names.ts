import { HarnessError } from '../errors/harness-error';

/** The permission names of Electron 45's request and check handlers (its `.d.ts` union). */
export const permissionNames = [
  'ar',
  'automatic-fullscreen',
  'background-fetch',
  'background-sync',
  'captured-surface-control',
  'clipboard-read',
  'clipboard-sanitized-write',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'geolocation-approximate',
  'hand-tracking',
  'hid',
  'idle-detection',
  'keyboardLock',
  'local-fonts',
  'local-network',
  'local-network-access',
  'loopback-network',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'nfc',
  'notifications',
  'openExternal',
  'payment-handler',
  'periodic-background-sync',
  'persistent-storage',
  'pointerLock',
  'screen-wake-lock',
  'sensors',
  'serial',
  'smart-card',
  'speaker-selection',
  'storage-access',
  'system-wake-lock',
  'top-level-storage-access',
  'usb',
  'vr',
  'web-app-installation',
  'web-printing',
  'window-management',
  'unknown',
] as const;

export type PermissionName = (typeof permissionNames)[number];

const known = new Set<string>(permissionNames);

export function isPermissionName(value: unknown): value is PermissionName {
  return typeof value === 'string' && known.has(value);
}

/** Rejects a name Electron never passes to a handler (a typo in a test). */
export function permissionName(value: unknown, verb: string): PermissionName {
  if (isPermissionName(value)) return value;
  throw new HarnessError(
    'INVALID_OPTION',
    `Failed to ${verb} ${JSON.stringify(value)}: it is not a permission Electron 45 passes to its handlers. Use one of ${permissionNames.join(', ')}.`,
  );
}
