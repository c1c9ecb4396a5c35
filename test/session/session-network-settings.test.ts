import { createElectronFake } from '../../src/create-electron-fake';
import { internalsOf } from '../../src/session/session-internals';
import { NetError } from '../../src/errors/net-error';
import { fetchPacScript } from '../../src/proxy/fetch-pac-script';

it('refuses a relative or empty code cache path (Electron spec)', () => {
  const ses = createElectronFake().session.defaultSession;
  const message = 'Absolute path must be provided to store code cache.';
  expect(() => ses.setCodeCachePath('../fixtures')).toThrow(new TypeError(message));
  expect(() => ses.setCodeCachePath('')).toThrow(new TypeError(message));
  expect(() => ses.setCodeCachePath(42 as never)).toThrow(new TypeError(message));
  expect(() => ses.setCodeCachePath('/var/code-cache')).not.toThrow();
});

it('clears all code caches for an empty url list and only the listed ones otherwise', async () => {
  const { session, fake } = createElectronFake();
  const ses = session.defaultSession;
  const cache = fake.storage(ses).codeCache;
  cache.add('https://app.test/a.js').add('https://app.test/b.js');
  await ses.clearCodeCaches({ urls: ['https://app.test/a.js'] });
  expect([...cache]).toEqual(['https://app.test/b.js']);
  await ses.clearCodeCaches({ urls: [] });
  expect(cache.size).toBe(0);
});

it('stores the SSL config for new connections and refuses old TLS versions', () => {
  const { session, fake } = createElectronFake();
  const ses = session.defaultSession;
  ses.setSSLConfig({ disabledCipherSuites: [0x009c] });
  expect(fake.inspect(ses).sslConfig).toEqual({
    minVersion: 'tls1.2',
    maxVersion: 'tls1.3',
    disabledCipherSuites: [0x009c],
  });
  expect(() => ses.setSSLConfig({ minVersion: 'tls1.1' as never })).toThrow(TypeError);
});

it('validates preconnect like Electron and records the request', () => {
  const { session, fake } = createElectronFake();
  const ses = session.defaultSession;
  expect(() => ses.preconnect({ url: '' })).toThrow(
    new TypeError('Must pass non-empty valid url to session.preconnect.'),
  );
  expect(() => ses.preconnect({} as never)).toThrow(
    new TypeError('Must pass non-empty valid url to session.preconnect.'),
  );
  expect(() => ses.preconnect({ url: 'https://a.test', numSockets: 0 })).toThrow(
    new TypeError('numSocketsToPreconnect is outside range [1,6]'),
  );
  expect(() => ses.preconnect({ url: 'https://a.test', numSockets: 7 })).toThrow(
    new TypeError('numSocketsToPreconnect is outside range [1,6]'),
  );
  ses.preconnect({ url: 'https://a.test', numSockets: 2.5 });
  ses.preconnect({ url: 'https://b.test/path', numSockets: 6 });
  expect(fake.inspect(ses).preconnects).toEqual([
    { url: 'https://a.test/', numSockets: 1 },
    { url: 'https://b.test/path', numSockets: 6 },
  ]);
});

it('emits preconnect for page hints only, never for ses.preconnect', () => {
  const { session, fake } = createElectronFake();
  const ses = session.defaultSession;
  const events: unknown[][] = [];
  ses.on('preconnect', (_event, ...rest: unknown[]) => events.push(rest));
  ses.preconnect({ url: 'https://a.test' });
  expect(events).toEqual([]);
  fake.emitPreconnect(ses, 'https://cdn.test:8443/lib.js', false);
  expect(events).toEqual([['https://cdn.test:8443/', false, null]]);
});

it('stores and clears network emulation conditions', () => {
  const { session, fake } = createElectronFake();
  const ses = session.defaultSession;
  ses.enableNetworkEmulation({ latency: 500, downloadThroughput: 6400, uploadThroughput: 6400 });
  expect(fake.inspect(ses).emulation).toEqual({
    offline: false,
    latency: 500,
    downloadThroughput: 6400,
    uploadThroughput: 6400,
  });
  ses.enableNetworkEmulation({ offline: true });
  expect(internalsOf(ses).emulation).toEqual({
    offline: true,
    latency: 0,
    downloadThroughput: 0,
    uploadThroughput: 0,
  });
  ses.disableNetworkEmulation();
  expect(fake.inspect(ses).emulation).toBeUndefined();
  expect(() => ses.enableNetworkEmulation('offline' as never)).toThrow(
    'Error processing argument at index 0, conversion failure from "offline"',
  );
});

it('resolves hosts from the fake host map and forgets cached answers on clearHostResolverCache', async () => {
  const { session, fake } = createElectronFake({ hosts: { 'api.test': '10.0.0.1' } });
  const ses = session.fromPartition('resolvehost');
  await expect(ses.resolveHost('api.test')).resolves.toEqual({
    endpoints: [{ address: '10.0.0.1', family: 'ipv4' }],
  });
  fake.setHost('api.test', '10.0.0.2');
  await expect(ses.resolveHost('api.test')).resolves.toEqual({
    endpoints: [{ address: '10.0.0.1', family: 'ipv4' }],
  });
  const done: string[] = [];
  await ses.clearHostResolverCache(() => done.push('callback'));
  expect(done).toEqual(['callback']);
  await expect(ses.resolveHost('api.test')).resolves.toEqual({
    endpoints: [{ address: '10.0.0.2', family: 'ipv4' }],
  });
  await expect(ses.resolveHost('notfound.test', { queryType: 'A' })).rejects.toThrow(
    'net::ERR_NAME_NOT_RESOLVED',
  );
});

it('shares allowNTLMCredentialsForDomains across every session of the process', () => {
  const { session, fake } = createElectronFake();
  expect(fake.ntlmCredentialDomains).toBeUndefined();
  session.fromPartition('a').allowNTLMCredentialsForDomains('*example.com, *foobar.com, *baz');
  expect(fake.ntlmCredentialDomains).toBe('*example.com, *foobar.com, *baz');
  session.fromPartition('b').allowNTLMCredentialsForDomains('*');
  expect(fake.ntlmCredentialDomains).toBe('*');
});

it('clears the auth cache and fails requests in flight with net::ERR_ABORTED', async () => {
  const ses = createElectronFake().session.defaultSession;
  const internals = internalsOf(ses);
  const clear = jest.spyOn(internals.authCache, 'clear');
  const inflight = new AbortController();
  internals.inflight.add(inflight);
  await ses.clearAuthCache();
  expect(clear).toHaveBeenCalledTimes(1);
  expect(inflight.signal.aborted).toBe(true);
  expect(inflight.signal.reason).toBeInstanceOf(NetError);
  expect((inflight.signal.reason as NetError).message).toBe('net::ERR_ABORTED');
});

it('accepts the 1.x clearAuthCache forms with and without options', async () => {
  const ses = createElectronFake().session.defaultSession;
  const calls: string[] = [];
  await ses.clearAuthCache({ type: 'password' }, () => calls.push('with options'));
  await ses.clearAuthCache(() => calls.push('callback only'));
  expect(calls).toEqual(['with options', 'callback only']);
});

it('answers getCacheSize with 0 for an empty cache, in both forms', async () => {
  const ses = createElectronFake().session.defaultSession;
  const sizes: number[] = [];
  await expect(ses.getCacheSize((size) => sizes.push(size))).resolves.toBe(0);
  expect(sizes).toEqual([0]);
  const cleared: string[] = [];
  await expect(ses.clearCache(() => cleared.push('done'))).resolves.toBeUndefined();
  expect(cleared).toEqual(['done']);
});

it('asks the session cache for its size and to clear itself', async () => {
  const ses = createElectronFake().session.defaultSession;
  const clear = jest.fn();
  internalsOf(ses).httpCache = { lookup: () => undefined, size: () => 1234, clear };
  await expect(ses.getCacheSize()).resolves.toBe(1234);
  await ses.clearCache();
  expect(clear).toHaveBeenCalledTimes(1);
});

it('reads blobs from the blob registry and rejects unknown ones (Electron spec)', async () => {
  const { session, fake } = createElectronFake();
  const ses = session.defaultSession;
  const uuid = fake.registerBlob('a'.repeat(65537));
  const seen: Buffer[] = [];
  const data = await ses.getBlobData(uuid, (buffer) => seen.push(buffer));
  expect(data.toString()).toBe('a'.repeat(65537));
  expect(seen[0]?.equals(data)).toBe(true);
  fake.releaseBlob(uuid);
  await expect(ses.getBlobData(uuid)).rejects.toThrow('Could not get blob data handle');
});

it('rejects an invalid proxy mode and accepts the 1.x callback forms', async () => {
  const ses = createElectronFake().session.fromPartition('proxyconfig');
  await expect(ses.setProxy({ mode: 'invalid' as never })).rejects.toThrow(/Invalid mode/);
  const calls: unknown[] = [];
  await ses.setProxy({ mode: 'direct' }, () => calls.push('set'));
  const proxy = await ses.resolveProxy('http://example.com/', (result) => calls.push(result));
  expect(calls).toEqual(['set', proxy]);
  await expect(ses.forceReloadProxyConfig()).resolves.toBeUndefined();
});

it('keeps the proxy service on the session internals for the request pipeline', async () => {
  const ses = createElectronFake().session.fromPartition('proxy-internals');
  expect(internalsOf(ses).proxyResolver).toBeUndefined();
  await ses.setProxy({ proxyRules: 'http=myproxy:80' });
  const resolver = internalsOf(ses).proxyResolver;
  expect(resolver).toBeDefined();
  await ses.resolveProxy('http://example.com/');
  expect(internalsOf(ses).proxyResolver).toBe(resolver);
});

it('resolves through the proxy rules set on the session (Electron spec)', async () => {
  const ses = createElectronFake().session.fromPartition('proxyconfig');
  await ses.setProxy({ proxyRules: 'http=myproxy:80' });
  await expect(ses.resolveProxy('http://example.com/')).resolves.toBe('PROXY myproxy:80');
  await ses.setProxy({ mode: 'direct', proxyRules: 'http=myproxy:80' });
  await expect(ses.resolveProxy('http://example.com/')).resolves.toBe('DIRECT');
});

it('fetches PAC scripts directly: no webRequest, no proxy, only a 200 counts', async () => {
  const requested: string[] = [];
  const { session } = createElectronFake({
    transport: (request) => {
      requested.push(request.url);
      if (request.url.endsWith('/missing.pac')) return new Response('nope', { status: 404 });
      return new Response('function FindProxyForURL() { return "PROXY myproxy:8132"; }');
    },
  });
  const ses = session.fromPartition('pac-fetch');
  const webRequests: string[] = [];
  ses.webRequest.onBeforeRequest((details, callback) => {
    webRequests.push(details.url);
    callback({});
  });
  await ses.setProxy({ proxyRules: 'myproxy:80' });
  const internals = internalsOf(ses);
  await expect(fetchPacScript(internals.runtime, 'http://pac.test/proxy.pac', undefined)).resolves.toBe(
    'function FindProxyForURL() { return "PROXY myproxy:8132"; }',
  );
  await expect(fetchPacScript(internals.runtime, 'http://pac.test/missing.pac', undefined)).rejects.toThrow(
    'HTTP 404',
  );
  await expect(
    fetchPacScript(internals.runtime, 'data:,function%20FindProxyForURL(){}', undefined),
  ).resolves.toBe('function FindProxyForURL(){}');
  expect(requested).toEqual(['http://pac.test/proxy.pac', 'http://pac.test/missing.pac']);
  // The network service fetches PAC scripts itself: webRequest never sees them.
  expect(webRequests).toEqual([]);
});
