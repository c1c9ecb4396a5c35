import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { requestStages } from '../../src/pipeline/pipeline';
import { isBlockingHook, type WebRequestHookName } from '../../src/web-request/listener';
import { readAll, startServer, type TestServer } from '../helpers/http-server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/moved') {
      res.writeHead(301, { Location: '/target' });
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'text/plain');
    res.end(JSON.stringify({ url: req.url, headers: req.headers }));
  });
});
afterAll(() => server.close());

type Hook = WebRequestHookName;
// Listed here in Chromium's order; the test asserts that order, so it is not taken from the source.
const hooks: Hook[] = [
  'onBeforeRequest',
  'onBeforeSendHeaders',
  'onSendHeaders',
  'onHeadersReceived',
  'onResponseStarted',
  'onBeforeRedirect',
  'onCompleted',
  'onErrorOccurred',
];

function recordHooks(ses: { webRequest: unknown }): {
  log: string[];
  details: Map<string, Record<string, unknown>>;
} {
  const log: string[] = [];
  const details = new Map<string, Record<string, unknown>>();
  const webRequest = ses.webRequest as Record<
    Hook,
    (listener: (d: Record<string, unknown>, cb?: (r: object) => void) => void) => void
  >;
  for (const hook of hooks) {
    webRequest[hook]((d, cb) => {
      log.push(`${hook} ${String(d['url'])}`);
      details.set(hook, d);
      if (isBlockingHook(hook)) cb?.({});
    });
  }
  return { log, details };
}

it('the pipeline lists its stages in Chromium order in one place', () => {
  expect(requestStages.map((s) => s.stageName)).toEqual([
    'protocol handlers',
    'webRequest.onBeforeRequest',
    'session headers',
    'cookie attach',
    'webRequest.onBeforeSendHeaders',
    'webRequest.onSendHeaders',
    'proxy resolution',
    'HTTP cache',
    'network emulation',
    'transport',
    'webRequest.onHeadersReceived',
    'HTTP auth',
    'Set-Cookie',
    'redirects',
    'webRequest.onResponseStarted',
  ]);
});

it('a request passes the webRequest hooks in order and completes after its body is read', async () => {
  const { session } = createElectronFake();
  const { log } = recordHooks(session.defaultSession);
  const response = await session.defaultSession.fetch(`${server.url}/a`);
  expect(log.at(-1)).toBe(`onResponseStarted ${server.url}/a`);
  await response.text();
  expect(log).toEqual([
    `onBeforeRequest ${server.url}/a`,
    `onBeforeSendHeaders ${server.url}/a`,
    `onSendHeaders ${server.url}/a`,
    `onHeadersReceived ${server.url}/a`,
    `onResponseStarted ${server.url}/a`,
    `onCompleted ${server.url}/a`,
  ]);
});

it('a redirect re-runs onBeforeRequest for the new URL after onBeforeRedirect', async () => {
  const { session } = createElectronFake();
  const { log, details } = recordHooks(session.defaultSession);
  await (await session.defaultSession.fetch(`${server.url}/moved`)).text();
  expect(log).toEqual([
    `onBeforeRequest ${server.url}/moved`,
    `onBeforeSendHeaders ${server.url}/moved`,
    `onSendHeaders ${server.url}/moved`,
    `onHeadersReceived ${server.url}/moved`,
    `onBeforeRedirect ${server.url}/moved`,
    `onBeforeRequest ${server.url}/target`,
    `onBeforeSendHeaders ${server.url}/target`,
    `onSendHeaders ${server.url}/target`,
    `onHeadersReceived ${server.url}/target`,
    `onResponseStarted ${server.url}/target`,
    `onCompleted ${server.url}/target`,
  ]);
  expect(details.get('onBeforeRedirect')).toMatchObject({
    statusCode: 301,
    redirectURL: `${server.url}/target`,
  });
});

it('a cancel fails with net::ERR_BLOCKED_BY_CLIENT, reports onErrorOccurred and never onCompleted', async () => {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  const events: string[] = [];
  ses.webRequest.onBeforeRequest((_d, cb) => cb({ cancel: true }));
  ses.webRequest.onCompleted(() => events.push('completed'));
  ses.webRequest.onErrorOccurred((d) => events.push(`error ${d.error}`));
  await expect(ses.fetch(`${server.url}/x`)).rejects.toThrow('net::ERR_BLOCKED_BY_CLIENT');
  expect(events).toEqual(['error net::ERR_BLOCKED_BY_CLIENT']);
  expect(server.requests.some((r) => r.url === '/x')).toBe(false);
});

it('redirectURL from onBeforeRequest is a 307 Internal Redirect', async () => {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  const redirects: Record<string, unknown>[] = [];
  ses.webRequest.onBeforeRequest((d, cb) =>
    cb(d.url.endsWith('/from') ? { redirectURL: `${server.url}/to` } : {}),
  );
  ses.webRequest.onBeforeRedirect((d) => redirects.push(d as unknown as Record<string, unknown>));
  const body = (await (await ses.fetch(`${server.url}/from`)).json()) as { url: string };
  expect(body.url).toBe('/to');
  expect(redirects).toHaveLength(1);
  expect(redirects[0]).toMatchObject({
    statusCode: 307,
    statusLine: 'HTTP/1.1 307 Internal Redirect',
    redirectURL: `${server.url}/to`,
  });
});

it('requestHeaders from onBeforeSendHeaders replace the whole set', async () => {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  let sent: Record<string, string> | undefined;
  ses.webRequest.onBeforeSendHeaders((_d, cb) => cb({ requestHeaders: { Test: 'header' } }));
  ses.webRequest.onSendHeaders((d) => (sent = d.requestHeaders));
  const body = (await (await ses.fetch(`${server.url}/h`)).json()) as { headers: Record<string, string> };
  expect(sent).toEqual({ Test: 'header' });
  expect(body.headers['test']).toBe('header');
  expect(body.headers['user-agent']).toBeUndefined();
});

it('responseHeaders and statusLine from onHeadersReceived replace the response head', async () => {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((_d, cb) =>
    cb({ responseHeaders: { 'X-New': ['a', 'b'] }, statusLine: 'HTTP/1.1 404 Not Found' }),
  );
  const response = await ses.fetch(`${server.url}/r`);
  expect(response.status).toBe(404);
  expect(response.headers.get('x-new')).toBe('a, b');
  expect(response.headers.get('content-type')).toBeNull();
  await response.text();
});

it('the session User-Agent and Accept-Language go on every request unless the request sets its own', async () => {
  const { session } = createElectronFake();
  const ses = session.fromPartition('ua');
  ses.setUserAgent('test-agent', 'en-US,fr,de');
  const first = (await (await ses.fetch(`${server.url}/u`)).json()) as { headers: Record<string, string> };
  expect(first.headers['user-agent']).toBe('test-agent');
  expect(first.headers['accept-language']).toBe('en-US,fr;q=0.9,de;q=0.8');
  const own = (await (await ses.fetch(`${server.url}/u`, { headers: { 'User-Agent': 'mine' } })).json()) as {
    headers: Record<string, string>;
  };
  expect(own.headers['user-agent']).toBe('mine');
});

it('uploadData is absent for GET and carries the bytes of a POST', async () => {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  const uploads: unknown[] = [];
  ses.webRequest.onBeforeRequest((d, cb) => {
    uploads.push(d.uploadData);
    cb({});
  });
  await (await ses.fetch(`${server.url}/g`)).text();
  await (await ses.fetch(`${server.url}/p`, { method: 'POST', body: 'abc' })).text();
  expect(uploads[0]).toBeUndefined();
  expect(uploads[1]).toEqual([{ bytes: Buffer.from('abc') }]);
});

it('details of net requests carry no webContents and a timestamp in milliseconds from the clock', async () => {
  const clock = createClock(1_700_000_000_000);
  const { session } = createElectronFake({ clock });
  const ses = session.defaultSession;
  let details: Record<string, unknown> | undefined;
  ses.webRequest.onBeforeRequest((d, cb) => {
    details = d as unknown as Record<string, unknown>;
    cb({});
  });
  await readAll((await ses.fetch(`${server.url}/t`)).body as unknown as AsyncIterable<Uint8Array>);
  expect(details?.['timestamp']).toBe(1_700_000_000_000);
  expect(details).not.toHaveProperty('webContents');
  expect(details).not.toHaveProperty('webContentsId');
  expect(details).toMatchObject({ method: 'GET', resourceType: 'other', referrer: '' });
});

it('fake.requests records every finished request with its outcome and what carried it', async () => {
  const { session, fake } = createElectronFake();
  const ses = session.fromPartition('log');
  ses.protocol.handle('app', () => new Response('from handler'));
  await (await ses.fetch(`${server.url}/logged`)).text();
  await (await ses.fetch('app://x/')).text();
  ses.webRequest.onBeforeRequest((_d, cb) => cb({ cancel: true }));
  await expect(ses.fetch(`${server.url}/blocked`)).rejects.toThrow();
  expect(fake.requests.map((r) => [r.url, r.proxy, r.statusCode, r.error, r.partition])).toEqual([
    [`${server.url}/logged`, 'DIRECT', 200, 'net::OK', 'log'],
    ['app://x/', 'handler', 200, 'net::OK', 'log'],
    [`${server.url}/blocked`, 'DIRECT', undefined, 'net::ERR_BLOCKED_BY_CLIENT', 'log'],
  ]);
  fake.clearRequests();
  expect(fake.requests).toEqual([]);
});
