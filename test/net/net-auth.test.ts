import { createHash } from 'node:crypto';
import { createElectronFake } from '../../src/create-electron-fake';
import type { IncomingMessage } from '../../src/net/incoming-message';
import { readAll, responseOf, startServer, type TestServer } from '../helpers/http-server';

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    if (req.url === '/digest') {
      const params = Object.fromEntries([...auth.matchAll(/(\w+)="?([^",]*)"?/g)].map((m) => [m[1], m[2]]));
      const ha1 = md5('user:digest-realm:secret');
      const ha2 = md5(`${req.method}:${params['uri']}`);
      const expected = md5(`${ha1}:abc123:${params['nc']}:${params['cnonce']}:auth:${ha2}`);
      if (auth.startsWith('Digest ') && params['response'] === expected) {
        res.end('digest ok');
        return;
      }
      res.writeHead(401, { 'WWW-Authenticate': 'Digest realm="digest-realm", nonce="abc123", qop="auth"' });
      res.end();
      return;
    }
    if (auth === `Basic ${Buffer.from('user:pass').toString('base64')}`) {
      res.end('basic ok');
      return;
    }
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="basic-realm"' });
    res.end('denied');
  });
});
afterAll(() => server.close());

it("a 401 emits 'login' with authInfo and the callback's credentials authenticate", async () => {
  const { net, session } = createElectronFake();
  const request = net.request({ url: `${server.url}/basic`, session: session.fromPartition('login') });
  const infos: unknown[] = [];
  request.on('login', (authInfo: unknown, callback: (u: string, p: string) => void) => {
    infos.push(authInfo);
    callback('user', 'pass');
  });
  const response = await responseOf<IncomingMessage>(request);
  expect(await readAll(response)).toBe('basic ok');
  const port = Number(new URL(server.url).port);
  expect(infos).toEqual([{ isProxy: false, scheme: 'basic', host: '127.0.0.1', port, realm: 'basic-realm' }]);
});

it('without a login listener the 401 is delivered as it is', async () => {
  const { net, session } = createElectronFake();
  const response = await responseOf<IncomingMessage>(
    net.request({ url: `${server.url}/basic`, session: session.fromPartition('no-listener') }),
  );
  expect(response.statusCode).toBe(401);
  expect(await readAll(response)).toBe('denied');
});

it("credentials: 'omit' emits no login event", async () => {
  const { net, session } = createElectronFake();
  const request = net.request({
    url: `${server.url}/basic`,
    credentials: 'omit',
    session: session.fromPartition('omit'),
  });
  const login = jest.fn();
  request.on('login', login);
  const response = await responseOf<IncomingMessage>(request);
  await readAll(response);
  expect(response.statusCode).toBe(401);
  expect(login).not.toHaveBeenCalled();
});

it('Digest challenges are answered with an RFC 7616 response', async () => {
  const { net, session } = createElectronFake();
  const request = net.request({ url: `${server.url}/digest`, session: session.fromPartition('digest') });
  request.on('login', (_info: unknown, callback: (u: string, p: string) => void) =>
    callback('user', 'secret'),
  );
  const response = await responseOf<IncomingMessage>(request);
  expect(await readAll(response)).toBe('digest ok');
});

it('clearAuthCache aborts requests in flight with net::ERR_ABORTED', async () => {
  const { net, session } = createElectronFake();
  const ses = session.fromPartition('clear-in-flight');
  const request = net.request({ url: `${server.url}/basic`, session: ses });
  const failed = new Promise<Error>((resolve) => request.on('error', resolve));
  // The login listener never answers, so the request stays in flight.
  const loginReached = new Promise<void>((resolve) => request.on('login', () => resolve()));
  request.end();
  await loginReached;
  await ses.clearAuthCache();
  expect((await failed).message).toBe('net::ERR_ABORTED');
});
