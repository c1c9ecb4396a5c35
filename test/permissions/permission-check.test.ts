import { createElectronFake } from '../../src/create-electron-fake';
import { permissionNames } from '../../src/permissions/permission-names';

function pageAt(url: string, partition = 'checks') {
  const electron = createElectronFake({ transport: () => new Response('<title>page</title>') });
  const window = new electron.BrowserWindow({ webPreferences: { partition } });
  return { ...electron, window, ses: electron.session.fromPartition(partition), loaded: window.loadURL(url) };
}

it('without a check handler every permission is allowed but deprecated-sync-clipboard-read', async () => {
  const { fake, window, loaded } = pageAt('https://app.test/');
  await loaded;
  const denied = permissionNames.filter(
    (name) => !fake.checkPermission(window.webContents, name, 'https://app.test'),
  );
  expect(denied).toEqual(['deprecated-sync-clipboard-read']);
  expect(fake.checkPermission(null, 'deprecated-sync-clipboard-read', 'https://app.test')).toBe(false);
});

it('a frame check passes the webContents, the origin as a URL, requestingUrl, isMainFrame and embeddingOrigin', async () => {
  const { fake, window, ses, loaded } = pageAt('https://myfakesite/page');
  await loaded;
  const calls: unknown[][] = [];
  ses.setPermissionCheckHandler((...args: unknown[]) => {
    calls.push(args);
    return true;
  });
  expect(fake.checkPermission(window.webContents, 'clipboard-read', 'https://myfakesite')).toBe(true);
  expect(calls[0]).toEqual([
    window.webContents,
    'clipboard-read',
    'https://myfakesite/',
    { embeddingOrigin: 'https://myfakesite/', isMainFrame: true, requestingUrl: 'https://myfakesite/page' },
  ]);
});

it('an origin-only check on a session gives the handler no webContents and no requestingUrl', () => {
  const { fake, ses } = pageAt('https://app.test/');
  const calls: unknown[][] = [];
  ses.setPermissionCheckHandler((...args: unknown[]) => {
    calls.push(args);
    return false;
  });
  expect(fake.checkPermission(ses, 'notifications', 'https://app.test')).toBe(false);
  expect(calls[0]).toEqual([
    null,
    'notifications',
    'https://app.test/',
    { embeddingOrigin: 'https://app.test/', isMainFrame: false },
  ]);
});

it('null checks against the default session', () => {
  const { fake, session } = pageAt('https://app.test/');
  const seen: string[] = [];
  session.defaultSession.setPermissionCheckHandler((_wc: unknown, permission: string) => {
    seen.push(permission);
    return true;
  });
  fake.checkPermission(null, 'geolocation', 'https://app.test');
  expect(seen).toEqual(['geolocation']);
});

it('given details describe a subframe or a media check, and fileSystem checks report isMainFrame false', async () => {
  const { fake, BrowserWindow, session } = createElectronFake();
  fake.fs.writeFileSync('/index.html', '<title>app</title>');
  const window = new BrowserWindow({ webPreferences: { partition: 'file-page' } });
  await window.loadURL('file:///index.html');
  const ses = session.fromPartition('file-page');
  const seen: unknown[] = [];
  ses.setPermissionCheckHandler((_wc: unknown, _permission: string, _origin: string, details: unknown) => {
    seen.push(details);
    return true;
  });
  fake.checkPermission(window.webContents, 'media', 'https://myfakesite', {
    isMainFrame: false,
    requestingUrl: 'https://myfakesite/',
    securityOrigin: 'https://myfakesite/',
    mediaType: 'video',
  });
  fake.checkPermission(window.webContents, 'fileSystem', 'file:///');
  expect(seen[0]).toEqual({
    embeddingOrigin: 'file:///',
    isMainFrame: false,
    mediaType: 'video',
    requestingUrl: 'https://myfakesite/',
    securityOrigin: 'https://myfakesite/',
  });
  expect(seen[1]).toMatchObject({ isMainFrame: false });
});

it('requestingOrigin reaches the handler as its origin URL with a trailing slash, whatever URL the test gives', () => {
  const { fake, ses } = pageAt('https://app.test/');
  const origins: string[] = [];
  ses.setPermissionCheckHandler((_wc: unknown, _permission: string, origin: string) => {
    origins.push(origin);
    return true;
  });
  fake.checkPermission(ses, 'midi', 'https://App.test:443/some/page?q=1');
  fake.checkPermission(ses, 'midi', 'file:///Users/me/index.html');
  expect(origins).toEqual(['https://app.test/', 'file:///']);
});

it('the handler result is converted by truthiness', () => {
  const { fake, ses } = pageAt('https://app.test/');
  const answers: unknown[] = [1, '', 'no', null];
  ses.setPermissionCheckHandler(() => answers.shift() as boolean);
  const results = [1, 2, 3, 4].map(() => fake.checkPermission(ses, 'midi', 'https://app.test'));
  expect(results).toEqual([true, false, true, false]);
});

it('a requesting origin that is not a URL is a HarnessError', () => {
  const { fake, ses } = pageAt('https://app.test/');
  expect(() => fake.checkPermission(ses, 'midi', 'app.test')).toThrow(
    /Failed to check a permission: requestingOrigin "app.test" is not a URL/,
  );
});
