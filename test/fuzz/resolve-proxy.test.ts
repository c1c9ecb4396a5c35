import { createClock } from '@sinonjs/fake-timers';
import fc from 'fast-check';
import { fromSinonClock } from '../../src/clock/clock';
import { INVALID_MODE_MESSAGE } from '../../src/proxy/proxy-config';
import { ProxyResolver } from '../../src/proxy/resolve-proxy';
import { fuzzParameters } from '../helpers/fuzz';
import { PAC_STRING, proxyText as words } from '../helpers/pac-string';

/** A resolver with no network: http(s) PAC fetches fail, no host resolves. */
function resolver(): ProxyResolver {
  return new ProxyResolver({
    fetchScript: () => Promise.reject(new Error('no network in this test')),
    resolveHost: () => undefined,
    clock: fromSinonClock(createClock(Date.UTC(2026, 0, 1))),
    systemEnv: { http_proxy: 'http://sys:3128', no_proxy: 'localhost' },
  });
}

const dataUrl = (script: string): string =>
  `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(script)}`;

const anything = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.object(), fc.string());
const pacScripts = fc.oneof(
  words.map((answer) => dataUrl(`function FindProxyForURL() { return ${JSON.stringify(answer)}; }`)),
  fc.constantFrom(
    dataUrl('function FindProxyForURL() { return 1; }'),
    dataUrl('function FindProxyForURL() { throw new Error("x"); }'),
    dataUrl('function FindProxyForURL('),
    dataUrl('no entry point here'),
    'data:,',
    'http://wpad.test/proxy.pac',
    'file:///etc/proxy.pac',
    '/srv/proxy.pac',
    '::::',
  ),
);
const config = fc.record(
  {
    mode: fc.oneof(
      fc.constantFrom('direct', 'auto_detect', 'pac_script', 'fixed_servers', 'system', 'bogus', ''),
      anything,
    ),
    pacScript: fc.oneof(pacScripts, anything),
    proxyRules: fc.oneof(words, anything),
    proxyBypassRules: fc.oneof(words, anything),
  },
  { requiredKeys: [] },
);
const targets = fc.oneof(
  fc.constantFrom(
    'http://example.com/',
    'https://example.com:8443/a?b#c',
    'ws://a.test/',
    'wss://[::1]/',
    'http://localhost/',
    'ftp://x/',
    'http://127.0.0.1:9/',
    'not a url',
    '',
    'data:,x',
  ),
  fc.webUrl(),
);

it('resolveProxy answers in the PAC-string grammar (or "") whatever the configuration, and setProxy only rejects an unknown mode', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(config, anything), targets, async (input, target) => {
      const proxy = resolver();
      try {
        const set = await proxy.setConfig(input).then(
          () => undefined,
          (error: unknown) => error,
        );
        if (set !== undefined) expect(set).toEqual(new Error(INVALID_MODE_MESSAGE));
        expect(await proxy.resolveProxy(target)).toMatch(PAC_STRING);
      } finally {
        proxy.dispose();
      }
    }),
    fuzzParameters(21, 200),
  );
});

describe('PAC result strings through the sandbox', () => {
  const proxy = resolver();
  beforeAll(() =>
    // The script answers whatever the URL's query carries, so one compiled script serves every case.
    proxy.setConfig({
      pacScript: dataUrl(
        'function FindProxyForURL(url) { return decodeURIComponent(url.slice(url.indexOf("?") + 1)); }',
      ),
    }),
  );
  afterAll(() => proxy.dispose());

  const pacText = fc.oneof(
    words,
    fc.string(),
    fc
      .array(
        fc.tuple(
          fc.constantFrom(
            'PROXY',
            'proxy',
            'HTTPS',
            'SOCKS',
            'SOCKS4',
            'SOCKS5',
            'QUIC',
            'DIRECT',
            'HTTP',
            'x',
          ),
          fc.constantFrom(' ', '\t', '  ', ''),
          fc.oneof(
            fc.domain(),
            fc.ipV4(),
            fc.ipV6().map((ip) => `[${ip}]`),
            fc.constant(''),
          ),
          fc.oneof(
            fc.constant(''),
            fc.integer({ min: -1, max: 70000 }).map((port) => `:${port}`),
          ),
        ),
        { maxLength: 5 },
      )
      .map((elements) => elements.map((parts) => parts.join('')).join(' ; ')),
  );

  it('an ASCII answer is always printed in the PAC-string grammar, never empty (an empty or junk answer is DIRECT)', async () => {
    await fc.assert(
      fc.asyncProperty(pacText, async (text) => {
        const answer = await proxy.resolveProxy(`http://pac.test/?${encodeURIComponent(text)}`);
        expect(answer).toMatch(PAC_STRING);
        if (/^[\x00-\x7f]*$/.test(text)) expect(answer).not.toBe('');
        else expect(answer).toBe('');
      }),
      fuzzParameters(22, 500),
    );
  });
});
