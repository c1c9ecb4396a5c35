import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { decisionMatchers } from '../../src/jest';
import { insideValidity, startHttpsServer, type TestHttpsServer } from '../helpers/https-server';

expect.extend(decisionMatchers);

let server: TestHttpsServer;
beforeAll(async () => {
  server = await startHttpsServer();
});
afterAll(() => server.close());

async function decided() {
  const electron = createElectronFake({ clock: createClock(insideValidity) });
  const { BrowserWindow, session, fake } = electron;
  const window = new BrowserWindow({ webPreferences: { partition: 'app' } });
  const ses = session.fromPartition('app');
  ses.setPermissionRequestHandler((_wc: unknown, permission: string, callback: (granted: boolean) => void) =>
    callback(permission === 'notifications'),
  );
  ses.setCertificateVerifyProc((request, callback) => callback(request.hostname === 'localhost' ? 0 : -2));
  await expect(window.loadURL(server.url)).rejects.toThrow('ERR_FAILED');
  await window.loadURL(server.url.replace('127.0.0.1', 'localhost'));
  await fake.requestPermission(window.webContents, 'notifications');
  await fake.requestPermission(window.webContents, 'media');
  fake.checkPermission(ses, 'clipboard-read', 'https://other.test');
  return fake;
}

it('toHaveGrantedPermission and toHaveDeniedPermission pass on a matching decision, with or without an origin', async () => {
  const fake = await decided();
  const origin = new URL(server.url.replace('127.0.0.1', 'localhost')).origin;
  expect(fake.decisions).toHaveGrantedPermission('notifications');
  expect(fake.decisions).toHaveGrantedPermission('notifications', { origin });
  expect(fake.decisions).toHaveGrantedPermission('notifications', { origin: `${origin}/any/page` });
  expect(fake.decisions).toHaveDeniedPermission('media', { origin, kind: 'request' });
  expect(fake).toHaveGrantedPermission('clipboard-read', { origin: 'https://other.test/', kind: 'check' });
  expect(fake.decisions).not.toHaveGrantedPermission('media');
  expect(fake.decisions).not.toHaveGrantedPermission('notifications', { origin: 'https://other.test' });
  expect(fake.decisions).not.toHaveDeniedPermission('clipboard-read', { kind: 'request' });
});

it('toHaveAcceptedCertificate and toHaveRejectedCertificate pass on a matching decision', async () => {
  const fake = await decided();
  expect(fake.decisions).toHaveRejectedCertificate('127.0.0.1');
  expect(fake.decisions).toHaveAcceptedCertificate('LOCALHOST');
  expect(fake.decisions).not.toHaveAcceptedCertificate('127.0.0.1');
  expect(fake.decisions).not.toHaveRejectedCertificate('localhost');
});

it('a failing matcher lists the decisions actually made', async () => {
  const fake = await decided();
  const port = new URL(server.url).port;
  expect(() => expect(fake.decisions).toHaveGrantedPermission('media')).toThrow(
    [
      'Expected a granted "media" permission, but none was made.',
      'Decisions made:',
      `  1. certificate 127.0.0.1 → rejected (net::ERR_FAILED) by handler (session "app", webContents 1)`,
      `  2. certificate localhost → accepted by handler (session "app", webContents 1)`,
      `  3. permission-request "notifications" for https://localhost:${port} → granted by handler (session "app", webContents 1)`,
      `  4. permission-request "media" for https://localhost:${port} → denied by handler (session "app", webContents 1)`,
      '  5. permission-check "clipboard-read" for https://other.test → granted by default (session "app")',
    ].join('\n'),
  );
});

it('a failing .not matcher says how many matching decisions there were', async () => {
  const fake = await decided();
  expect(() => expect(fake.decisions).not.toHaveRejectedCertificate('127.0.0.1')).toThrow(
    /^Expected no rejected certificate for 127\.0\.0\.1, but one was made\.\nDecisions made:\n {2}1\. certificate 127\.0\.0\.1/,
  );
  expect(() => expect(fake.decisions).toHaveAcceptedCertificate('evil.test')).toThrow(
    /^Expected an accepted certificate for evil\.test, but none was made\./,
  );
});

it('with no decisions the failure says so', () => {
  const { fake } = createElectronFake();
  expect(() => expect(fake.decisions).toHaveDeniedPermission('midi', { origin: 'https://app.test' })).toThrow(
    'Expected a denied "midi" permission for https://app.test, but none was made.\nNo decision was made.',
  );
});

it('the matchers are plain functions returning { pass, message }, as both Jest and Vitest expect', () => {
  const { fake } = createElectronFake();
  fake.checkPermission(null, 'midi', 'https://app.test');
  const result = decisionMatchers.toHaveGrantedPermission(fake.decisions, 'midi');
  expect(result.pass).toBe(true);
  expect(result.message()).toMatch(/^Expected no granted "midi" permission, but one was made\./);
});

it('anything but fake or fake.decisions is a HarnessError', () => {
  expect(() => expect({}).toHaveGrantedPermission('midi')).toThrow(
    'Failed to match decisions: expect() was given neither fake.decisions nor fake.',
  );
});
