import { createElectronFake } from '../../src/create-electron-fake';
import { permissionNames } from '../../src/permissions/permission-names';

function pageAt(url: string, partition = 'permissions') {
  const electron = createElectronFake({
    transport: () => new Response('<title>page</title>', { headers: { 'content-type': 'text/html' } }),
  });
  const window = new electron.BrowserWindow({ webPreferences: { partition } });
  return { ...electron, window, ses: electron.session.fromPartition(partition), loaded: window.loadURL(url) };
}

type Callback = (granted: unknown) => void;

it('without a request handler every permission is granted', async () => {
  const { fake, window, loaded } = pageAt('https://app.test/');
  await loaded;
  const results = await Promise.all(
    permissionNames.map((name) => fake.requestPermission(window.webContents, name)),
  );
  expect(results.every((granted) => granted)).toBe(true);
});

it('the handler gets the webContents, the permission, a callback and the details Electron fills in', async () => {
  const { fake, window, ses, loaded } = pageAt('https://app.test/notes?id=1');
  await loaded;
  const calls: unknown[][] = [];
  ses.setPermissionRequestHandler((...args: unknown[]) => {
    calls.push(args);
    (args[2] as Callback)(true);
  });
  expect(await fake.requestPermission(window.webContents, 'notifications')).toBe(true);
  const [webContents, permission, callback, details] = calls[0] ?? [];
  expect(webContents).toBe(window.webContents);
  expect(permission).toBe('notifications');
  expect(typeof callback).toBe('function');
  expect(details).toEqual({ isMainFrame: true, requestingUrl: 'https://app.test/notes?id=1' });
});

it('a media request carries mediaTypes and the securityOrigin, keys sorted as Electron builds them', async () => {
  const { fake, window, ses, loaded } = pageAt('https://app.test/call');
  await loaded;
  const seen: Record<string, unknown>[] = [];
  ses.setPermissionRequestHandler(
    (_wc: unknown, _permission: string, callback: Callback, details: unknown) => {
      seen.push(details as Record<string, unknown>);
      callback(true);
    },
  );
  await fake.requestPermission(window.webContents, 'media');
  await fake.requestPermission(window.webContents, 'media', { mediaTypes: ['video'] });
  expect(Object.keys(seen[0] ?? {})).toEqual([
    'isMainFrame',
    'mediaTypes',
    'requestingUrl',
    'securityOrigin',
  ]);
  expect(seen[0]).toEqual({
    isMainFrame: true,
    mediaTypes: ['audio', 'video'],
    requestingUrl: 'https://app.test/call',
    securityOrigin: 'https://app.test/',
  });
  expect(seen[1]?.['mediaTypes']).toEqual(['video']);
});

it('openExternal and fileSystem requests carry what the test gives', async () => {
  const { fake, window, ses, loaded } = pageAt('https://app.test/editor');
  await loaded;
  const seen: unknown[] = [];
  ses.setPermissionRequestHandler(
    (_wc: unknown, _permission: string, callback: Callback, details: unknown) => {
      seen.push(details);
      callback(false);
    },
  );
  await fake.requestPermission(window.webContents, 'openExternal', { externalURL: 'magnet:sandbox-test' });
  await fake.requestPermission(window.webContents, 'fileSystem', { filePath: '/tmp/notes.txt' });
  expect(seen).toEqual([
    { externalURL: 'magnet:sandbox-test', isMainFrame: true, requestingUrl: 'https://app.test/editor' },
    {
      fileAccessType: 'readable',
      filePath: '/tmp/notes.txt',
      isDirectory: false,
      isMainFrame: true,
      requestingUrl: 'https://app.test/editor',
    },
  ]);
});

it('callback converts its argument like gin converts a bool: truthiness', async () => {
  const { fake, window, ses, loaded } = pageAt('https://app.test/');
  await loaded;
  const answers: unknown[] = ['yes', 0, undefined, {}];
  ses.setPermissionRequestHandler((_wc: unknown, _permission: string, callback: Callback) =>
    callback(answers.shift()),
  );
  const results = [];
  for (let i = 0; i < 4; i++) results.push(await fake.requestPermission(window.webContents, 'midi'));
  expect(results).toEqual([true, false, false, true]);
});

it('a multi-permission request calls the handler once per permission, in order, and waits for every answer', async () => {
  const { fake, window, ses, loaded } = pageAt('https://app.test/');
  await loaded;
  const asked: string[] = [];
  const callbacks: Callback[] = [];
  ses.setPermissionRequestHandler((_wc: unknown, permission: string, callback: Callback) => {
    asked.push(permission);
    callbacks.push(callback);
  });
  let settled = false;
  const request = fake
    .requestPermissions(window.webContents, ['geolocation', 'notifications', 'midi'])
    .finally(() => (settled = true));
  expect(asked).toEqual(['geolocation', 'notifications', 'midi']);
  callbacks[2]?.(true);
  callbacks[0]?.(true);
  await Promise.resolve();
  expect(settled).toBe(false);
  callbacks[1]?.(false);
  expect(await request).toEqual([true, false, true]);
});

it('clearing the request handler completes pending requests, unanswered permissions denied', async () => {
  const { fake, window, ses, loaded } = pageAt('https://app.test/');
  await loaded;
  const callbacks: Callback[] = [];
  ses.setPermissionRequestHandler((_wc: unknown, _permission: string, callback: Callback) =>
    callbacks.push(callback),
  );
  const single = fake.requestPermission(window.webContents, 'midiSysex');
  const multi = fake.requestPermissions(window.webContents, ['clipboard-read', 'pointerLock']);
  callbacks[1]?.(true);
  ses.setPermissionRequestHandler(null);
  expect(await single).toBe(false);
  expect(await multi).toEqual([true, false]);
  callbacks[2]?.(true);
  expect(await fake.requestPermission(window.webContents, 'midiSysex')).toBe(true);
});

it('a handler that clears itself denies the request it was asked, as the Electron spec shows', async () => {
  const { fake, window, ses, loaded } = pageAt('https://app.test/');
  await loaded;
  ses.setPermissionRequestHandler(() => ses.setPermissionRequestHandler(null));
  expect(await fake.requestPermission(window.webContents, 'midiSysex')).toBe(false);
});

it('an answer after the request completed is ignored, and so is a second answer', async () => {
  const { fake, window, ses, loaded } = pageAt('https://app.test/');
  await loaded;
  ses.setPermissionRequestHandler((_wc: unknown, _permission: string, callback: Callback) => {
    callback(false);
    callback(true);
  });
  expect(await fake.requestPermission(window.webContents, 'notifications')).toBe(false);
});

it('an empty request completes at once without calling the handler', async () => {
  const { fake, window, ses, loaded } = pageAt('https://app.test/');
  await loaded;
  const handler = jest.fn();
  ses.setPermissionRequestHandler(handler);
  expect(await fake.requestPermissions(window.webContents, [])).toEqual([]);
  expect(handler).not.toHaveBeenCalled();
});

it('an unknown permission name or a foreign webContents is a HarnessError', async () => {
  const { fake, window, loaded } = pageAt('https://app.test/');
  await loaded;
  expect(() => fake.requestPermission(window.webContents, 'camera' as never)).toThrow(
    /Failed to request "camera": it is not a permission Electron 45 passes to its handlers/,
  );
  expect(() => fake.requestPermission({ id: 1 } as never, 'media')).toThrow(
    /Failed to request a permission: the first argument is not a webContents of this fake/,
  );
});
