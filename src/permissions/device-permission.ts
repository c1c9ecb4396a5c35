import type { SessionInternals } from '../session/session-internals';
import { decisionLogOf } from '../decisions/decision-log';
import { perObject } from '../runtime/per-object';

export type DeviceType = 'hid' | 'serial' | 'usb';

/** A device check as `setDevicePermissionHandler` receives it; `origin` has no trailing slash. */
export interface DeviceCheck {
  readonly deviceType: DeviceType;
  readonly origin: string;
  readonly device: Readonly<Record<string, unknown>>;
}

const grantsOf = perObject(() => new Map<string, Readonly<Record<string, unknown>>[]>());

const grantKey = (check: DeviceCheck): string => `${check.deviceType} ${check.origin}`;

/**
 * `ElectronBrowserContext::DoesDeviceMatch` (Linux): a HID device matches on
 * vendor and product id and an equal serial number (none: no match); a
 * serial port on vendor and product id unless both serial numbers differ;
 * USB grants never match here.
 */
export function isSameDevice(
  deviceType: DeviceType,
  device: Readonly<Record<string, unknown>>,
  granted: Readonly<Record<string, unknown>>,
): boolean {
  if (deviceType === 'usb') return false;
  if (device['vendorId'] !== granted['vendorId'] || device['productId'] !== granted['productId'])
    return false;
  const serial = device['serialNumber'];
  const grantedSerial = granted['serialNumber'];
  const bothSerials = typeof serial === 'string' && typeof grantedSerial === 'string';
  if (deviceType === 'hid') return bothSerials && serial === grantedSerial;
  return !bothSerials || serial === grantedSerial;
}

/**
 * `ElectronPermissionManager::CheckDevicePermission`: the handler decides
 * (`{ deviceType, origin, device }`, truthiness); without one, the grants
 * made when the user picked the device in a chooser.
 */
export function checkDevicePermission(internals: SessionInternals, check: DeviceCheck): boolean {
  const handler = internals.devicePermissionHandler;
  const granted =
    handler === null
      ? (grantsOf(internals).get(grantKey(check)) ?? []).some((device) =>
          isSameDevice(check.deviceType, check.device, device),
        )
      : Boolean(
          (handler as (details: unknown) => unknown)({
            deviceType: check.deviceType,
            origin: check.origin,
            device: structuredClone(check.device),
          }),
        );
  decisionLogOf(internals.runtime).record({
    kind: 'device-permission',
    partition: internals.partition,
    webContentsId: null,
    deviceType: check.deviceType,
    origin: check.origin,
    decision: granted ? 'granted' : 'denied',
    madeBy: handler === null ? 'default' : 'handler',
    details: { device: check.device },
  });
  return granted;
}

/** A chooser selection: stored only while no device permission handler is set (the handler is then the only source). */
export function grantDevicePermission(internals: SessionInternals, check: DeviceCheck): void {
  if (internals.devicePermissionHandler !== null) return;
  const grants = grantsOf(internals);
  grants.set(grantKey(check), [...(grants.get(grantKey(check)) ?? []), structuredClone(check.device)]);
}
