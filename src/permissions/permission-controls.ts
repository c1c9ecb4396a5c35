import { HarnessError } from '../errors/harness-error';
import { WebContents } from '../web-contents/web-contents';
import type { Session } from '../session/session';
import { internalsOf, isSession, type SessionInternals } from '../session/session-internals';
import { serializeOrigin } from '../session/origin';
import { originUrl } from './origin';
import { permissionName, type PermissionName } from './permission-names';
import { checkDetails, requestDetails, type Details } from './permission-details';
import { requestPermissions } from './permission-request';
import { checkPermission } from './permission-check';
import {
  checkDevicePermission,
  grantDevicePermission,
  type DeviceCheck,
  type DeviceType,
} from './device-permission';
import {
  requestBluetoothPairing,
  type BluetoothPairingRequest,
  type BluetoothPairingResponse,
} from './bluetooth-pairing';
import { protectedUsbClasses } from './usb-protected-classes';

/**
 * What `fake` does on behalf of a page: the renderer-side triggers of the
 * session's permission, device and pairing handlers. Each validates the
 * test's arguments (a `HarnessError` for misuse) and hands over to the
 * module that reproduces Electron's decision.
 */

function liveWebContents(value: unknown, verb: string): WebContents {
  if (!(value instanceof WebContents)) {
    throw new HarnessError(
      'INVALID_OPTION',
      `Failed to ${verb}: the first argument is not a webContents of this fake. Pass a BrowserWindow's webContents.`,
    );
  }
  if (value.isDestroyed()) {
    throw new HarnessError(
      'INVALID_OPTION',
      `Failed to ${verb}: webContents ${value.id} is destroyed. A page of a closed window can ask for nothing.`,
    );
  }
  return value;
}

function detailsArgument(value: unknown, verb: string): Details {
  if (value === undefined) return {};
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { ...(value as Details) };
  throw new HarnessError('INVALID_OPTION', `Failed to ${verb}: details must be a plain object.`);
}

/** `fake.requestPermissions`: a page asks for several permissions in one request. */
export function simulatePermissionRequest(
  webContents: unknown,
  permissions: readonly unknown[],
  details: unknown,
): Promise<boolean[]> {
  const verb = 'request a permission';
  const target = liveWebContents(webContents, verb);
  const names = permissions.map((permission) => permissionName(permission, 'request'));
  const given = detailsArgument(details, verb);
  const [first] = names;
  return requestPermissions({
    internals: internalsOf(target.session),
    webContents: target,
    permissions: names,
    details: first === undefined ? given : requestDetails(first, target.getURL(), given),
  });
}

/** `fake.checkPermission`: a page (or, with a session or null, an origin) queries a permission. */
export function simulatePermissionCheck(
  target: unknown,
  permission: unknown,
  requestingOrigin: unknown,
  details: unknown,
  defaultSession: () => Session,
): boolean {
  const verb = 'check a permission';
  const name: PermissionName = permissionName(permission, 'check');
  if (typeof requestingOrigin !== 'string' || !URL.canParse(requestingOrigin)) {
    throw new HarnessError(
      'INVALID_OPTION',
      `Failed to ${verb}: requestingOrigin ${JSON.stringify(requestingOrigin)} is not a URL. Pass the origin that asks, such as 'https://app.test'.`,
    );
  }
  const webContents = target === null || isSession(target) ? null : liveWebContents(target, verb);
  const session = webContents?.session ?? (target === null ? defaultSession() : (target as Session));
  // The handler gets the requesting frame's origin as a URL, never a page's path.
  const origin = originUrl(requestingOrigin);
  return checkPermission({
    internals: internalsOf(session),
    webContents,
    permission: name,
    requestingOrigin: origin,
    details: checkDetails(name, webContents?.getURL() ?? null, origin, detailsArgument(details, verb)),
  });
}

function sessionOf(target: unknown, verb: string): SessionInternals {
  if (isSession(target)) return internalsOf(target);
  return internalsOf(liveWebContents(target, verb).session);
}

const deviceTypes: readonly DeviceType[] = ['hid', 'serial', 'usb'];

function deviceCheck(value: unknown, verb: string): DeviceCheck {
  const input = detailsArgument(value, verb);
  const { deviceType, origin, device } = input;
  if (!deviceTypes.includes(deviceType as DeviceType)) {
    throw new HarnessError(
      'INVALID_OPTION',
      `Failed to ${verb}: deviceType must be 'hid', 'serial' or 'usb'.`,
    );
  }
  if (typeof origin !== 'string' || serializeOrigin(origin) === undefined) {
    throw new HarnessError(
      'INVALID_OPTION',
      `Failed to ${verb}: origin must be the page's origin, such as 'https://app.test'.`,
    );
  }
  if (typeof device !== 'object' || device === null) {
    throw new HarnessError(
      'INVALID_OPTION',
      `Failed to ${verb}: device must be the device object (HIDDevice, SerialPort or USBDevice).`,
    );
  }
  return {
    deviceType: deviceType as DeviceType,
    origin: serializeOrigin(origin) as string,
    device: device as Record<string, unknown>,
  };
}

/** `fake.checkDevicePermission`: WebHID, Web Serial or WebUSB asks whether a device is allowed. */
export function simulateDeviceCheck(target: unknown, check: unknown): boolean {
  const verb = 'check a device permission';
  return checkDevicePermission(sessionOf(target, verb), deviceCheck(check, verb));
}

/** `fake.grantDevicePermission`: the user picked the device in a chooser. */
export function simulateDeviceGrant(target: unknown, check: unknown): void {
  const verb = 'grant a device permission';
  grantDevicePermission(sessionOf(target, verb), deviceCheck(check, verb));
}

/** `fake.requestBluetoothPairing`: Web Bluetooth pairing that needs the user's confirmation or PIN. */
export function simulateBluetoothPairing(
  webContents: unknown,
  request: BluetoothPairingRequest,
): Promise<BluetoothPairingResponse> {
  const target = liveWebContents(webContents, 'pair a Bluetooth device');
  return requestBluetoothPairing(internalsOf(target.session), target.id, request);
}

/** `fake.usbProtectedClasses`: the USB classes WebUSB may not claim in this session. */
export function simulateUsbProtectedClasses(target: unknown): string[] {
  return protectedUsbClasses(sessionOf(target, 'read the protected USB classes'));
}
