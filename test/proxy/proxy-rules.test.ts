import { parseBypassRules } from '../../src/proxy/bypass-rules';
import { applyProxyRules, parseProxyRules } from '../../src/proxy/proxy-rules';
import { formatPacString } from '../../src/proxy/proxy-server';
import { parseRequestUrl } from '../../src/proxy/request-url';

function resolve(rules: string, url: string, bypass = ''): string {
  const target = parseRequestUrl(url);
  if (target === undefined) throw new Error(`bad URL ${url}`);
  return formatPacString(applyProxyRules(parseProxyRules(rules), parseBypassRules(bypass), target));
}

// chromium-proxy.md §4.1, proxy_config_unittest.cc ParseProxyRules. '' = empty list.
it.each([
  ['myproxy:80', 'single', 'PROXY myproxy:80', '', '', '', ''],
  ['myproxy:80,https://myotherproxy', 'single', 'PROXY myproxy:80;HTTPS myotherproxy:443', '', '', '', ''],
  ['http=myproxy:80', 'per-scheme', '', 'PROXY myproxy:80', '', '', ''],
  [
    'ftp=ftp-proxy ; https=socks4://foopy',
    'per-scheme',
    '',
    '',
    'SOCKS foopy:1080',
    'PROXY ftp-proxy:80',
    '',
  ],
  ['foopy ; ftp=ftp-proxy', 'single', 'PROXY foopy:80', '', '', '', ''],
  ['ftp=ftp-proxy ; foopy', 'per-scheme', '', '', '', 'PROXY ftp-proxy:80', ''],
  ['ftp=ftp1,ftp2,ftp3', 'per-scheme', '', '', '', 'PROXY ftp1:80;PROXY ftp2:80;PROXY ftp3:80', ''],
  [
    'http=http1,http2; http=http3',
    'per-scheme',
    '',
    'PROXY http1:80;PROXY http2:80;PROXY http3:80',
    '',
    '',
    '',
  ],
  [
    'ftp=ftp1,ftp2,ftp3 ; http=http1,http2; ',
    'per-scheme',
    '',
    'PROXY http1:80;PROXY http2:80',
    '',
    'PROXY ftp1:80;PROXY ftp2:80;PROXY ftp3:80',
    '',
  ],
  [
    'http=https://secure_proxy; ftp=socks4://socks_proxy; https=socks://foo',
    'per-scheme',
    '',
    'HTTPS secure_proxy:443',
    'SOCKS5 foo:1080',
    'SOCKS socks_proxy:1080',
    '',
  ],
  ['socks=foopy', 'per-scheme', '', '', '', '', 'SOCKS foopy:1080'],
  [
    'http=httpproxy ; https=httpsproxy ; ftp=ftpproxy ; socks=foopy ',
    'per-scheme',
    '',
    'PROXY httpproxy:80',
    'PROXY httpsproxy:80',
    'PROXY ftpproxy:80',
    'SOCKS foopy:1080',
  ],
  [
    'http=httpproxy ; https=httpsproxy ; socks=socks5://foopy ',
    'per-scheme',
    '',
    'PROXY httpproxy:80',
    'PROXY httpsproxy:80',
    '',
    'SOCKS5 foopy:1080',
  ],
  ['crazy=foopy ; foo=bar ; https=myhttpsproxy', 'per-scheme', '', '', 'PROXY myhttpsproxy:80', '', ''],
  [
    'http=direct://,myhttpproxy; https=direct://',
    'per-scheme',
    '',
    'DIRECT;PROXY myhttpproxy:80',
    'DIRECT',
    '',
    '',
  ],
  ['http=myhttpproxy,direct://', 'per-scheme', '', 'PROXY myhttpproxy:80;DIRECT', '', '', ''],
  ['http=[https://proxy1:8080 https://proxy2:8080]', 'per-scheme', '', '', '', '', ''],
  ['quic://foopy:443', 'single', '', '', '', '', ''],
  ['', 'empty', '', '', '', '', ''],
  [';;', 'empty', '', '', '', '', ''],
])('proxyRules %j parse as %s', (rules, type, single, http, https, ftp, fallback) => {
  const parsed = parseProxyRules(rules);
  expect({
    type: parsed.type,
    single: formatPacString(parsed.single),
    http: formatPacString(parsed.http),
    https: formatPacString(parsed.https),
    ftp: formatPacString(parsed.ftp),
    fallback: formatPacString(parsed.fallback),
  }).toEqual({ type, single, http, https, ftp, fallback });
});

// chromium-proxy.md §4.2 (Apply and WebSocket tests) and §4.3 (derived cases).
it.each([
  ['http=httpproxy:80', '.com', 'http://example.com', 'DIRECT'],
  ['http=httpproxy:80', '.com', 'http://example.org', 'PROXY httpproxy:80'],
  ['proxy:3128', '', 'ws://example.com/echo', 'PROXY proxy:3128'],
  [
    'http=proxy:3128 ; https=sslproxy:3128 ; socks=socksproxy:1080',
    '',
    'ws://example.com/echo',
    'SOCKS socksproxy:1080',
  ],
  [
    'http=proxy:3128 ; https=sslproxy:3128 ; socks=socks5://socksproxy:1080',
    '',
    'ws://example.com/echo',
    'SOCKS5 socksproxy:1080',
  ],
  ['http=proxy:3128 ; https=sslproxy:3128', '', 'wss://example.com/echo', 'PROXY sslproxy:3128'],
  [
    'http=proxy:3128 ; https=sslproxy:3128; socks=https://httpsproxy',
    '',
    'wss://example.com/echo',
    'HTTPS httpsproxy:443',
  ],
  ['ftp=ftpproxy:3128; socks=https://httpsproxy', '', 'wss://example.com/echo', 'HTTPS httpsproxy:443'],
  ['http=proxy:3128 ; https=sslproxy:3128', '', 'ws://example.com/echo', 'PROXY sslproxy:3128'],
  ['http=proxy:3128', '', 'wss://example.com/echo', 'PROXY proxy:3128'],
  ['ftp=ftpproxy:3128', '', 'wss://example.com/echo', 'DIRECT'],
  ['http=proxy:3128 ; https=sslproxy:3128', '.chromium.org', 'wss://codereview.chromium.org/feed', 'DIRECT'],
  ['http=proxy:3128 ; https=sslproxy:3128', '<local>', 'ws://localhost/feed', 'DIRECT'],
  ['http=myproxy:80', '', 'https://example.com/', 'DIRECT'],
  ['http=myproxy:80', '', 'ws://example.com/', 'PROXY myproxy:80'],
  ['http=foopy;socks=foopy2', '', 'https://example.com/', 'SOCKS foopy2:1080'],
  ['http=foopy;socks=foopy2', '', 'ftp://example.com/', 'SOCKS foopy2:1080'],
  ['socks=socks5://a,b', '', 'http://x.test/', 'SOCKS5 a:1080;SOCKS b:1080'],
  ['http=foopy,socks5://bar.com', '', 'http://x.test/', 'PROXY foopy:80;SOCKS5 bar.com:1080'],
  ['foopy:80,bar,direct://', '', 'https://x.test/', 'PROXY foopy:80;PROXY bar:80;DIRECT'],
  ['HTTP=foopy', '', 'http://x.test/', 'DIRECT'],
  ['ws=foopy', '', 'ws://x.test/', 'DIRECT'],
  ['http=', '', 'https://x.test/', 'PROXY http:80'],
  ['=foopy', '', 'http://x.test/', 'PROXY foopy:80'],
  ['http=a=https=b', '', 'https://x.test/', 'PROXY b:80'],
  ['http=a=https=b', '', 'http://x.test/', 'PROXY a:80'],
  ['  http = a , b ;; https=c ', '', 'http://x.test/', 'PROXY a:80;PROXY b:80'],
  ['foopy:80', '', 'file:///x', 'PROXY foopy:80'],
  ['foopy:0080', '', 'http://x.test/', 'PROXY foopy:80'],
  ['foopy:65536', '', 'http://x.test/', ''],
  ['http://user:pass@proxy:8080', '', 'http://x.test/', ''],
  ['proxy:8080/', '', 'http://x.test/', ''],
  ['quic://foopy:443', '', 'http://x.test/', ''],
  ['http=user:pass@proxy:8080', '', 'http://x.test/', 'DIRECT'],
  ['foopy:80', 'a.com b.com', 'http://a.com/', 'PROXY foopy:80'],
  ['foopy:80', 'a.com;b.com', 'http://b.com/', 'DIRECT'],
  ['foopy:80', 'http://foo.com/', 'http://foo.com/', 'PROXY foopy:80'],
  ['foopy:80', '::1', 'http://[::1]:8080/', 'DIRECT'],
  ['foopy:80', '<-loopback>,::1', 'http://[::1]:8080/', 'PROXY foopy:80'],
  ['foopy:80', '<-loopback>,[::1]', 'http://[::1]/', 'DIRECT'],
  ['foopy:80', '<-loopback>,127.0.1', 'http://127.0.0.1/', 'DIRECT'],
  ['foopy:80', '<-loopback>', 'http://127.0.0.2/', 'PROXY foopy:80'],
  ['foopy:80', 'foo?.com', 'http://foo.com/', 'DIRECT'],
  ['foopy:80', 'foo?.com', 'http://foo1.com/', 'DIRECT'],
  ['foopy:80', 'foo?.com', 'http://foo12.com/', 'PROXY foopy:80'],
  ['foopy:80', 'HTTP://10.0.0.0/8', 'http://10.1.2.3/', 'DIRECT'],
  ['foopy:80', 'ws://10.0.0.0/8', 'https://10.1.2.3/', 'DIRECT'],
  ['foopy:80', '10.*', 'http://10.1.2.3/', 'DIRECT'],
  ['foopy:80', '10.0.0.0/8', 'http://ten.example/', 'PROXY foopy:80'],
  ['foopy:80', 'example.com', 'http://example.com./', 'PROXY foopy:80'],
  ['foopy:80', '', 'http://0.0.0.0/', 'PROXY foopy:80'],
  ['foopy:80', '', 'http://127.1/', 'DIRECT'],
  ['foopy:80', '', 'http://foo.localhost./', 'DIRECT'],
])('proxyRules %j with bypass %j resolve %s to %j', (rules, bypass, url, expected) => {
  expect(resolve(rules, url, bypass)).toBe(expected);
});

// configured_proxy_resolution_service_unittest.cc ImplicitlyBypassWithManualSettings.
it.each(
  [
    'localhost',
    'localhost.',
    'foo.localhost',
    '127.0.0.1',
    '127.100.0.2',
    '[::1]',
    '169.254.3.2',
    '169.254.100.1',
    '[FE80::8]',
    '[feb8::1]',
  ].flatMap((host) => ['http', 'https', 'ftp'].map((scheme) => `${scheme}://${host}`)),
)('%s is implicitly bypassed with fixed servers', (url) => {
  expect(resolve('foopy1:8080', url)).toBe('DIRECT');
});

it('a proxied URL under fixed servers uses the single list', () => {
  expect(resolve('foopy1:8080', 'http://www.example.com')).toBe('PROXY foopy1:8080');
});
