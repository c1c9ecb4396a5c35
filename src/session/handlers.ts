/**
 * The permission, device and certificate handlers a session stores. Electron
 * validates each setter the same way: `null` clears the handler, a function
 * sets it, anything else throws `TypeError: Must pass null or function`
 * (the display-media one has its own text). The certificate and permission
 * issue makes them decide; here they are stored on the session internals.
 */

/** The `Must pass null or function` setters and the internals field each writes. */
export const handlerSetters = {
  setCertificateVerifyProc: 'certificateVerifyProc',
  setPermissionRequestHandler: 'permissionRequestHandler',
  setPermissionCheckHandler: 'permissionCheckHandler',
  setDevicePermissionHandler: 'devicePermissionHandler',
  setUSBProtectedClassesHandler: 'usbProtectedClassesHandler',
  setBluetoothPairingHandler: 'bluetoothPairingHandler',
} as const;

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any JS function is accepted, as in Electron
export type AnyFunction = Function;

/**
 * Converts a handler argument: `null` → `null`, a function → itself.
 * A missing argument or `undefined` is neither and throws like Electron.
 */
export function handlerArgument(value: unknown, message = 'Must pass null or function'): AnyFunction | null {
  if (value === null) return null;
  if (typeof value === 'function') return value;
  throw new TypeError(message);
}

/** `setDisplayMediaRequestHandler`'s own text. */
export const displayMediaHandlerMessage = 'Display media request handler must be null or a function';
