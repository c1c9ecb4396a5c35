import { createElectronFake } from '../../src/create-electron-fake';
import { NetError } from '../../src/errors/net-error';

function echoFake() {
  const electron = createElectronFake({
    transport: (request) => new Response(`${request.method} ${request.url}`),
  });
  return { ...electron, ses: electron.session.defaultSession };
}

beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

it.each([
  ['a string', () => 'text'],
  ['undefined', () => undefined],
  ['a plain object', () => ({ status: 200, body: 'x' })],
  ['a rejected promise', () => Promise.reject(new Error('no'))],
  ['a Response with status 999 (its constructor throws)', () => new Response('', { status: 999 })],
  ['a handler that is not a function', 5],
])(
  'protocol.handle answering %s fails the request with net::ERR_UNEXPECTED, and the scheme stays handled',
  async (_label, handler) => {
    const { ses } = echoFake();
    ses.protocol.handle('app', handler as never);
    await expect(ses.fetch('app://host/')).rejects.toMatchObject({ message: 'net::ERR_UNEXPECTED' });
    expect(ses.protocol.isProtocolHandled('app')).toBe(true);
  },
);

it('a scheme registered in upper case never matches, as URLs carry lower-case schemes', async () => {
  const { ses } = echoFake();
  ses.protocol.handle('UPPER', () => new Response('x'));
  await expect(ses.fetch('upper://x/')).rejects.toThrow(new NetError('ERR_UNKNOWN_URL_SCHEME'));
});

it('a legacy handler answering a number fails with net::ERR_UNEXPECTED', async () => {
  const { ses } = echoFake();
  ses.protocol.registerBufferProtocol('legacy', (_request, callback) => callback(5 as never));
  await expect(ses.fetch('legacy://x/')).rejects.toThrow(new NetError('ERR_UNEXPECTED'));
  expect(ses.protocol.isProtocolRegistered('legacy')).toBe(true);
});

it('a legacy handler answering { error: -2 } fails with net::ERR_FAILED', async () => {
  const { ses } = echoFake();
  ses.protocol.registerBufferProtocol('legacy', (_request, callback) => callback({ error: -2 }));
  await expect(ses.fetch('legacy://x/')).rejects.toMatchObject({ message: 'net::ERR_FAILED', cause: -2 });
});

it('a legacy handler that throws fails with net::ERR_UNEXPECTED, its error as the cause', async () => {
  const { ses } = echoFake();
  const thrown = new Error('handler broke');
  ses.protocol.registerBufferProtocol('legacy', () => {
    throw thrown;
  });
  const error = await ses.fetch('legacy://x/').catch((e: unknown) => e);
  expect(error).toEqual(new NetError('ERR_UNEXPECTED'));
  expect((error as NetError).cause).toBe(thrown);
});

it.each([
  ['a method that is not a string', { method: 5 }, TypeError],
  ['headers that are not an object', { headers: 'x' }, new TypeError('headers must be an object')],
  ['a header name that is not a token', { headers: { 'a b': '1' } }, new Error("Invalid header name: 'a b'")],
  [
    'a header value with a line break',
    { headers: { a: 'x\ny' } },
    new Error("Invalid value for header 'a': 'x\ny'"),
  ],
  [
    'a header value that is undefined',
    { headers: { a: undefined } },
    new Error('`value` required in setHeader("a", value)'),
  ],
  ['a partition that is not a string', { partition: 5 }, new TypeError('`partition` should be a string')],
  [
    'a session that is not a Session',
    { session: {} },
    new TypeError('`session` should be an instance of the Session class'),
  ],
  [
    'an unknown redirect mode',
    { redirect: 'bogus' },
    new Error('redirect mode should be one of follow, error or manual'),
  ],
  [
    'a protocol other than http: and https:',
    { url: undefined, protocol: 'ftp:', hostname: 'a.test' },
    new Error('ClientRequest only supports http: and https: protocols'),
  ],
])('net.request with %s throws, and no request is sent', (_label, options, expected) => {
  const requests: string[] = [];
  const { net } = createElectronFake({
    transport: (request) => (requests.push(request.url), new Response('')),
  });
  expect(() => net.request({ url: 'https://a.test/', ...options } as never)).toThrow(expected as Error);
  expect(requests).toEqual([]);
});

it.each(['not a url', 'https://a.test:port/'])('net.request(%j) throws TypeError: Invalid URL', (url) => {
  const { net } = echoFake();
  expect(() => net.request(url)).toThrow('Invalid URL');
});

it('net.request with a method that is not a token emits error instead of sending it', async () => {
  const { net } = echoFake();
  const request = net.request({ url: 'https://a.test/', method: 'GE T' });
  const failed = new Promise<Error>((resolve) => request.on('error', resolve));
  request.end();
  expect((await failed).message).toContain("'GE T' is not a valid HTTP method.");
});

it('an unknown credentials value is passed on and the request is sent without cookies', async () => {
  const { net } = echoFake();
  const request = net.request({ url: 'https://a.test/', credentials: 'bogus' as never });
  const status = new Promise<number>((resolve) =>
    request.on('response', (response) => resolve(response.statusCode)),
  );
  request.end();
  expect(await status).toBe(200);
});

it("setHeader with a name that is not a string throws Electron's TypeError and leaves the headers as they were", () => {
  const { net } = echoFake();
  const request = net.request('https://a.test/');
  request.setHeader('x-a', '1');
  expect(() => request.setHeader(5 as never, 'x')).toThrow(
    new TypeError('`name` should be a string in setHeader(name, value)'),
  );
  expect(request.getHeader('x-a')).toBe('1');
});

it('setHeader after end throws "Can\'t set headers after they are sent"', () => {
  const { net } = echoFake();
  const request = net.request('https://a.test/');
  request.on('error', () => undefined);
  request.end();
  expect(() => request.setHeader('a', 'b')).toThrow("Can't set headers after they are sent");
  expect(request.getHeader('a')).toBeUndefined();
});

it('write after end emits ERR_STREAM_WRITE_AFTER_END as a Node Writable does', async () => {
  const { net } = echoFake();
  const request = net.request('https://a.test/');
  const failed = new Promise<NodeJS.ErrnoException>((resolve) => request.on('error', resolve));
  request.end();
  request.write('late');
  expect((await failed).code).toBe('ERR_STREAM_WRITE_AFTER_END');
});

it("write with a number throws Node's ERR_INVALID_ARG_TYPE", () => {
  const { net } = echoFake();
  const request = net.request({ url: 'https://a.test/', method: 'POST' });
  request.on('error', () => undefined);
  expect(() => request.write(5 as never)).toThrow(
    expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }) as Error,
  );
});

it.each([
  ['a URL that does not parse', 'not a url', undefined, 'Failed to parse URL from not a url'],
  [
    'a method that is not a token',
    'https://a.test/',
    { method: 'GE T' },
    "'GE T' is not a valid HTTP method.",
  ],
  ['a body on GET', 'https://a.test/', { body: 'x' }, 'Request with GET/HEAD method cannot have body.'],
  [
    'a header name that is not a token',
    'https://a.test/',
    { headers: { 'a b': '1' } },
    '"a b" is an invalid header name.',
  ],
  [
    'a stream body without duplex',
    'https://a.test/',
    { method: 'POST', body: new ReadableStream() },
    'duplex option is required',
  ],
])(
  "net.fetch with %s rejects with the Request constructor's TypeError and sends nothing",
  async (_label, url, init, message) => {
    const requests: string[] = [];
    const { net } = createElectronFake({
      transport: (request) => (requests.push(request.url), new Response('')),
    });
    const error = await net.fetch(url, init as RequestInit).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TypeError');
    expect((error as Error).message).toContain(message);
    expect(requests).toEqual([]);
  },
);

it('net.fetch to a scheme nobody handles rejects with net::ERR_UNKNOWN_URL_SCHEME', async () => {
  const { net } = echoFake();
  await expect(net.fetch('ftp://a.test/')).rejects.toThrow(new NetError('ERR_UNKNOWN_URL_SCHEME'));
});

it.each([5, undefined, null])(
  'protocol.handle with scheme %p throws the gin conversion TypeError and handles nothing',
  (scheme) => {
    const { ses } = echoFake();
    expect(() => ses.protocol.handle(scheme as never, () => new Response('x'))).toThrow(
      /^Error processing argument at index 0, conversion failure from (Number|undefined|null)$/,
    );
    expect(ses.protocol.isProtocolHandled(String(scheme))).toBe(false);
  },
);

it.each([
  [
    'a scheme that is not a string',
    5,
    () => undefined,
    'Error processing argument at index 0, conversion failure from Number',
  ],
  [
    'a handler that is not a function',
    'legacy',
    'handler',
    'Error processing argument at index 1, conversion failure from "handler"',
  ],
  [
    'no handler',
    'legacy',
    undefined,
    'Error processing argument at index 1, conversion failure from undefined',
  ],
])(
  'registerStringProtocol and interceptStringProtocol with %s throw the gin conversion TypeError and register nothing',
  (_label, scheme, handler, message) => {
    const { ses } = echoFake();
    const protocol = ses.protocol as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(() => protocol['registerStringProtocol']?.(scheme, handler)).toThrow(new TypeError(message));
    expect(() => protocol['interceptStringProtocol']?.(scheme, handler)).toThrow(new TypeError(message));
    expect(ses.protocol.isProtocolRegistered(String(scheme))).toBe(false);
    expect(ses.protocol.isProtocolIntercepted(String(scheme))).toBe(false);
  },
);
