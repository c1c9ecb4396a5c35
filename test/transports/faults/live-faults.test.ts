import { NetError } from '../../../src/errors/net-error';
import { until } from '../../download-item/download-helpers';
import { tlsFixtures } from '../../helpers/https-server';
import { startProxy, type TestProxy } from '../../helpers/proxy-server';
import { closedPort, startRawServer, type RawServer } from '../../helpers/raw-server';
import {
  downloadOutcome,
  failedBeforeHeaders,
  failedInBody,
  faultFake,
  openHandles,
  requestEvents,
  webRequestEvents,
} from './fault-harness';

const servers: { close(): Promise<void> }[] = [];
async function serve(...args: Parameters<typeof startRawServer>): Promise<RawServer> {
  const server = await startRawServer(...args);
  servers.push(server);
  return server;
}
async function proxy(): Promise<TestProxy> {
  const started = await startProxy();
  servers.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  // Nothing a failed request opened outlives it: no socket, server or DNS look-up.
  await until(() => openHandles().length === 0).catch(() => undefined);
  expect(openHandles()).toEqual([]);
});

it('sees a server or socket left open, which the check after each test refuses', async () => {
  const server = await startRawServer();
  expect(openHandles()).toContain('TCPServerWrap');
  await server.close();
  await until(() => openHandles().length === 0);
});

const headOf = (length: number): string =>
  `HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: ${length}\r\n\r\n`;
const chunkedHead =
  'HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n';

const failedRequest = (error: string): string[] => [
  'request:finish',
  'request:close',
  `request:error ${error}`,
];
// Electron's _die: the request, already destroyed, emits the error at once; the
// response it destroyed with that error emits it on the next tick.
const failedResponse = (error: string): string[] => [
  'request:finish',
  'request:close',
  'request:response',
  `request:error ${error}`,
  `response:error ${error}`,
  'response:close',
];

async function fetchError(fetching: Promise<unknown>): Promise<unknown> {
  return fetching.then(
    () => new Error('net.fetch resolved'),
    (error: unknown) => error,
  );
}

type Fake = ReturnType<typeof faultFake>;

/** Faults that end a request before any response header, and the error Chromium reports. */
const beforeHeaders: [string, string, (fake: Fake) => Promise<string>][] = [
  [
    'connection refused',
    'net::ERR_CONNECTION_REFUSED',
    async () => `http://127.0.0.1:${await closedPort()}/`,
  ],
  // HttpStreamParser: a close before any byte is an empty response.
  ['server closes before any byte', 'net::ERR_EMPTY_RESPONSE', async () => (await serve((s) => s.end())).url],
  // Every error but a clean close passes through as it is.
  [
    'server resets before any byte',
    'net::ERR_CONNECTION_RESET',
    async () => (await serve((s) => s.resetAndDestroy())).url,
  ],
  [
    // The fake's host map answers: nothing is asked of a real resolver.
    'host name does not resolve',
    'net::ERR_NAME_NOT_RESOLVED',
    async ({ fake }) => {
      fake.setHost('updates.notes.invalid', []);
      return 'http://updates.notes.invalid/';
    },
  ],
  [
    // A plain HTTP answer to the ClientHello: BoringSSL's WRONG_VERSION_NUMBER.
    'TLS server answers in plain text',
    'net::ERR_SSL_PROTOCOL_ERROR',
    async () =>
      (await serve((s) => s.end('HTTP/1.1 400 Bad Request\r\n\r\n'), { firstBytes: true })).url.replace(
        'http:',
        'https:',
      ),
  ],
  [
    'TLS server shares no version',
    'net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH',
    async () =>
      (
        await serve(undefined, {
          tls: {
            key: tlsFixtures.key,
            cert: tlsFixtures.cert,
            minVersion: 'TLSv1',
            maxVersion: 'TLSv1.1',
            ciphers: 'DEFAULT@SECLEVEL=0',
          },
        })
      ).url,
  ],
  [
    // Over HTTPS a head cut short is refused; over HTTP Chromium parses what came (not modelled).
    'HTTPS server closes mid-headers',
    'net::ERR_RESPONSE_HEADERS_TRUNCATED',
    async ({ fake }) => {
      fake.trustRootCertificate(tlsFixtures.root);
      const tls = { key: tlsFixtures.key, cert: tlsFixtures.cert + tlsFixtures.intermediate };
      return (await serve((s) => s.end('HTTP/1.1 200 OK\r\nContent-Ty'), { tls })).url;
    },
  ],
  [
    'proxy is gone',
    'net::ERR_PROXY_CONNECTION_FAILED',
    async ({ session }) => {
      await session.defaultSession.setProxy({
        proxyRules: `http=127.0.0.1:${await closedPort()}`,
        proxyBypassRules: '<-loopback>',
      });
      return (await serve()).url;
    },
  ],
];

describe.each(beforeHeaders)('%s', (_fault, error, urlFor) => {
  it(`rejects net.fetch with a NetError ${error}, with no header event`, async () => {
    const fake = faultFake();
    const url = await urlFor(fake);
    const events = webRequestEvents(fake.session.defaultSession);
    const failure = await fetchError(fake.net.fetch(url));
    expect(failure).toBeInstanceOf(NetError);
    expect((failure as Error).message).toBe(error);
    expect(events).toEqual(failedBeforeHeaders(error));
  });

  it("emits 'error' on net.request after it closed, and no response", async () => {
    const fake = faultFake();
    expect(await requestEvents(fake.net, await urlFor(fake))).toEqual(failedRequest(error));
  });

  it('interrupts a download, which the user may resume', async () => {
    const fake = faultFake();
    const url = await urlFor(fake);
    const events = webRequestEvents(fake.session.defaultSession);
    const { outcome, item } = await downloadOutcome(
      fake.session.defaultSession,
      new URL('/file.bin', url).href,
    );
    expect(outcome).toBe('updated:interrupted');
    expect(item.canResume()).toBe(true);
    expect(events).toEqual(failedBeforeHeaders(error));
  });
});

describe('connection reset mid-body', () => {
  // The reset is sent once the client has the headers, so it cannot overtake them.
  it('fails the body of net.fetch with net::ERR_CONNECTION_RESET, and never completes', async () => {
    const server = await serve();
    const { net, session } = faultFake();
    const events = webRequestEvents(session.defaultSession);
    const pending = net.fetch(server.url);
    const socket = await server.nextRequest();
    socket.write(`${headOf(10)}hello`);
    const response = await pending;
    socket.resetAndDestroy();
    await expect(response.arrayBuffer()).rejects.toThrow(/^net::ERR_CONNECTION_RESET$/);
    expect(events).toEqual(failedInBody('net::ERR_CONNECTION_RESET'));
  });

  it('destroys the net.request response with the error, then emits it on the request', async () => {
    const server = await serve();
    const { net } = faultFake();
    const socket = server.nextRequest();
    void socket.then((s) => s.write(`${headOf(10)}hello`));
    const events = await requestEvents(net, server.url, () => {
      void socket.then((s) => s.resetAndDestroy());
    });
    expect(events).toEqual(failedResponse('net::ERR_CONNECTION_RESET'));
  });

  it('interrupts a download', async () => {
    const server = await serve();
    const { session } = faultFake();
    const events = webRequestEvents(session.defaultSession);
    const socket = server.nextRequest();
    void socket.then((s) => s.write(`${headOf(10)}hello`));
    const { outcome } = await downloadOutcome(session.defaultSession, `${server.url}/file.bin`, () => {
      void socket.then((s) => s.resetAndDestroy());
    });
    expect(outcome).toBe('updated:interrupted');
    expect(events).toEqual(failedInBody('net::ERR_CONNECTION_RESET'));
  });
});

// HttpStreamParser::DoReadBodyComplete: a close before the framing says the body ended.
// A download retries a length mismatch five times by itself (SERVER_CONTENT_LENGTH_MISMATCH
// resumes at once); any other network failure waits for the user.
const cuts: [string, string, string, number][] = [
  ['short of its Content-Length', `${headOf(10)}hello`, 'net::ERR_CONTENT_LENGTH_MISMATCH', 6],
  ['before the last chunk', `${chunkedHead}5\r\nhello\r\n`, 'net::ERR_INCOMPLETE_CHUNKED_ENCODING', 1],
];

describe.each(cuts)('server closes mid-body, %s', (_cut, written, error, attempts) => {
  it(`fails the body of net.fetch with ${error}, and never completes`, async () => {
    const server = await serve((socket) => socket.end(written));
    const { net, session } = faultFake();
    const events = webRequestEvents(session.defaultSession);
    const response = await net.fetch(server.url);
    await expect(response.text()).rejects.toThrow(new RegExp(`^${error}$`));
    expect(events).toEqual(failedInBody(error));
  });

  it(`destroys the net.request response with ${error}, then emits it on the request`, async () => {
    const server = await serve((socket) => socket.end(written));
    const { net } = faultFake();
    expect(await requestEvents(net, server.url)).toEqual(failedResponse(error));
  });

  it(`interrupts a download after ${attempts} attempt(s), each failing with ${error}`, async () => {
    const server = await serve((socket) => socket.end(written));
    const { session } = faultFake();
    const events = webRequestEvents(session.defaultSession);
    const { outcome } = await downloadOutcome(session.defaultSession, `${server.url}/file.bin`);
    expect(outcome).toBe('updated:interrupted');
    expect(server.requests).toHaveLength(attempts);
    expect(events).toEqual(Array.from({ length: attempts }, () => failedInBody(error)).flat());
  });
});

describe('headers slower than the app waits', () => {
  // Chromium has no overall request timeout: the app gives up on its own clock.
  const wait = 30_000;

  it('rejects net.fetch with the abort reason when its signal fires, and closes the connection', async () => {
    const server = await serve();
    const { net, session, clock } = faultFake();
    const events = webRequestEvents(session.defaultSession);
    const controller = new AbortController();
    clock.setTimeout(() => controller.abort(), wait);
    const pending = fetchError(net.fetch(server.url, { signal: controller.signal }));
    const socket = await server.nextRequest();
    clock.tick(wait);
    expect(await pending).toEqual(expect.objectContaining({ name: 'AbortError' }));
    await until(() => socket.destroyed);
    expect(events).toEqual(failedBeforeHeaders('net::ERR_ABORTED'));
  });

  it("emits 'abort' and no 'error' on an aborted net.request", async () => {
    const server = await serve();
    const { net, session, clock } = faultFake();
    const events = webRequestEvents(session.defaultSession);
    const request = net.request(server.url);
    const seen: string[] = [];
    for (const name of ['error', 'abort', 'close', 'response']) request.on(name, () => seen.push(name));
    clock.setTimeout(() => request.abort(), wait);
    request.end();
    const socket = await server.nextRequest();
    clock.tick(wait);
    await until(() => socket.destroyed && seen.includes('abort'));
    expect(seen).toEqual(['close', 'abort']);
    expect(events).toEqual(failedBeforeHeaders('net::ERR_ABORTED'));
  });

  it('cancels a download the app gives up on', async () => {
    const server = await serve();
    const { session, clock } = faultFake();
    const ses = session.defaultSession;
    const events = webRequestEvents(ses);
    const socket = server.nextRequest();
    void socket.then((s) => s.write(`${headOf(10)}hello`));
    const { outcome } = await downloadOutcome(ses, `${server.url}/file.bin`, (item) => {
      clock.setTimeout(() => item.cancel(), wait);
      void socket.then(() => clock.tick(wait));
    });
    expect(outcome).toBe('done:cancelled');
    const served = await socket;
    await until(() => served.destroyed && events.length === 6);
    expect(events).toEqual(failedInBody('net::ERR_ABORTED'));
  });
});

describe('proxy dies mid-request', () => {
  /** A target behind a real proxy the session uses, and the session's webRequest events. */
  async function proxied() {
    const target = await serve();
    const via = await proxy();
    const fake = faultFake();
    const ses = fake.session.defaultSession;
    await ses.setProxy({ proxyRules: `http=127.0.0.1:${via.port}`, proxyBypassRules: '<-loopback>' });
    return { target, via, ...fake, ses, events: webRequestEvents(ses) };
  }

  it('rejects net.fetch with net::ERR_EMPTY_RESPONSE when the proxy closes before the headers', async () => {
    const { target, via, net, events } = await proxied();
    const pending = fetchError(net.fetch(`${target.url}/slow`));
    await target.nextRequest();
    await via.close();
    expect(await pending).toMatchObject({ message: 'net::ERR_EMPTY_RESPONSE' });
    expect(events).toEqual(failedBeforeHeaders('net::ERR_EMPTY_RESPONSE'));
  });

  it('fails the body with net::ERR_CONTENT_LENGTH_MISMATCH when the proxy closes mid-body', async () => {
    const { target, via, net, events } = await proxied();
    const pending = net.fetch(`${target.url}/file.bin`);
    (await target.nextRequest()).write(`${headOf(10)}hello`);
    const response = await pending;
    await via.close();
    await expect(response.text()).rejects.toThrow(/^net::ERR_CONTENT_LENGTH_MISMATCH$/);
    expect(events).toEqual(failedInBody('net::ERR_CONTENT_LENGTH_MISMATCH'));
  });

  it("emits 'error' on net.request when the proxy closes before the headers", async () => {
    const { target, via, net } = await proxied();
    const arrived = target.nextRequest().then(() => via.close());
    const events = await requestEvents(net, `${target.url}/slow`);
    await arrived;
    expect(events).toEqual(failedRequest('net::ERR_EMPTY_RESPONSE'));
  });

  it('interrupts a download when the proxy closes mid-body, its retries finding no proxy', async () => {
    const { target, via, ses, events } = await proxied();
    void target.nextRequest().then((s) => s.write(`${headOf(10)}hello`));
    const { outcome } = await downloadOutcome(ses, `${target.url}/file.bin`, () => {
      void via.close();
    });
    expect(outcome).toBe('updated:interrupted');
    expect(events).toEqual([
      ...failedInBody('net::ERR_CONTENT_LENGTH_MISMATCH'),
      // The length mismatch is retried at once (IMMEDIATE_CONTINUE); the proxy is gone by then.
      ...failedBeforeHeaders('net::ERR_PROXY_CONNECTION_FAILED'),
    ]);
  });
});
