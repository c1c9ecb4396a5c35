import { createElectronFake } from '../../src/create-electron-fake';

it('handle registers a custom scheme that fetch can reach', async () => {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  ses.protocol.handle('app', (request) => new Response(`you asked for ${new URL(request.url).pathname}`));
  expect(ses.protocol.isProtocolHandled('app')).toBe(true);
  expect(ses.protocol.isProtocolRegistered('app')).toBe(true);
  expect(await (await ses.fetch('app://host/page')).text()).toBe('you asked for /page');
});

it('handle on a built-in scheme intercepts it', async () => {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  ses.protocol.handle(
    'https',
    () => new Response('intercepted', { headers: { 'content-type': 'text/plain' } }),
  );
  expect(ses.protocol.isProtocolIntercepted('https')).toBe(true);
  const response = await ses.fetch('https://example.invalid/');
  expect(await response.text()).toBe('intercepted');
  expect(response.status).toBe(200);
});

it('handling a scheme twice throws and unhandling a missing one throws', () => {
  const { session } = createElectronFake();
  const protocol = session.defaultSession.protocol;
  protocol.handle('dup', () => new Response(''));
  expect(() => protocol.handle('dup', () => new Response(''))).toThrow('Failed to register protocol: dup');
  expect(() => protocol.unhandle('missing')).toThrow('Failed to unhandle protocol: missing');
  protocol.unhandle('dup');
  expect(protocol.isProtocolHandled('dup')).toBe(false);
});

it('a legacy registration blocks handle on the same scheme and returns booleans itself', () => {
  const { session } = createElectronFake();
  const protocol = session.defaultSession.protocol;
  expect(protocol.registerStringProtocol('old', (_r, cb) => cb('x'))).toBe(true);
  expect(protocol.registerStringProtocol('old', (_r, cb) => cb('x'))).toBe(false);
  expect(() => protocol.handle('old', () => new Response(''))).toThrow('Failed to register protocol: old');
  expect(protocol.unregisterProtocol('old')).toBe(true);
  expect(protocol.unregisterProtocol('old')).toBe(false);
});

it('after unhandle a fetch to the scheme fails with net::ERR_UNKNOWN_URL_SCHEME', async () => {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  ses.protocol.handle('gone', () => new Response('x'));
  ses.protocol.unhandle('gone');
  await expect(ses.fetch('gone://x')).rejects.toThrow('net::ERR_UNKNOWN_URL_SCHEME');
});

it('a throwing handler fails with net::ERR_UNEXPECTED and Response.error() with net::ERR_FAILED', async () => {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  ses.protocol.handle('boom', () => {
    throw new Error('bad');
  });
  ses.protocol.handle('err', () => Response.error());
  ses.protocol.handle('odd', () => 'not a response' as unknown as Response);
  await expect(ses.fetch('boom://x')).rejects.toThrow('net::ERR_UNEXPECTED');
  await expect(ses.fetch('err://x')).rejects.toThrow('net::ERR_FAILED');
  await expect(ses.fetch('odd://x')).rejects.toThrow('net::ERR_UNEXPECTED');
  expect(errors).toHaveBeenCalledTimes(1);
  errors.mockRestore();
});

it('registrations never leak across sessions', () => {
  const { session, protocol } = createElectronFake();
  session.fromPartition('temp').protocol.registerStringProtocol('sp', (_r, cb) => cb('hello'));
  expect(protocol.isProtocolRegistered('sp')).toBe(false);
  expect(session.fromPartition('temp').protocol.isProtocolRegistered('sp')).toBe(true);
});

it('legacy string responses default to text/html with utf-8 and status 200', async () => {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  ses.protocol.registerStringProtocol('str', (request, cb) => cb({ data: `<p>${request.method}</p>` }));
  const response = await ses.fetch('str://x');
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(await response.text()).toBe('<p>GET</p>');
});

it('a legacy handler calling back with nothing fails the request', async () => {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  ses.protocol.registerBufferProtocol('empty', (_r, cb) => cb());
  await expect(ses.fetch('empty://x')).rejects.toThrow(/^net::ERR_/);
});

it('registerSchemesAsPrivileged is refused after ready and validates its argument', () => {
  const before = createElectronFake({ ready: false });
  expect(() => before.protocol.registerSchemesAsPrivileged('x' as never)).toThrow(
    'Argument must be an array of custom schemes.',
  );
  expect(() =>
    before.protocol.registerSchemesAsPrivileged([{ scheme: 'c', privileges: { codeCache: true } }]),
  ).toThrow('Code cache can only be enabled when the custom scheme is registered as standard scheme.');
  before.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true } }]);
  expect(before.protocol.privilegedSchemes.get('app')?.standard).toBe(true);
  const after = createElectronFake();
  expect(() => after.protocol.registerSchemesAsPrivileged([])).toThrow(
    'protocol.registerSchemesAsPrivileged should be called before app is ready',
  );
});

it('the protocol module delegates to the default session', () => {
  const { protocol, session } = createElectronFake();
  protocol.handle('mod', () => new Response('m'));
  expect(session.defaultSession.protocol.isProtocolHandled('mod')).toBe(true);
});

it('file: URLs are read from the fake file system by fetch and refused by net.request', async () => {
  const electron = createElectronFake();
  electron.fake.fs.mkdirSync('/data', { recursive: true });
  electron.fake.fs.writeFileSync('/data/page.html', '<h1>hi</h1>');
  const response = await electron.net.fetch('file:///data/page.html');
  expect(response.headers.get('content-type')).toBe('text/html');
  expect(await response.text()).toBe('<h1>hi</h1>');
  await expect(electron.net.fetch('file:///data/missing.html')).rejects.toThrow('net::ERR_FILE_NOT_FOUND');
  expect(() => electron.net.request('file:///data/page.html')).toThrow(
    'ClientRequest only supports http: and https: protocols',
  );
});
