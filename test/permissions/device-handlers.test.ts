import { createElectronFake } from '../../src/create-electron-fake';
import { isSameDevice } from '../../src/permissions/device-permission';

function fakeWithPage() {
  const electron = createElectronFake({ transport: () => new Response('') });
  const window = new electron.BrowserWindow({ webPreferences: { partition: 'devices' } });
  return { ...electron, window, ses: electron.session.fromPartition('devices') };
}

const keyboard = {
  deviceId: 'hid-1',
  name: 'Keyboard',
  vendorId: 0x1234,
  productId: 0x5678,
  serialNumber: 'K1',
};

it('without a device handler a device is allowed only after the user picked it in a chooser', () => {
  const { fake, ses } = fakeWithPage();
  const check = { deviceType: 'hid' as const, origin: 'https://app.test', device: keyboard };
  expect(fake.checkDevicePermission(ses, check)).toBe(false);
  fake.grantDevicePermission(ses, check);
  expect(fake.checkDevicePermission(ses, check)).toBe(true);
  expect(fake.checkDevicePermission(ses, { ...check, origin: 'https://other.test' })).toBe(false);
});

it('the device handler gets deviceType, the origin without a trailing slash and the device', () => {
  const { fake, window, ses } = fakeWithPage();
  const seen: unknown[] = [];
  ses.setDevicePermissionHandler((details: { origin: string }) => {
    seen.push(details);
    return details.origin === 'https://app.test';
  });
  expect(
    fake.checkDevicePermission(window.webContents, {
      deviceType: 'serial',
      origin: 'https://app.test/',
      device: { portId: 'p1' },
    }),
  ).toBe(true);
  expect(seen).toEqual([{ deviceType: 'serial', origin: 'https://app.test', device: { portId: 'p1' } }]);
});

it('with a device handler set, chooser selections are not stored', () => {
  const { fake, ses } = fakeWithPage();
  const check = { deviceType: 'hid' as const, origin: 'https://app.test', device: keyboard };
  ses.setDevicePermissionHandler(() => false);
  fake.grantDevicePermission(ses, check);
  ses.setDevicePermissionHandler(null);
  expect(fake.checkDevicePermission(ses, check)).toBe(false);
});

it('stored grants match devices the way Electron compares them on Linux', () => {
  expect(isSameDevice('hid', keyboard, { ...keyboard, deviceId: 'other' })).toBe(true);
  expect(
    isSameDevice('hid', { ...keyboard, serialNumber: undefined }, { ...keyboard, serialNumber: undefined }),
  ).toBe(false);
  expect(
    isSameDevice('serial', { vendorId: 1, productId: 2 }, { vendorId: 1, productId: 2, serialNumber: 'S' }),
  ).toBe(true);
  expect(
    isSameDevice(
      'serial',
      { vendorId: 1, productId: 2, serialNumber: 'A' },
      { vendorId: 1, productId: 2, serialNumber: 'B' },
    ),
  ).toBe(false);
  expect(isSameDevice('usb', keyboard, keyboard)).toBe(false);
});

it('Bluetooth pairing is cancelled without a handler, and the handler answers through its callback', async () => {
  const { fake, window, ses } = fakeWithPage();
  expect(
    await fake.requestBluetoothPairing(window.webContents, { deviceId: 'bt', pairingKind: 'confirm' }),
  ).toEqual({
    confirmed: false,
  });
  const seen: unknown[] = [];
  ses.setBluetoothPairingHandler((details: unknown, callback: (response: object) => void) => {
    seen.push(details);
    callback({ confirmed: true, pin: '123456' });
  });
  expect(
    await fake.requestBluetoothPairing(window.webContents, { deviceId: 'bt', pairingKind: 'providePin' }),
  ).toEqual({ confirmed: true, pin: '123456' });
  expect(seen).toEqual([{ deviceId: 'bt', pairingKind: 'providePin', frame: null }]);
});

it("protected USB classes are Chromium's list unless the handler returns another", () => {
  const { fake, ses } = fakeWithPage();
  expect(fake.usbProtectedClasses(ses)).toEqual([
    'audio',
    'hid',
    'mass-storage',
    'smart-card',
    'video',
    'audio-video',
    'wireless',
  ]);
  const seen: unknown[] = [];
  ses.setUSBProtectedClassesHandler((details: { protectedClasses: string[] }) => {
    seen.push(details);
    return details.protectedClasses.filter((name: string) => name !== 'hid').concat('not-a-class');
  });
  expect(fake.usbProtectedClasses(ses)).toEqual([
    'audio',
    'mass-storage',
    'smart-card',
    'video',
    'audio-video',
    'wireless',
  ]);
  expect(seen).toEqual([
    { protectedClasses: ['audio', 'hid', 'mass-storage', 'smart-card', 'video', 'audio-video', 'wireless'] },
  ]);
  ses.setUSBProtectedClassesHandler(() => 'none' as never);
  expect(fake.usbProtectedClasses(ses)).toEqual([]);
});

it('device checks with a bad deviceType or origin are HarnessErrors', () => {
  const { fake, ses } = fakeWithPage();
  expect(() =>
    fake.checkDevicePermission(ses, {
      deviceType: 'bluetooth' as never,
      origin: 'https://a.test',
      device: {},
    }),
  ).toThrow("Failed to check a device permission: deviceType must be 'hid', 'serial' or 'usb'.");
  expect(() => fake.checkDevicePermission(ses, { deviceType: 'hid', origin: 'data:,x', device: {} })).toThrow(
    /origin must be the page's origin/,
  );
});
