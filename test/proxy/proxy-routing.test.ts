import { createElectronFake } from '../../src/create-electron-fake';
import { LiveTransport } from '../../src/transports/live/live-transport';
import type { IncomingMessage } from '../../src/net/incoming-message';
import { readAll, startServer, type TestServer } from '../helpers/http-server';
import { startHttpsServer, tlsFixtures, type TestHttpsServer } from '../helpers/https-server';
import { startProxy, type TestProxy } from '../helpers/proxy-server';
import { startSocks5 } from '../helpers/socks-server';

let origin: TestServer;
let secureOrigin: TestHttpsServer;
let proxy: TestProxy;
beforeAll(async () => {
  origin = await startServer((req, res) => res.end(`origin saw ${req.url}`));
  secureOrigin = await startHttpsServer();
  proxy = await startProxy({ username: 'user', password: 'pass' });
});
afterAll(async () => {
  await Promise.all([origin.close(), secureOrigin.close(), proxy.close()]);
});

async function proxiedSession(partition: string) {
  const electron = createElectronFake();
  const ses = electron.session.fromPartition(partition);
  // <-loopback> lets a proxy carry requests for 127.0.0.1, as in Electron's net session spec.
  await ses.setProxy({ proxyRules: `127.0.0.1:${proxy.port}`, proxyBypassRules: '<-loopback>' });
  return { electron, ses };
}

it("a 407 from the proxy reaches 'login' with isProxy, and the answer is sent as Proxy-Authorization", async () => {
  const { electron, ses } = await proxiedSession('proxy-login');
  const request = electron.net.request({ url: `${origin.url}/via`, session: ses });
  const infos: unknown[] = [];
  request.on('login', (info: unknown, callback: (u: string, p: string) => void) => {
    infos.push(info);
    callback('user', 'pass');
  });
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    request.on('response', resolve);
    request.on('error', reject);
    request.end();
  });
  expect(await readAll(response)).toBe('origin saw /via');
  expect(infos).toEqual([
    { isProxy: true, scheme: 'basic', host: '127.0.0.1', port: proxy.port, realm: 'proxy' },
  ]);
});

it('a proxy identity that worked is sent preemptively on the next request', async () => {
  const { electron, ses } = await proxiedSession('proxy-cache');
  const logins = jest.fn((_info: unknown, callback: (u: string, p: string) => void) =>
    callback('user', 'pass'),
  );
  for (const path of ['/one', '/two']) {
    const request = electron.net.request({ url: `${origin.url}${path}`, session: ses });
    request.on('login', logins);
    await readAll(
      await new Promise<IncomingMessage>((resolve, reject) => {
        request.on('response', resolve);
        request.on('error', reject);
        request.end();
      }),
    );
  }
  expect(logins).toHaveBeenCalledTimes(1);
});

function requestThrough(
  electron: ReturnType<typeof createElectronFake>,
  ses: ReturnType<typeof createElectronFake>['session']['defaultSession'],
  url: string,
): Promise<IncomingMessage> {
  const request = electron.net.request({ url, session: ses });
  request.on('login', (_info: unknown, callback: (u: string, p: string) => void) => callback('user', 'pass'));
  return new Promise<IncomingMessage>((resolve, reject) => {
    request.on('response', resolve);
    request.on('error', reject);
    request.end();
  });
}

it('https requests go through a CONNECT tunnel and the certificate is still verified end to end', async () => {
  const { electron, ses } = await proxiedSession('proxy-tunnel');
  const before = proxy.seen.length;
  await expect(requestThrough(electron, ses, `${secureOrigin.url}/rejected`)).rejects.toThrow(
    'net::ERR_CERT_AUTHORITY_INVALID',
  );
  const trusting = electron.session.fromPartition('proxy-tunnel-trusting');
  await trusting.setProxy({ proxyRules: `127.0.0.1:${proxy.port}`, proxyBypassRules: '<-loopback>' });
  trusting.setCertificateVerifyProc((_request, callback) => callback(0));
  const response = await requestThrough(electron, trusting, `${secureOrigin.url}/tunnelled`);
  expect(await readAll(response)).toBe('<title>hello</title>');
  const port = new URL(secureOrigin.url).port;
  expect(proxy.seen.slice(before)).toContain(`CONNECT 127.0.0.1:${port}`);
  expect(secureOrigin.requests).toContain('/tunnelled');
  expect(secureOrigin.requests).not.toContain('/rejected');
});

it('an unanswered proxy challenge on a tunnel fails with net::ERR_TUNNEL_CONNECTION_FAILED', async () => {
  const { ses } = await proxiedSession('proxy-tunnel-no-login');
  await expect(ses.fetch(`${secureOrigin.url}/x`)).rejects.toThrow('net::ERR_TUNNEL_CONNECTION_FAILED');
});

it('a proxy that cannot be reached fails with net::ERR_PROXY_CONNECTION_FAILED', async () => {
  const gone = await startProxy();
  await gone.close();
  const { session } = createElectronFake();
  const ses = session.fromPartition('proxy-gone');
  await ses.setProxy({ proxyRules: `127.0.0.1:${gone.port}`, proxyBypassRules: '<-loopback>' });
  await expect(ses.fetch(`${origin.url}/x`)).rejects.toThrow('net::ERR_PROXY_CONNECTION_FAILED');
});

it('requests travel through a SOCKS5 proxy, host names resolved by the proxy', async () => {
  const socks = await startSocks5();
  try {
    const { session, fake } = createElectronFake();
    const ses = session.fromPartition('socks5');
    await ses.setProxy({ proxyRules: `socks5://127.0.0.1:${socks.port}`, proxyBypassRules: '<-loopback>' });
    const port = new URL(origin.url).port;
    expect(await (await ses.fetch(`http://localhost:${port}/socks`)).text()).toBe('origin saw /socks');
    expect(socks.targets).toEqual([`localhost:${port}`]);
    expect(fake.requests.map((r) => [r.url, r.proxy, r.error])).toEqual([
      [`http://localhost:${port}/socks`, `SOCKS5 127.0.0.1:${socks.port}`, 'net::OK'],
    ]);
  } finally {
    await socks.close();
  }
});

it('a failing proxy falls back to the next entry and is tried last afterwards', async () => {
  const gone = await startProxy();
  await gone.close();
  const { session, fake } = createElectronFake();
  const ses = session.fromPartition('fallback');
  await ses.setProxy({ proxyRules: `127.0.0.1:${gone.port},direct://`, proxyBypassRules: '<-loopback>' });
  expect(await ses.resolveProxy(origin.url)).toBe(`PROXY 127.0.0.1:${gone.port};DIRECT`);
  expect(await (await ses.fetch(`${origin.url}/fallback`)).text()).toBe('origin saw /fallback');
  // The request log says what finally carried it.
  expect(fake.requests.at(-1)).toMatchObject({
    url: `${origin.url}/fallback`,
    proxy: 'DIRECT',
    statusCode: 200,
  });
  expect(await ses.resolveProxy(origin.url)).toBe(`DIRECT;PROXY 127.0.0.1:${gone.port}`);
});

it('the live transport refuses a QUIC proxy hop with net::ERR_NO_SUPPORTED_PROXIES', async () => {
  const transport = new LiveTransport();
  await expect(
    transport.dispatch({
      id: 1,
      url: new URL(`${origin.url}/quic`),
      method: 'GET',
      headers: [],
      body: undefined,
      proxy: { scheme: 'quic', host: '127.0.0.1', port: 443 },
      tls: undefined,
      verifyTls: undefined,
      signal: new AbortController().signal,
    }),
  ).rejects.toThrow('net::ERR_NO_SUPPORTED_PROXIES');
});

it('an HTTPS proxy is reached over TLS, its certificate verified like a server certificate', async () => {
  const secureProxy = await startProxy(undefined, {
    https: { key: tlsFixtures.key, cert: tlsFixtures.cert + tlsFixtures.intermediate + tlsFixtures.root },
  });
  try {
    const { session } = createElectronFake();
    const untrusted = session.fromPartition('https-proxy-untrusted');
    await untrusted.setProxy({
      proxyRules: `https://127.0.0.1:${secureProxy.port}`,
      proxyBypassRules: '<-loopback>',
    });
    await expect(untrusted.fetch(`${origin.url}/x`)).rejects.toThrow('net::ERR_PROXY_CERTIFICATE_INVALID');
    const trusting = session.fromPartition('https-proxy-trusting');
    trusting.setCertificateVerifyProc((_request, callback) => callback(0));
    await trusting.setProxy({
      proxyRules: `https://127.0.0.1:${secureProxy.port}`,
      proxyBypassRules: '<-loopback>',
    });
    expect(await (await trusting.fetch(`${origin.url}/plain`)).text()).toBe('origin saw /plain');
    expect(await (await trusting.fetch(`${secureOrigin.url}/inside`)).text()).toBe('<title>hello</title>');
    const port = new URL(secureOrigin.url).port;
    expect(secureProxy.seen).toEqual([`GET ${origin.url}/plain`, `CONNECT 127.0.0.1:${port}`]);
  } finally {
    await secureProxy.close();
  }
});
