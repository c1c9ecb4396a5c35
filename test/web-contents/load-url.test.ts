import { createElectronFake } from '../../src/create-electron-fake';
import { readAll, responseOf, startServer, type TestServer } from '../helpers/http-server';
import type { IncomingMessage } from '../../src/net/incoming-message';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/auth') {
      const auth = req.headers.authorization;
      if (auth === `Basic ${Buffer.from('test:test').toString('base64')}`) {
        res.end('<title>authenticated</title>');
      } else {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="fake"' });
        res.end('unauthorised');
      }
      return;
    }
    res.setHeader('Content-Type', 'text/html');
    res.end('<title>hello</title>');
  });
});
afterAll(() => server.close());

it('loadURL makes a mainFrame request with the webContents in the details', async () => {
  const { BrowserWindow, session } = createElectronFake();
  const win = new BrowserWindow({ webPreferences: { partition: 'frames' } });
  const seen: Record<string, unknown>[] = [];
  session.fromPartition('frames').webRequest.onBeforeRequest((details, callback) => {
    seen.push(details as unknown as Record<string, unknown>);
    callback({});
  });
  await win.loadURL(`${server.url}/page`);
  expect(win.webContents.getURL()).toBe(`${server.url}/page`);
  expect(win.getTitle()).toBe('hello');
  expect(seen[0]).toMatchObject({ resourceType: 'mainFrame', webContentsId: win.webContents.id });
  expect(seen[0]?.['webContents']).toBe(win.webContents);
  expect(win.webContents.session).toBe(session.fromPartition('frames'));
});

it('loadURL rejects with the net error like Electron', async () => {
  const { BrowserWindow } = createElectronFake();
  const win = new BrowserWindow();
  win.webContents.session.webRequest.onBeforeRequest((_d, cb) => cb({ cancel: true }));
  await expect(win.loadURL(`${server.url}/blocked`)).rejects.toThrow(
    `ERR_BLOCKED_BY_CLIENT (-20) loading '${server.url}/blocked'`,
  );
});

it('webContents.fromId and getAllWebContents see live webContents only', () => {
  const { BrowserWindow, webContents } = createElectronFake();
  const win = new BrowserWindow();
  expect(webContents.fromId(win.webContents.id)).toBe(win.webContents);
  expect(webContents.getAllWebContents()).toEqual([win.webContents]);
  win.destroy();
  expect(webContents.fromId(win.webContents.id)).toBeUndefined();
  expect(webContents.getAllWebContents()).toEqual([]);
});

it('a 401 reaches the login event and the answered credentials authenticate the load', async () => {
  const { BrowserWindow, app } = createElectronFake();
  const win = new BrowserWindow();
  const seen: unknown[] = [];
  app.on(
    'login',
    (
      event: { preventDefault(): void },
      _wc: unknown,
      _details: unknown,
      authInfo: { realm: string; isProxy: boolean },
      callback: (u: string, p: string) => void,
    ) => {
      event.preventDefault();
      seen.push([authInfo.realm, authInfo.isProxy]);
      callback('test', 'test');
    },
  );
  await win.loadURL(`${server.url}/auth`);
  expect(seen).toEqual([['fake', false]]);
  expect(win.getTitle()).toBe('authenticated');
});

it('the session auth cache pre-authenticates net.request until clearAuthCache (spec 401 → 200 → 200 → 401)', async () => {
  const { session, net } = createElectronFake();
  const ses = session.fromPartition('auth-cache');
  const status = async (url: string): Promise<number> => {
    const response = await responseOf<IncomingMessage>(net.request({ url, session: ses }));
    await readAll(response);
    return response.statusCode;
  };
  const plain = `${server.url}/auth`;
  const withCredentials = plain.replace('http://', 'http://test:test@');
  expect(await status(plain)).toBe(401);
  expect(await status(withCredentials)).toBe(200);
  expect(await status(plain)).toBe(200);
  await ses.clearAuthCache();
  expect(await status(plain)).toBe(401);
});
