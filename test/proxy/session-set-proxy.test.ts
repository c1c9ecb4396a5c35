import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createElectronFake } from '../../src/create-electron-fake';

// Electron spec/api-session-spec.ts "ses.setProxy", ported.
it.each([
  [{ proxyRules: 'http=myproxy:80' }, 'http://example.com/', 'PROXY myproxy:80'],
  [
    { proxyRules: 'http=myproxy:80', proxyBypassRules: '<-loopback>' },
    'http://localhost',
    'PROXY myproxy:80',
  ],
  [{ proxyRules: 'http=myproxy:80' }, 'http://localhost', 'DIRECT'],
  [{ proxyRules: 'http=myproxy:80', proxyBypassRules: '<local>' }, 'http://example/', 'DIRECT'],
  [{ mode: 'direct', proxyRules: 'http=myproxy:80' }, 'http://example.com/', 'DIRECT'],
  [{ mode: 'pac_script' }, 'http://example.com/', 'DIRECT'],
  [{ mode: 'fixed_servers', proxyRules: 'http=myproxy:80' }, 'http://example.com/', 'PROXY myproxy:80'],
  [{ proxyRules: 'http=myproxy:80' }, 'https://example.com/', 'DIRECT'],
  [{ proxyRules: 'foopy:80,bar,direct://' }, 'http://example.com/', 'PROXY foopy:80;PROXY bar:80;DIRECT'],
  [{ proxyRules: 'http=foopy;socks=foopy2' }, 'https://example.com/', 'SOCKS foopy2:1080'],
  [{ proxyRules: 'socks5://foopy' }, 'http://example.com/', 'SOCKS5 foopy:1080'],
  [
    { mode: 'fixed_servers', proxyRules: '', proxyBypassRules: 'example.com' },
    'http://example.com/',
    'DIRECT',
  ],
] as const)('setProxy(%j) resolves %s to %s', async (config, url, expected) => {
  const { session } = createElectronFake();
  const ses = session.fromPartition('proxyconfig');
  await ses.setProxy(config);
  expect(await ses.resolveProxy(url)).toBe(expected);
});

it('an invalid mode rejects with Electron message', async () => {
  const { session } = createElectronFake();
  await expect(session.defaultSession.setProxy({ mode: 'invalid' as never })).rejects.toThrow(
    'Invalid mode, must be one of direct, auto_detect, pac_script, fixed_servers or system',
  );
});

it('system mode takes the process environment proxies and NO_PROXY', async () => {
  const { session } = createElectronFake({
    env: { HTTP_PROXY: 'http://corp:3128', NO_PROXY: 'internal.test' },
  });
  const ses = session.defaultSession;
  await ses.setProxy({ mode: 'system' });
  expect(await ses.resolveProxy('http://example.com/')).toBe('PROXY corp:3128');
  expect(await ses.resolveProxy('http://internal.test/')).toBe('DIRECT');
});

it('a PAC script served on 127.0.0.1 is used, and forceReloadProxyConfig fetches it again', async () => {
  let port = 8132;
  const server = http.createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/x-ns-proxy-autoconfig');
    res.end(`function FindProxyForURL(url, host) { return "PROXY myproxy:${port}"; }`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const pacUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pac`;
    const { session } = createElectronFake();
    const ses = session.fromPartition('pac');
    await ses.setProxy({ pacScript: pacUrl });
    expect(await ses.resolveProxy('https://google.com')).toBe('PROXY myproxy:8132');
    port = 8133;
    expect(await ses.resolveProxy('https://google.com')).toBe('PROXY myproxy:8132');
    await ses.forceReloadProxyConfig();
    expect(await ses.resolveProxy('https://google.com')).toBe('PROXY myproxy:8133');
  } finally {
    server.close();
  }
});

it('a PAC script that loops forever or throws resolves to an empty string and the host stays healthy', async () => {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  const pac = (body: string): string => `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(body)}`;
  await ses.setProxy({ mode: 'pac_script', pacScript: pac('function FindProxyForURL(){ for(;;){} }') });
  expect(await ses.resolveProxy('http://example.com/')).toBe('');
  await ses.setProxy({
    mode: 'pac_script',
    pacScript: pac('function FindProxyForURL(){ return process.exit(1); }'),
  });
  expect(await ses.resolveProxy('http://example.com/')).toBe('');
  await ses.setProxy({
    mode: 'pac_script',
    pacScript: pac('function FindProxyForURL(u, h){ return isPlainHostName(h) ? "DIRECT" : "PROXY p:1"; }'),
  });
  expect(await ses.resolveProxy('http://example.com/')).toBe('PROXY p:1');
  expect(await ses.resolveProxy('http://intranet/')).toBe('DIRECT');
});

it('resolveProxy answers in call order', async () => {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  await ses.setProxy({ proxyRules: 'a:1' });
  const answers: string[] = [];
  await Promise.all([
    ses.resolveProxy('http://one.test/').then((r) => answers.push(`1 ${r}`)),
    ses.resolveProxy('http://two.test/').then((r) => answers.push(`2 ${r}`)),
  ]);
  expect(answers).toEqual(['1 PROXY a:1', '2 PROXY a:1']);
});

it('app.setProxy acts on the system context and leaves sessions alone', async () => {
  const { app, session } = createElectronFake();
  await app.setProxy({ proxyRules: 'http=sys:80' });
  expect(await app.resolveProxy('http://example.com/')).toBe('PROXY sys:80');
  expect(await session.defaultSession.resolveProxy('http://example.com/')).toBe('DIRECT');
});

it('requests really travel through the HTTP proxy that setProxy names', async () => {
  const seen: string[] = [];
  const proxy = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.end('via proxy');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  try {
    const { session } = createElectronFake();
    const ses = session.defaultSession;
    await ses.setProxy({ proxyRules: `http=127.0.0.1:${(proxy.address() as AddressInfo).port}` });
    expect(await (await ses.fetch('http://origin.test/path?q=1')).text()).toBe('via proxy');
    expect(seen).toEqual(['GET http://origin.test/path?q=1']);
  } finally {
    proxy.close();
  }
});
