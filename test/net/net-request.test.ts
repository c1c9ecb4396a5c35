import { once } from 'node:events';
import { createElectronFake } from '../../src/create-electron-fake';
import type { IncomingMessage } from '../../src/net/incoming-message';
import { readAll, responseOf, startServer, type TestServer } from '../helpers/http-server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/redirect') {
      res.writeHead(302, { Location: '/final' });
      res.end();
    } else if (req.url === '/hangup') {
      req.socket.destroy();
    } else if (req.url === '/cookie') {
      res.writeHead(200, { 'Set-Cookie': 'a=b', 'Content-Type': 'text/plain' });
      res.end(req.headers.cookie ?? 'none');
    } else if (req.url === '/echo' && req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => res.end(`${req.method}:${body}`));
    } else {
      res.setHeader('X-Dup', ['1', '2']);
      res.setHeader('Set-Cookie', ['x=1', 'y=2']);
      res.end(`hello ${req.url}`);
    }
  });
});
afterAll(() => server.close());

it('net.request delivers the response of a real server on 127.0.0.1', async () => {
  const { net } = createElectronFake();
  const response = await responseOf<IncomingMessage>(net.request(`${server.url}/hi`));
  expect(response.statusCode).toBe(200);
  expect(response.statusMessage).toBe('OK');
  expect(await readAll(response)).toBe('hello /hi');
});

it('IncomingMessage headers join duplicates with a comma and keep set-cookie as an array', async () => {
  const { net } = createElectronFake();
  const response = await responseOf<IncomingMessage>(net.request(`${server.url}/`));
  expect(response.headers['x-dup']).toBe('1, 2');
  expect(response.headers['set-cookie']).toEqual(['x=1', 'y=2']);
  expect(response.rawHeaders).toContain('X-Dup');
  await readAll(response);
});

it('net.request sends a written body with its method', async () => {
  const { net } = createElectronFake();
  const request = net.request({ url: `${server.url}/echo`, method: 'post' });
  request.write('a=');
  request.write('1');
  const response = await responseOf<IncomingMessage>(request);
  expect(await readAll(response)).toBe('POST:a=1');
  expect(request.getUploadProgress()).toEqual({ active: true, started: true, current: 3, total: 3 });
});

it('net.request refuses protocols other than http and https', () => {
  const { net } = createElectronFake();
  expect(() => net.request('ftp://127.0.0.1/')).toThrow(
    'ClientRequest only supports http: and https: protocols',
  );
});

it('net.request throws before the app is ready', () => {
  const { net } = createElectronFake({ ready: false });
  expect(() => net.request(server.url)).toThrow('net module can only be used after app is ready');
});

it('a path with a space is rejected', () => {
  const { net } = createElectronFake();
  expect(() => net.request({ hostname: '127.0.0.1', path: '/a b' })).toThrow(
    'Request path contains unescaped characters',
  );
});

it('an unknown redirect mode is rejected', () => {
  const { net } = createElectronFake();
  expect(() => net.request({ url: server.url, redirect: 'nope' as never })).toThrow(
    'redirect mode should be one of follow, error or manual',
  );
});

it('credentials same-origin without an origin is rejected', () => {
  const { net } = createElectronFake();
  expect(() => net.request({ url: server.url, credentials: 'same-origin' })).toThrow(
    'credentials: same-origin requires origin to be set',
  );
});

it('a session option that is not a Session is rejected', () => {
  const { net } = createElectronFake();
  expect(() => net.request({ url: server.url, session: {} })).toThrow(
    '`session` should be an instance of the Session class',
  );
});

it('headers cannot be set or removed after the request started', async () => {
  const { net } = createElectronFake();
  const request = net.request(`${server.url}/`);
  request.setHeader('X-Test', 'yes');
  expect(request.getHeader('x-test')).toBe('yes');
  const response = await responseOf<IncomingMessage>(request);
  expect(() => request.setHeader('X-Late', '1')).toThrow("Can't set headers after they are sent");
  expect(() => request.removeHeader('X-Test')).toThrow("Can't remove headers after they are sent");
  await readAll(response);
});

it('setHeader validates the name and the value', () => {
  const { net } = createElectronFake();
  const request = net.request(server.url);
  expect(() => request.setHeader('bad name', 'x')).toThrow("Invalid header name: 'bad name'");
  expect(() => request.setHeader('X-A', 'a\nb')).toThrow("Invalid value for header 'X-A': 'a\nb'");
  expect(() => request.setHeader('X-A', undefined as never)).toThrow(
    '`value` required in setHeader("X-A", value)',
  );
});

it('followRedirect without a pending redirect throws', () => {
  const { net } = createElectronFake();
  expect(() => net.request(server.url).followRedirect()).toThrow(
    'followRedirect() called, but was not waiting for a redirect',
  );
});

it('follow mode emits redirect and then delivers the final response', async () => {
  const { net } = createElectronFake();
  const request = net.request(`${server.url}/redirect`);
  const redirects: unknown[] = [];
  request.on('redirect', (status: number, method: string, url: string) =>
    redirects.push([status, method, url]),
  );
  const response = await responseOf<IncomingMessage>(request);
  expect(redirects).toEqual([[302, 'GET', `${server.url}/final`]]);
  expect(await readAll(response)).toBe('hello /final');
});

it("error mode fails with Electron's redirect policy message", async () => {
  const { net } = createElectronFake();
  const request = net.request({ url: `${server.url}/redirect`, redirect: 'error' });
  await expect(responseOf(request)).rejects.toThrow("Attempted to redirect, but redirect policy was 'error'");
});

it('manual mode cancels the redirect unless followRedirect is called synchronously', async () => {
  const { net } = createElectronFake();
  const cancelled = net.request({ url: `${server.url}/redirect`, redirect: 'manual' });
  await expect(responseOf(cancelled)).rejects.toThrow('Redirect was cancelled');
  const followed = net.request({ url: `${server.url}/redirect`, redirect: 'manual' });
  followed.on('redirect', () => followed.followRedirect());
  const response = await responseOf<IncomingMessage>(followed);
  expect(await readAll(response)).toBe('hello /final');
});

it('a refused connection fails with net::ERR_CONNECTION_REFUSED', async () => {
  const closed = await startServer(() => undefined);
  await closed.close();
  const { net } = createElectronFake();
  await expect(responseOf(net.request(closed.url))).rejects.toThrow('net::ERR_CONNECTION_REFUSED');
});

it('a server that closes without answering fails with net::ERR_EMPTY_RESPONSE', async () => {
  const { net } = createElectronFake();
  await expect(responseOf(net.request(`${server.url}/hangup`))).rejects.toThrow('net::ERR_EMPTY_RESPONSE');
});

it('abort emits abort and close and no response', async () => {
  const { net } = createElectronFake();
  const request = net.request(`${server.url}/`);
  const events: string[] = [];
  request.on('response', () => events.push('response'));
  request.on('abort', () => events.push('abort'));
  const closed = once(request, 'close');
  request.end();
  request.abort();
  await closed;
  await new Promise((resolve) => process.nextTick(resolve));
  expect(events).toEqual(['abort']);
});

it('net.request neither sends nor stores cookies by default', async () => {
  const { net, session } = createElectronFake();
  await session.defaultSession.cookies.set({ url: server.url, name: 'k', value: 'v' });
  const response = await responseOf<IncomingMessage>(net.request(`${server.url}/cookie`));
  expect(await readAll(response)).toBe('none');
  const stored = await session.defaultSession.cookies.get({ name: 'a' });
  expect(stored).toEqual([]);
});

it('useSessionCookies sends and stores the session cookies', async () => {
  const { net, session } = createElectronFake();
  await session.defaultSession.cookies.set({ url: server.url, name: 'k', value: 'v' });
  const response = await responseOf<IncomingMessage>(
    net.request({ url: `${server.url}/cookie`, useSessionCookies: true }),
  );
  expect(await readAll(response)).toBe('k=v');
  const stored = await session.defaultSession.cookies.get({ name: 'a' });
  expect(stored.map((c) => c.value)).toEqual(['b']);
});

it('the session option beats the partition option', async () => {
  const { net, session } = createElectronFake();
  const chosen = session.fromPartition('chosen');
  const seen: string[] = [];
  chosen.webRequest.onBeforeRequest((details, callback) => {
    seen.push(details.url);
    callback({});
  });
  const response = await responseOf<IncomingMessage>(
    net.request({ url: `${server.url}/s`, session: chosen, partition: 'other' }),
  );
  await readAll(response);
  expect(seen).toEqual([`${server.url}/s`]);
});
