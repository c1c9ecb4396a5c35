import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { insideValidity, startHttpsServer, type TestHttpsServer } from '../helpers/https-server';

let server: TestHttpsServer;
beforeAll(async () => {
  server = await startHttpsServer();
});
afterAll(() => server.close());

type Callback = (granted: boolean) => void;

it('a certificate verification is recorded with the session, the host, what Chromium found and who decided', async () => {
  const { session, fake } = createElectronFake({ clock: createClock(insideValidity) });
  const ses = session.fromPartition('persist:main');
  ses.setCertificateVerifyProc((_request, callback) => callback(0));
  await (await ses.fetch(`${server.url}/a`)).text();
  await (await ses.fetch(`${server.url}/b`)).text();
  expect(fake.decisions).toEqual([
    {
      kind: 'certificate',
      partition: 'persist:main',
      webContentsId: null,
      hostname: '127.0.0.1',
      url: `${server.url}/a`,
      decision: 'accepted',
      result: 'net::OK',
      madeBy: 'handler',
      details: {
        verificationResult: 'net::ERR_CERT_AUTHORITY_INVALID',
        errorCode: -202,
        isIssuedByKnownRoot: false,
        procResult: 0,
      },
    },
    expect.objectContaining({
      kind: 'certificate',
      url: `${server.url}/b`,
      madeBy: 'cache',
      decision: 'accepted',
    }),
  ]);
});

it("Chromium's own verdict and a -3 from the proc are recorded as the default", async () => {
  const { session, fake } = createElectronFake({ clock: createClock(insideValidity) });
  await expect(session.fromPartition('plain').fetch(server.url)).rejects.toThrow();
  const deferring = session.fromPartition('deferring');
  deferring.setCertificateVerifyProc((_request, callback) => callback(-3));
  await expect(deferring.fetch(server.url)).rejects.toThrow();
  expect(
    fake.decisions.map((d) => [d.partition, d.madeBy, d.decision, 'result' in d ? d.result : '']),
  ).toEqual([
    ['plain', 'default', 'rejected', 'net::ERR_CERT_AUTHORITY_INVALID'],
    ['deferring', 'default', 'rejected', 'net::ERR_CERT_AUTHORITY_INVALID'],
  ]);
});

it("a 'certificate-error' answer is recorded after the verification, with the webContents id", async () => {
  const { app, BrowserWindow, fake } = createElectronFake({ clock: createClock(insideValidity) });
  const window = new BrowserWindow();
  app.on('certificate-error', (event, _wc, _url, _error, _cert, callback: Callback) => {
    event.preventDefault();
    callback(true);
  });
  await window.loadURL(server.url);
  expect(fake.decisions.map((d) => [d.kind, d.webContentsId, d.decision, d.madeBy])).toEqual([
    ['certificate', window.webContents.id, 'rejected', 'default'],
    ['certificate-error', window.webContents.id, 'accepted', 'handler'],
  ]);
  expect(fake.decisions[1]).toMatchObject({
    hostname: '127.0.0.1',
    url: `${server.url}/`,
    result: 'net::ERR_CERT_AUTHORITY_INVALID',
    details: { error: 'net::ERR_CERT_AUTHORITY_INVALID', isMainFrame: true },
  });
});

it('permission requests and checks are recorded with permission, origin, details and who decided', async () => {
  const { BrowserWindow, session, fake } = createElectronFake({ transport: () => new Response('') });
  const window = new BrowserWindow();
  await window.loadURL('https://app.test/call');
  await fake.requestPermission(window.webContents, 'notifications');
  session.defaultSession.setPermissionRequestHandler((_wc: unknown, permission: string, callback: Callback) =>
    callback(permission !== 'media'),
  );
  await fake.requestPermission(window.webContents, 'media');
  fake.checkPermission(null, 'deprecated-sync-clipboard-read', 'https://app.test');
  expect(fake.decisions).toEqual([
    {
      kind: 'permission-request',
      partition: '',
      webContentsId: window.webContents.id,
      permission: 'notifications',
      origin: 'https://app.test',
      decision: 'granted',
      madeBy: 'default',
      details: { isMainFrame: true, requestingUrl: 'https://app.test/call' },
    },
    expect.objectContaining({
      kind: 'permission-request',
      permission: 'media',
      decision: 'denied',
      madeBy: 'handler',
      details: expect.objectContaining({
        mediaTypes: ['audio', 'video'],
        securityOrigin: 'https://app.test/',
      }),
    }),
    {
      kind: 'permission-check',
      partition: '',
      webContentsId: null,
      permission: 'deprecated-sync-clipboard-read',
      origin: 'https://app.test',
      decision: 'denied',
      madeBy: 'default',
      details: { embeddingOrigin: 'https://app.test/', isMainFrame: false },
    },
  ]);
});

it('permissions left unanswered when the handler is cleared are recorded as handler-cleared denials', async () => {
  const { BrowserWindow, session, fake } = createElectronFake({ transport: () => new Response('') });
  const window = new BrowserWindow();
  await window.loadURL('https://app.test/');
  session.defaultSession.setPermissionRequestHandler(() => undefined);
  const pending = fake.requestPermissions(window.webContents, ['midi', 'midiSysex']);
  session.defaultSession.setPermissionRequestHandler(null);
  await pending;
  expect(fake.decisions.map((d) => [d.decision, d.madeBy])).toEqual([
    ['denied', 'handler-cleared'],
    ['denied', 'handler-cleared'],
  ]);
});

it('device checks and Bluetooth pairing answers are recorded too', async () => {
  const { BrowserWindow, session, fake } = createElectronFake({ transport: () => new Response('') });
  const window = new BrowserWindow();
  fake.checkDevicePermission(session.defaultSession, {
    deviceType: 'usb',
    origin: 'https://app.test/',
    device: { vendorId: 1 },
  });
  await fake.requestBluetoothPairing(window.webContents, { deviceId: 'bt-1', pairingKind: 'confirm' });
  expect(fake.decisions).toEqual([
    {
      kind: 'device-permission',
      partition: '',
      webContentsId: null,
      deviceType: 'usb',
      origin: 'https://app.test',
      decision: 'denied',
      madeBy: 'default',
      details: { device: { vendorId: 1 } },
    },
    {
      kind: 'bluetooth-pairing',
      partition: '',
      webContentsId: window.webContents.id,
      deviceId: 'bt-1',
      decision: 'denied',
      madeBy: 'default',
      details: { pairingKind: 'confirm' },
    },
  ]);
});

it('decisions are frozen plain data: a snapshot survives JSON and later decisions do not change it', () => {
  const { fake } = createElectronFake();
  fake.checkPermission(null, 'midi', 'https://app.test');
  const snapshot = fake.decisions;
  fake.checkPermission(null, 'midi', 'https://app.test');
  expect(snapshot).toHaveLength(1);
  expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  expect(Object.isFrozen(snapshot[0])).toBe(true);
  expect(Object.isFrozen(snapshot[0]?.details)).toBe(true);
  fake.clearDecisions();
  expect(fake.decisions).toEqual([]);
});
