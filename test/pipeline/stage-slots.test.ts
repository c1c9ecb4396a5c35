import zlib from 'node:zlib';
import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { startServer, type TestServer } from '../helpers/http-server';
import { resetAfterRead } from '../helpers/raw-server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/set-cookie') {
      res.setHeader('Set-Cookie', 'slot=1');
      res.end('ok');
    } else if (req.url === '/gzip') {
      res.setHeader('Content-Encoding', 'gzip');
      res.end(zlib.gzipSync('compressed body'));
    } else if (req.url === '/reset') {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('partial', () => resetAfterRead(req.socket));
    } else if (req.url === '/slow') {
      res.writeHead(200);
      res.write('first');
    } else if (req.url === '/no-content') {
      res.writeHead(204);
      res.end();
    } else {
      res.end(JSON.stringify({ cookie: req.headers.cookie ?? null, host: req.headers.host }));
    }
  });
});
afterAll(() => server.close());

it('cookie attach runs before onBeforeSendHeaders, which sees the Cookie header', async () => {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  await ses.cookies.set({ url: server.url, name: 'seen', value: 'yes' });
  let cookie: string | undefined;
  ses.webRequest.onBeforeSendHeaders((details, callback) => {
    cookie = details.requestHeaders['Cookie'];
    callback({});
  });
  await (await ses.fetch(`${server.url}/`)).text();
  expect(cookie).toBe('seen=yes');
});

it('Set-Cookie is stored after onHeadersReceived, so a listener that strips it stops it', async () => {
  const { session } = createElectronFake();
  const kept = session.fromPartition('kept');
  await (await kept.fetch(`${server.url}/set-cookie`)).text();
  expect((await kept.cookies.get({})).map((c) => c.name)).toEqual(['slot']);
  const stripped = session.fromPartition('stripped');
  stripped.webRequest.onHeadersReceived((_details, callback) => callback({ responseHeaders: {} }));
  await (await stripped.fetch(`${server.url}/set-cookie`)).text();
  expect(await stripped.cookies.get({})).toEqual([]);
});

it('the fake host map routes a name to a local server and an unmapped-to-nothing name does not resolve', async () => {
  const electron = createElectronFake({ hosts: { 'api.test': '127.0.0.1' } });
  const url = new URL(server.url);
  const body = (await (await electron.net.fetch(`http://api.test:${url.port}/`)).json()) as { host: string };
  expect(body.host).toBe(`api.test:${url.port}`);
  electron.fake.setHost('gone.test', []);
  await expect(electron.net.fetch('http://gone.test/')).rejects.toThrow('net::ERR_NAME_NOT_RESOLVED');
});

it('offline emulation fails before the transport with net::ERR_INTERNET_DISCONNECTED', async () => {
  const { session } = createElectronFake();
  const ses = session.fromPartition('offline');
  ses.enableNetworkEmulation({ offline: true });
  const before = server.requests.length;
  await expect(ses.fetch(`${server.url}/`)).rejects.toThrow('net::ERR_INTERNET_DISCONNECTED');
  expect(server.requests.length).toBe(before);
  ses.disableNetworkEmulation();
  expect((await ses.fetch(`${server.url}/`)).status).toBe(200);
});

it('emulated latency waits on the injected clock', async () => {
  const clock = createClock();
  const { session } = createElectronFake({ clock });
  const ses = session.fromPartition('latency');
  ses.enableNetworkEmulation({ latency: 500 });
  let settled = false;
  const pending = ses.fetch(`${server.url}/`).then((r) => {
    settled = true;
    return r;
  });
  await new Promise((resolve) => setImmediate(resolve));
  await clock.tickAsync(499);
  expect(settled).toBe(false);
  await clock.tickAsync(1);
  expect((await pending).status).toBe(200);
});

it('gzip bodies are decoded while Content-Encoding stays visible', async () => {
  const { net } = createElectronFake();
  const response = await net.fetch(`${server.url}/gzip`);
  expect(response.headers.get('content-encoding')).toBe('gzip');
  expect(await response.text()).toBe('compressed body');
});

it('a connection reset in the middle of the body fails the read with net::ERR_CONNECTION_RESET', async () => {
  const { session } = createElectronFake();
  const ses = session.fromPartition('reset');
  const errors: string[] = [];
  ses.webRequest.onErrorOccurred((details) => errors.push(details.error));
  const response = await ses.fetch(`${server.url}/reset`);
  await expect(response.text()).rejects.toThrow();
  expect(errors).toEqual(['net::ERR_CONNECTION_RESET']);
});

it('closeAllConnections fails requests in flight with net::ERR_ABORTED', async () => {
  const { session } = createElectronFake();
  const ses = session.fromPartition('close-all');
  const errors: string[] = [];
  ses.webRequest.onErrorOccurred((details) => errors.push(details.error));
  const response = await ses.fetch(`${server.url}/slow`);
  const reading = response.text();
  await ses.closeAllConnections();
  await expect(reading).rejects.toThrow();
  expect(errors).toEqual(['net::ERR_ABORTED']);
});

it('fetch honours an abort signal', async () => {
  const { net } = createElectronFake();
  const controller = new AbortController();
  controller.abort();
  await expect(net.fetch(`${server.url}/`, { signal: controller.signal })).rejects.toThrow();
});

it('fetch gives a null body for 204 and for HEAD', async () => {
  const { net } = createElectronFake();
  const noContent = await net.fetch(`${server.url}/no-content`);
  expect(noContent.status).toBe(204);
  expect(noContent.body).toBeNull();
  const head = await net.fetch(`${server.url}/`, { method: 'HEAD' });
  expect(head.body).toBeNull();
});

it('fetch refuses data: URLs', async () => {
  const { net } = createElectronFake();
  await expect(net.fetch('data:text/plain,hi')).rejects.toThrow('net::ERR_UNKNOWN_URL_SCHEME');
});

it('net.isOnline reports the operating system state, not session emulation', () => {
  const { net, session, fake } = createElectronFake();
  session.defaultSession.enableNetworkEmulation({ offline: true });
  expect(net.isOnline()).toBe(true);
  expect(net.online).toBe(true);
  fake.setOnline(false);
  expect(net.isOnline()).toBe(false);
  expect(net.online).toBe(false);
});

it('net.resolveHost answers from the default session host map', async () => {
  const { net } = createElectronFake({ hosts: { 'api.test': ['127.0.0.1', '::1'] } });
  await expect(net.resolveHost('api.test')).resolves.toEqual({
    endpoints: [
      { address: '127.0.0.1', family: 'ipv4' },
      { address: '::1', family: 'ipv6' },
    ],
  });
  await expect(net.resolveHost('missing.test')).rejects.toThrow('net::ERR_NAME_NOT_RESOLVED');
});
