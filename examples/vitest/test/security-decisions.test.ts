import { expect, it } from 'vitest';
import { BrowserWindow, app, fake, session } from 'electron-session-fake/electron';
import { decisionMatchers, type DecisionMatchers } from 'electron-session-fake/jest';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any -- Vitest's own declaration
  interface Matchers<T = any> extends DecisionMatchers<T> {}
}

expect.extend(decisionMatchers);

it('records permission decisions that the matchers assert on, with Vitest', async () => {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler(
    (_wc: unknown, permission: string, callback: (granted: boolean) => void) =>
      callback(permission === 'notifications'),
  );
  const window = new BrowserWindow();
  expect(await fake.requestPermission(window.webContents, 'notifications')).toBe(true);
  expect(await fake.requestPermission(window.webContents, 'media')).toBe(false);
  expect(fake.decisions).toHaveGrantedPermission('notifications');
  expect(fake.decisions).toHaveDeniedPermission('media');
  expect(fake.decisions).not.toHaveRejectedCertificate('app.test');
  expect(() => expect(fake.decisions).toHaveGrantedPermission('media')).toThrow(
    /Expected a granted "media" permission, but none was made\.\nDecisions made:\n {2}1\. permission-request "notifications"/,
  );
});
