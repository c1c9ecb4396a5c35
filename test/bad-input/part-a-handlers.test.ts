import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { handlerSetters } from '../../src/session/handlers';
import { insideValidity, startHttpsServer, type TestHttpsServer } from '../helpers/https-server';

type Loose = (...args: unknown[]) => unknown;
type Callback = (value: unknown) => void;

let server: TestHttpsServer;
beforeAll(async () => {
  server = await startHttpsServer();
});
afterAll(() => server.close());

function pageAt(url: string) {
  const electron = createElectronFake({
    transport: () => new Response('<title>page</title>', { headers: { 'content-type': 'text/html' } }),
  });
  const window = new electron.BrowserWindow({ webPreferences: { partition: 'bad-handlers' } });
  return {
    ...electron,
    window,
    ses: electron.session.fromPartition('bad-handlers'),
    loaded: window.loadURL(url),
  };
}

it.each(
  Object.keys(handlerSetters).flatMap((setter) =>
    [undefined, 'handler', 42, {}, true].map((value) => [setter, value] as const),
  ),
)('%s(%p) throws "Must pass null or function" and keeps the handler already set', (setter, value) => {
  const { session, fake } = createElectronFake();
  const ses = session.defaultSession;
  const field = handlerSetters[setter as keyof typeof handlerSetters];
  const handler = (): void => undefined;
  (ses[setter as keyof typeof handlerSetters] as Loose).call(ses, handler);
  expect(() => (ses[setter as keyof typeof handlerSetters] as Loose).call(ses, value)).toThrow(
    new TypeError('Must pass null or function'),
  );
  expect((fake.inspect(ses).handlers as Record<string, unknown>)[field]).toBe(handler);
});

it('a permission request handler that throws rejects fake.requestPermission with its error, and the next request is asked again', async () => {
  const { fake, window, ses, loaded } = pageAt('https://app.test/');
  await loaded;
  let calls = 0;
  ses.setPermissionRequestHandler((_wc: unknown, _permission: string, callback: Callback) => {
    calls += 1;
    if (calls === 1) throw new Error('handler failed');
    callback(true);
  });
  await expect(fake.requestPermission(window.webContents, 'notifications')).rejects.toThrow('handler failed');
  await expect(fake.requestPermission(window.webContents, 'notifications')).resolves.toBe(true);
});

it('a permission request callback called with no argument denies, as gin converts undefined to false', async () => {
  const { fake, window, ses, loaded } = pageAt('https://app.test/');
  await loaded;
  ses.setPermissionRequestHandler((_wc: unknown, _permission: string, callback: () => void) => callback());
  await expect(fake.requestPermission(window.webContents, 'notifications')).resolves.toBe(false);
});

it('a permission check handler that throws makes fake.checkPermission throw its error, and the handler stays set', () => {
  const { fake, ses } = pageAt('https://app.test/');
  const handler = (): boolean => {
    throw new Error('check failed');
  };
  ses.setPermissionCheckHandler(handler);
  expect(() => fake.checkPermission(ses, 'midi', 'https://app.test')).toThrow('check failed');
  expect(fake.inspect(ses).handlers.permissionCheckHandler).toBe(handler);
});

it('a verify proc that calls back twice: the first code counts', async () => {
  const { session } = createElectronFake({ clock: createClock(insideValidity) });
  const ses = session.fromPartition('twice');
  ses.setCertificateVerifyProc((_request, callback) => {
    callback(0);
    callback(-2);
  });
  expect((await ses.fetch(server.url)).status).toBe(200);
});

it('a verify proc that throws before calling back fails the request with net::ERR_FAILED (cause: its error) instead of holding it', async () => {
  const { session } = createElectronFake({ clock: createClock(insideValidity) });
  const ses = session.fromPartition('throwing-proc');
  ses.setCertificateVerifyProc(() => {
    throw new Error('proc failed');
  });
  const failure: unknown = await ses.fetch(server.url).catch((error: unknown) => error);
  expect(failure).toEqual(expect.objectContaining({ message: 'net::ERR_FAILED' }));
  expect((failure as Error).cause).toEqual(new Error('proc failed'));
  ses.setCertificateVerifyProc((_request, callback) => callback(0));
  expect((await ses.fetch(server.url)).status).toBe(200);
});
