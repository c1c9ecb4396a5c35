import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { decisionMatchers } from '../../src/jest';
import { insideValidity, startHttpsServer, tlsFixtures, type TestHttpsServer } from '../helpers/https-server';

expect.extend(decisionMatchers);

// The README's example, with the local servers it needs: the app's page on a
// certificate the machine trusts, and untrusted.test on one it does not.
let page: TestHttpsServer;
let untrusted: TestHttpsServer;
beforeAll(async () => {
  [page, untrusted] = await Promise.all([startHttpsServer(), startHttpsServer({ leaf: 'expired' })]);
});
afterAll(() => Promise.all([page.close(), untrusted.close()]));

it('lets our page notify and refuses a certificate we do not trust', async () => {
  const { app, session, net, BrowserWindow, fake } = createElectronFake({
    clock: createClock(insideValidity),
    hosts: { 'untrusted.test': '127.0.0.1' },
  });
  fake.trustRootCertificate(tlsFixtures.root);
  const appOrigin = page.url.replace('127.0.0.1', 'localhost');
  async function openMainWindow() {
    await app.whenReady();
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler(
      (wc: { getURL(): string }, permission: string, callback: (ok: boolean) => void) =>
        callback(permission === 'notifications' && new URL(wc.getURL()).origin === appOrigin),
    );
    ses.setCertificateVerifyProc((request, callback) => callback(request.errorCode === 0 ? -3 : -2));
    const win = new BrowserWindow();
    await win.loadURL(appOrigin);
    return win;
  }

  const win = await openMainWindow();
  await fake.requestPermission(win.webContents, 'notifications');
  await net.fetch(`https://untrusted.test:${new URL(untrusted.url).port}/`).catch(() => undefined);
  expect(fake.decisions).toHaveGrantedPermission('notifications', { origin: appOrigin });
  expect(fake.decisions).toHaveRejectedCertificate('untrusted.test');
  expect(fake.decisions).toHaveAcceptedCertificate('localhost');
});
