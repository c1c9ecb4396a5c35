import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { insideValidity, startHttpsServer, tlsFixtures, type TestHttpsServer } from '../helpers/https-server';
import { startProxy } from '../helpers/proxy-server';
import { startServer } from '../helpers/http-server';

let server: TestHttpsServer;
beforeAll(async () => {
  server = await startHttpsServer();
});
afterAll(() => server.close());

function windowInFake(partition: string) {
  const electron = createElectronFake({ clock: createClock(insideValidity) });
  const window = new electron.BrowserWindow({ webPreferences: { partition } });
  return { ...electron, window, ses: electron.session.fromPartition(partition) };
}

it("a certificate error on a load emits app 'certificate-error' with Electron's arguments", async () => {
  const { app, window } = windowInFake('args');
  const seen: unknown[][] = [];
  app.on('certificate-error', (...args: unknown[]) => seen.push(args));
  await expect(window.loadURL(server.url)).rejects.toThrow(
    `ERR_CERT_AUTHORITY_INVALID (-202) loading '${server.url}'`,
  );
  expect(seen).toHaveLength(1);
  const [event, webContents, url, error, certificate, callback, isMainFrame] = seen[0] ?? [];
  expect(event).toHaveProperty('preventDefault');
  expect(webContents).toBe(window.webContents);
  expect(url).toBe(`${server.url}/`);
  expect(error).toBe('net::ERR_CERT_AUTHORITY_INVALID');
  expect(certificate).toMatchObject({ subjectName: 'localhost', issuerName: 'Intermediate CA' });
  expect(typeof callback).toBe('function');
  expect(isMainFrame).toBe(true);
});

it("without preventDefault the certificate is denied even if the listener calls back later, and 'did-fail-load' fires", async () => {
  const { app, window } = windowInFake('default-deny');
  const late: ((trusted: boolean) => void)[] = [];
  app.on('certificate-error', (_event, _wc, _url, _error, _cert, callback: (trusted: boolean) => void) => {
    late.push(callback);
  });
  const failed: unknown[] = [];
  window.webContents.on('did-fail-load', (_event, code: number, description: string) =>
    failed.push(code, description),
  );
  await expect(window.loadURL(`${server.url}/denied`)).rejects.toThrow('ERR_CERT_AUTHORITY_INVALID');
  late[0]?.(true);
  expect(failed).toEqual([-202, 'ERR_CERT_AUTHORITY_INVALID']);
  expect(server.requests).not.toContain('/denied');
});

it('preventDefault and callback(true) let the load continue', async () => {
  const { app, window } = windowInFake('allowed');
  app.on('certificate-error', (event, _wc, _url, _error, _cert, callback: (trusted: boolean) => void) => {
    event.preventDefault();
    callback(true);
  });
  await window.loadURL(`${server.url}/allowed`);
  expect(window.webContents.getTitle()).toBe('hello');
  expect(server.requests).toContain('/allowed');
});

it('preventDefault and callback(false) deny the load', async () => {
  const { app, window } = windowInFake('refused');
  app.on('certificate-error', (event, _wc, _url, _error, _cert, callback: (trusted: boolean) => void) => {
    event.preventDefault();
    callback(false);
  });
  await expect(window.loadURL(`${server.url}/refused`)).rejects.toThrow('ERR_CERT_AUTHORITY_INVALID');
  expect(server.requests).not.toContain('/refused');
});

it('the webContents gets the event first, without itself as an argument, sharing the event object', async () => {
  const { app, window } = windowInFake('routed');
  const order: string[] = [];
  let fromWebContents: unknown;
  window.webContents.on('certificate-error', (event, url: string, error: string) => {
    order.push(`webContents ${url} ${error}`);
    fromWebContents = event;
    event.preventDefault();
  });
  app.on('certificate-error', (event, _wc, _url, _error, _cert, callback: (trusted: boolean) => void) => {
    order.push(`app prevented=${String(event.defaultPrevented)}`);
    expect(event).toBe(fromWebContents);
    callback(true);
  });
  await window.loadURL(server.url);
  expect(order).toEqual([`webContents ${server.url}/ net::ERR_CERT_AUTHORITY_INVALID`, 'app prevented=true']);
});

it("the verify proc runs first: 0 means no 'certificate-error', -3 on a bad certificate means one", async () => {
  const { app, window, ses } = windowInFake('proc-first');
  const events: string[] = [];
  app.on('certificate-error', () => events.push('certificate-error'));
  ses.setCertificateVerifyProc((_request, callback) => {
    events.push('proc');
    callback(0);
  });
  await window.loadURL(server.url);
  expect(events).toEqual(['proc']);

  const other = windowInFake('proc-defers');
  const deferred: string[] = [];
  other.app.on('certificate-error', () => deferred.push('certificate-error'));
  other.ses.setCertificateVerifyProc((_request, callback) => {
    deferred.push('proc');
    callback(-3);
  });
  await expect(other.window.loadURL(server.url)).rejects.toThrow('ERR_CERT_AUTHORITY_INVALID');
  expect(deferred).toEqual(['proc', 'certificate-error']);
});

it("-2 from the verify proc is not a certificate error: no 'certificate-error', the load fails with ERR_FAILED", async () => {
  const { app, window, ses } = windowInFake('failed');
  let emitted = false;
  app.on('certificate-error', () => (emitted = true));
  ses.setCertificateVerifyProc((_request, callback) => callback(-2));
  await expect(window.loadURL(server.url)).rejects.toThrow('ERR_FAILED (-2)');
  expect(emitted).toBe(false);
});

it("a cached certificate error still asks 'certificate-error' on every load, nothing is remembered", async () => {
  const { app, window } = windowInFake('asked-again');
  let asked = 0;
  app.on('certificate-error', (event, _wc, _url, _error, _cert, callback: (trusted: boolean) => void) => {
    asked++;
    event.preventDefault();
    callback(true);
  });
  await window.loadURL(server.url);
  await window.loadURL(`${server.url}/again`);
  expect(asked).toBe(2);
});

it("net.fetch has no webContents, so a certificate error fails it without 'certificate-error'", async () => {
  const { app, net } = windowInFake('no-webcontents');
  let emitted = false;
  app.on('certificate-error', () => (emitted = true));
  await expect(net.fetch(server.url)).rejects.toThrow('net::ERR_CERT_AUTHORITY_INVALID');
  expect(emitted).toBe(false);
});

it('a prevented event whose callback is never called holds the load until it is stopped', async () => {
  const { app, window } = windowInFake('held');
  let asked!: () => void;
  const wasAsked = new Promise<void>((resolve) => (asked = resolve));
  app.on('certificate-error', (event) => {
    event.preventDefault();
    asked();
  });
  let settled = false;
  const load = window.loadURL(`${server.url}/held`).finally(() => (settled = true));
  await wasAsked;
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(settled).toBe(false);
  window.webContents.stop();
  await expect(load).rejects.toThrow('ERR_ABORTED');
  expect(server.requests).not.toContain('/held');
});

it("an HTTPS proxy's certificate error fails the load without 'certificate-error'", async () => {
  const origin = await startServer((_req, res) => res.end('<title>behind the proxy</title>'));
  const proxy = await startProxy(undefined, {
    https: { key: tlsFixtures.key, cert: tlsFixtures.cert + tlsFixtures.intermediate + tlsFixtures.root },
  });
  try {
    const { app, window, ses } = windowInFake('proxied');
    await ses.setProxy({ proxyRules: `https://127.0.0.1:${proxy.port}`, proxyBypassRules: '<-loopback>' });
    let emitted = false;
    app.on('certificate-error', () => (emitted = true));
    await expect(window.loadURL(`${origin.url}/page`)).rejects.toThrow('ERR_PROXY_CERTIFICATE_INVALID');
    expect(emitted).toBe(false);
  } finally {
    await Promise.all([proxy.close(), origin.close()]);
  }
});
