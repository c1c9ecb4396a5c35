import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClock } from '@sinonjs/fake-timers';
import { fromSinonClock, type SinonClock } from '../../src/clock/clock';
import { isNetError } from '../../src/errors/net-error';
import { ProxyResolver, type ProxyResolutionEnv } from '../../src/proxy/resolve-proxy';

let pacBody = '';
let pacStatus = 200;
const served: string[] = [];
let server: http.Server;
let origin = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    served.push(req.url ?? '');
    res.writeHead(pacStatus, { 'Content-Type': 'application/x-ns-proxy-autoconfig' });
    res.end(pacBody);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Harness {
  readonly resolver: ProxyResolver;
  readonly clock: SinonClock;
  readonly fetched: string[];
  readonly alerts: string[];
  readonly hosts: Map<string, string[]>;
}

/** A resolver whose PAC fetches go to the local server (the name `wpad` too) with Node's fetch. */
function harness(systemEnv: Record<string, string> = {}): Harness {
  const clock = createClock(Date.UTC(2024, 0, 1));
  const fetched: string[] = [];
  const alerts: string[] = [];
  const hosts = new Map<string, string[]>();
  const env: ProxyResolutionEnv = {
    fetchScript: async (url) => {
      fetched.push(url);
      const target = new URL(url);
      const response = await fetch(`${origin}${target.pathname}${target.search}`);
      if (response.status !== 200) throw new Error(`PAC fetch failed with HTTP ${response.status}`);
      return response.text();
    },
    resolveHost: (host) => hosts.get(host),
    clock: fromSinonClock(clock),
    systemEnv,
  };
  const resolver = new ProxyResolver(env, { onPacAlert: (message) => alerts.push(message) });
  return { resolver, clock, fetched, alerts, hosts };
}

const pacReturning = (answer: string): string =>
  `function FindProxyForURL(url, host) { return ${JSON.stringify(answer)}; }`;
const dataUrl = (script: string): string =>
  `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(script)}`;

afterEach(() => {
  pacStatus = 200;
  served.length = 0;
});

// Electron spec/api-session-spec.ts "ses.setProxy" (chromium-proxy.md §3.4).
it.each([
  [{ proxyRules: 'http=myproxy:80' }, 'http://example.com/', 'PROXY myproxy:80'],
  [
    { proxyRules: 'http=myproxy:80', proxyBypassRules: '<-loopback>' },
    'http://localhost',
    'PROXY myproxy:80',
  ],
  [{ proxyRules: 'http=myproxy:80', proxyBypassRules: '<local>' }, 'http://example/', 'DIRECT'],
  [{ mode: 'direct', proxyRules: 'http=myproxy:80' }, 'http://example.com/', 'DIRECT'],
  [{ mode: 'pac_script' }, 'http://example.com/', 'DIRECT'],
  [{ mode: 'fixed_servers', proxyRules: 'http=myproxy:80' }, 'http://example.com/', 'PROXY myproxy:80'],
  [
    { mode: 'fixed_servers', proxyRules: 'http=127.0.0.1:8443' },
    'http://example.com/',
    'PROXY 127.0.0.1:8443',
  ],
  [{ proxyRules: 'http=myproxy:80' }, 'http://localhost', 'DIRECT'],
  [{}, 'http://example.com/', 'DIRECT'],
])('setProxy(%j) then resolveProxy(%s) is %j', async (config, url, expected) => {
  const { resolver } = harness();
  await resolver.setConfig(config);
  expect(await resolver.resolveProxy(url)).toBe(expected);
});

it.each([{ mode: 'auto_detect' }, { mode: 'system' }])('setProxy(%j) resolves', async (config) => {
  await expect(harness().resolver.setConfig(config)).resolves.toBeUndefined();
});

it('an invalid mode rejects with Electron message', async () => {
  await expect(harness().resolver.setConfig({ mode: 'invalid' })).rejects.toThrow(
    /^Invalid mode, must be one of direct, auto_detect, pac_script, fixed_servers or system$/,
  );
});

it('setProxy resolves on a later task, not synchronously', async () => {
  const { resolver } = harness();
  let settled = false;
  const done = resolver.setConfig({ proxyRules: 'a:1' }).then(() => (settled = true));
  await Promise.resolve();
  await Promise.resolve();
  expect(settled).toBe(false);
  await done;
  expect(settled).toBe(true);
});

it.each([{ pacScript: '' }, { mode: 'pac_script' as const }])(
  'a PAC script served on 127.0.0.1 decides, and only forceReloadProxyConfig fetches it again (%j)',
  async (extra) => {
    const { resolver, fetched } = harness();
    pacBody = pacReturning('PROXY myproxy:8132');
    const config = { ...extra, pacScript: `${origin}/proxy.pac` };
    await resolver.setConfig(config);
    expect(fetched).toEqual([]);
    expect(await resolver.resolveProxy('https://google.com')).toBe('PROXY myproxy:8132');
    pacBody = pacReturning('PROXY myproxy:8133');
    expect(await resolver.resolveProxy('https://google.com')).toBe('PROXY myproxy:8132');
    await resolver.setConfig(config);
    expect(await resolver.resolveProxy('https://google.com')).toBe('PROXY myproxy:8132');
    await resolver.forceReload();
    expect(await resolver.resolveProxy('https://google.com')).toBe('PROXY myproxy:8133');
    expect(fetched).toEqual([`${origin}/proxy.pac`, `${origin}/proxy.pac`]);
  },
);

it('pacScript wins over proxyRules when no mode is given', async () => {
  const { resolver } = harness();
  await resolver.setConfig({ pacScript: dataUrl(pacReturning('PROXY pac:1')), proxyRules: 'rules:1' });
  expect(await resolver.resolveProxy('http://example.com/')).toBe('PROXY pac:1');
});

it.each([
  [
    'data:application/x-ns-proxy-autoconfig;base64,' +
      Buffer.from(pacReturning('SOCKS5 s:1')).toString('base64'),
    'SOCKS5 s:1',
  ],
  [dataUrl(pacReturning('PROXY a; DIRECT')), 'PROXY a:80;DIRECT'],
])('a data: PAC URL is decoded without a fetch (%s)', async (pacScript, expected) => {
  const { resolver, fetched } = harness();
  await resolver.setConfig({ pacScript });
  expect(await resolver.resolveProxy('http://example.com/')).toBe(expected);
  expect(fetched).toEqual([]);
});

it('https and wss URLs reach the script stripped to scheme://host[:port]/ and the host comes without brackets', async () => {
  const { resolver, alerts } = harness();
  await resolver.setConfig({
    pacScript: dataUrl('function FindProxyForURL(url, host) { alert(url + " " + host); return "DIRECT"; }'),
  });
  await resolver.resolveProxy('https://user:pw@example.com:8443/secret/path?q=1#frag');
  await resolver.resolveProxy('wss://example.com/chat?token=1');
  await resolver.resolveProxy('http://user:pw@example.com/path?q=1#frag');
  await resolver.resolveProxy('http://[ABCD::EFFF]:99/watsupdawg');
  expect(alerts).toEqual([
    'https://example.com:8443/ example.com',
    'wss://example.com/ example.com',
    'http://example.com/path?q=1 example.com',
    'http://[abcd::efff]:99/watsupdawg abcd::efff',
  ]);
});

it('localhost-class URLs never reach the PAC script', async () => {
  const { resolver, alerts } = harness();
  await resolver.setConfig({
    pacScript: dataUrl('function FindProxyForURL(url, host) { alert(host); return "PROXY p:1"; }'),
  });
  const answers = await Promise.all(
    [
      'http://localhost/',
      'http://foo.localhost./',
      'http://127.0.0.2/',
      'http://[::1]/',
      'http://169.254.1.1/',
      'http://example.com/',
    ].map((u) => resolver.resolveProxy(u)),
  );
  expect(answers).toEqual(['DIRECT', 'DIRECT', 'DIRECT', 'DIRECT', 'DIRECT', 'PROXY p:1']);
  expect(alerts).toEqual(['example.com']);
});

it('<-loopback> has no effect on PAC configurations', async () => {
  const { resolver } = harness();
  await resolver.setConfig({
    pacScript: dataUrl(pacReturning('PROXY p:1')),
    proxyBypassRules: '<-loopback>',
  });
  expect(await resolver.resolveProxy('http://localhost/')).toBe('DIRECT');
});

// chromium-proxy.md §5.5: Electron's pacScript is mandatory.
it.each([
  ['a 404 PAC URL', () => `${origin}/missing.pac`, 404, ''],
  ['a file: PAC URL', () => 'file:///etc/proxy.pac', 200, ''],
  ['a script without FindProxyForURL', () => dataUrl('function findProxy() { return "DIRECT"; }'), 200, ''],
  ['a syntax error', () => dataUrl('function FindProxyForURL(url, host) {'), 200, ''],
  ['a throwing script', () => dataUrl('function FindProxyForURL() { throw new Error("no"); }'), 200, ''],
  ['a non-string result', () => dataUrl('function FindProxyForURL() { return null; }'), 200, ''],
  ['a non-ASCII result', () => dataUrl('function FindProxyForURL() { return "PROXY ü:1"; }'), 200, ''],
  ['a runaway script', () => dataUrl('function FindProxyForURL() { for (;;) {} }'), 200, ''],
  ['a garbage result', () => dataUrl(pacReturning('JUNK')), 200, 'DIRECT'],
  ['an empty result', () => dataUrl(pacReturning('')), 200, 'DIRECT'],
])(
  'with %s, resolveProxy gives %j and localhost stays DIRECT',
  async (_name, pacScript, status, expected) => {
    const { resolver } = harness();
    pacBody = 'function FindProxyForURL() { return "PROXY never:1"; }';
    pacStatus = status;
    await resolver.setConfig({ pacScript: pacScript() });
    expect(await resolver.resolveProxy('http://example.com/')).toBe(expected);
    expect(await resolver.resolveProxy('http://localhost/')).toBe('DIRECT');
  },
);

it('a failing mandatory PAC fails requests with net::ERR_MANDATORY_PROXY_CONFIGURATION_FAILED', async () => {
  const { resolver } = harness();
  await resolver.setConfig({ pacScript: 'file:///etc/proxy.pac' });
  const error: unknown = await resolver.resolveProxyList('http://example.com/').catch((e: unknown) => e);
  expect(isNetError(error, 'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED')).toBe(true);
  expect(await resolver.resolveProxyList('http://localhost/')).toEqual([
    { scheme: 'direct', host: '', port: 0 },
  ]);
});

it('a PAC fetch that never answers fails after 30 s of the fake clock', async () => {
  const hanging: (() => void)[] = [];
  const clock = createClock(0);
  const resolver = new ProxyResolver({
    fetchScript: () =>
      new Promise<string>((_resolve, reject) => hanging.push(() => reject(new Error('aborted')))),
    resolveHost: () => undefined,
    clock: fromSinonClock(clock),
    systemEnv: {},
  });
  await resolver.setConfig({ pacScript: `${origin}/slow.pac` });
  const answer = resolver.resolveProxy('http://example.com/');
  await new Promise((resolve) => setImmediate(resolve));
  clock.tick(30_000);
  expect(await answer).toBe('');
  for (const abort of hanging) abort();
});

it('resolveProxyList gives the structured list, IPv6 hosts unbracketed', async () => {
  const { resolver } = harness();
  await resolver.setConfig({ proxyRules: 'https://[::1]:8443,socks://s,direct://' });
  expect(await resolver.resolveProxyList('http://example.com/')).toEqual([
    { scheme: 'https', host: '::1', port: 8443 },
    { scheme: 'socks5', host: 's', port: 1080 },
    { scheme: 'direct', host: '', port: 0 },
  ]);
  expect(await resolver.resolveProxy('http://example.com/')).toBe('HTTPS [::1]:8443;SOCKS5 s:1080;DIRECT');
});

it('a single list whose entries are all invalid gives an empty list and the empty string', async () => {
  const { resolver } = harness();
  await resolver.setConfig({ proxyRules: 'user:pass@proxy:8080' });
  expect(await resolver.resolveProxy('http://example.com/')).toBe('');
  expect(await resolver.resolveProxyList('http://example.com/')).toEqual([]);
});

it('resolveProxy never rejects, even for an invalid URL', async () => {
  const { resolver } = harness();
  await resolver.setConfig({ proxyRules: 'a:1' });
  expect(await resolver.resolveProxy('not a url')).toBe('');
});

it('resolutions are answered one at a time in call order, behind a PAC fetch', async () => {
  const { resolver, fetched } = harness();
  pacBody = 'function FindProxyForURL(url, host) { return "PROXY " + host + ":1"; }';
  await resolver.setConfig({ pacScript: `${origin}/order.pac` });
  const order: string[] = [];
  const hosts = ['one.test', 'two.test', 'three.test', 'four.test'];
  await Promise.all(
    hosts.map((host, i) =>
      (i % 2 === 0
        ? resolver.resolveProxy(`http://${host}/`)
        : resolver.resolveProxyList(`http://${host}/`)
      ).then((answer) => order.push(`${host} ${JSON.stringify(answer)}`)),
    ),
  );
  expect(order).toEqual([
    'one.test "PROXY one.test:1"',
    'two.test [{"scheme":"http","host":"two.test","port":1}]',
    'three.test "PROXY three.test:1"',
    'four.test [{"scheme":"http","host":"four.test","port":1}]',
  ]);
  expect(fetched).toHaveLength(1);
});

it('a resolution waiting for a PAC fetch is answered with the configuration set meanwhile', async () => {
  const { resolver } = harness();
  pacBody = pacReturning('PROXY old:1');
  await resolver.setConfig({ pacScript: `${origin}/old.pac` });
  const pending = resolver.resolveProxy('http://example.com/');
  await resolver.setConfig({ proxyRules: 'new:1' });
  expect(await pending).toBe('PROXY new:1');
});

it('auto_detect fetches http://wpad/wpad.dat only when the name wpad resolves, and is not mandatory', async () => {
  const { resolver, fetched, hosts } = harness();
  await resolver.setConfig({ mode: 'auto_detect' });
  expect(await resolver.resolveProxy('http://example.com/')).toBe('DIRECT');
  expect(fetched).toEqual([]);

  hosts.set('wpad', ['127.0.0.1']);
  pacBody = pacReturning('PROXY wpad-proxy:3128');
  await resolver.forceReload();
  expect(await resolver.resolveProxy('http://example.com/')).toBe('PROXY wpad-proxy:3128');
  expect(fetched).toEqual(['http://wpad/wpad.dat']);

  pacBody = 'function FindProxyForURL() { throw "broken"; }';
  await resolver.forceReload();
  expect(await resolver.resolveProxy('http://example.com/')).toBe('DIRECT');
});

it('system mode reads the environment as Chromium on Linux does', async () => {
  const { resolver } = harness({ HTTP_PROXY: 'http://corp:3128', NO_PROXY: 'internal.test' });
  await resolver.setConfig({ mode: 'system' });
  expect(await resolver.resolveProxy('http://example.com/')).toBe('PROXY corp:3128');
  expect(await resolver.resolveProxy('http://www.internal.test/')).toBe('DIRECT');
  expect(await resolver.resolveProxy('https://example.com/')).toBe('DIRECT');
});

it('a system auto_proxy PAC is not mandatory', async () => {
  const { resolver } = harness({ auto_proxy: 'file:///etc/proxy.pac' });
  await resolver.setConfig({ mode: 'system' });
  expect(await resolver.resolveProxy('http://example.com/')).toBe('DIRECT');
});

it('a proxy marked bad goes last for 5 minutes of the fake clock; setProxy and forceReload clear the list', async () => {
  const { resolver, clock } = harness();
  await resolver.setConfig({ proxyRules: 'foopy1:80,foopy2:80,foopy3:80' });
  resolver.markProxyBad({ scheme: 'http', host: 'foopy1', port: 80 });
  resolver.markProxyBad({ scheme: 'http', host: 'foopy3', port: 80 });
  expect(await resolver.resolveProxy('http://example.com/')).toBe(
    'PROXY foopy2:80;PROXY foopy1:80;PROXY foopy3:80',
  );
  clock.tick(5 * 60 * 1000);
  expect(await resolver.resolveProxy('http://example.com/')).toBe(
    'PROXY foopy2:80;PROXY foopy1:80;PROXY foopy3:80',
  );
  clock.tick(1);
  expect(await resolver.resolveProxy('http://example.com/')).toBe(
    'PROXY foopy1:80;PROXY foopy2:80;PROXY foopy3:80',
  );

  resolver.markProxyBad({ scheme: 'http', host: 'foopy1', port: 80 });
  await resolver.forceReload();
  expect(await resolver.resolveProxy('http://example.com/')).toBe(
    'PROXY foopy1:80;PROXY foopy2:80;PROXY foopy3:80',
  );
  resolver.markProxyBad({ scheme: 'http', host: 'foopy1', port: 80 });
  await resolver.setConfig({ proxyRules: 'foopy1:80,foopy2:80' });
  expect(await resolver.resolveProxy('http://example.com/')).toBe('PROXY foopy1:80;PROXY foopy2:80');
});

it('a PAC sandbox lost to a host stack overflow is fetched and compiled again for the next request', async () => {
  const { resolver, fetched } = harness();
  pacBody =
    'var calls = 0; function FindProxyForURL() { if (calls++ === 0) { var a = []; for (var i = 0; i < 200000; i++) a = [a]; JSON.stringify(a); } return "PROXY p:" + calls; }';
  await resolver.setConfig({ pacScript: `${origin}/crash.pac` });
  expect(await resolver.resolveProxy('http://example.com/')).toBe('');
  expect(await resolver.resolveProxy('http://example.com/')).toBe('');
  expect(fetched).toHaveLength(2);
});
