import {
  formatPacElement,
  formatPacString,
  formatProxyUri,
  parsePacElement,
  parseProxyUri,
  type ProxyChoice,
} from '../../src/proxy/proxy-server';
import { parsePacResult } from '../../src/proxy/pac/pac-result';

const uriForm = (choice: ProxyChoice | undefined): string | undefined =>
  choice === undefined ? undefined : formatProxyUri(choice);
const pacForm = (choice: ProxyChoice | undefined): string | undefined =>
  choice === undefined ? undefined : formatPacElement(choice);

// chromium-proxy.md §1.3, proxy_string_util_unittest.cc ProxyUriToProxyServer.
it.each([
  ['foopy:10', 'foopy:10', 'PROXY foopy:10'],
  ['http://foopy', 'foopy:80', 'PROXY foopy:80'],
  ['http://foopy:10', 'foopy:10', 'PROXY foopy:10'],
  [
    '[fedc:ba98:7654:3210:fedc:ba98:7654:3210]:10',
    '[fedc:ba98:7654:3210:fedc:ba98:7654:3210]:10',
    'PROXY [fedc:ba98:7654:3210:fedc:ba98:7654:3210]:10',
  ],
  ['http://[3ffe:2a00:100:7031::1]', '[3ffe:2a00:100:7031::1]:80', 'PROXY [3ffe:2a00:100:7031::1]:80'],
  ['socks4://foopy', 'socks4://foopy:1080', 'SOCKS foopy:1080'],
  ['socks4://foopy:10', 'socks4://foopy:10', 'SOCKS foopy:10'],
  ['socks5://foopy', 'socks5://foopy:1080', 'SOCKS5 foopy:1080'],
  ['socks5://foopy:10', 'socks5://foopy:10', 'SOCKS5 foopy:10'],
  ['socks://foopy', 'socks5://foopy:1080', 'SOCKS5 foopy:1080'],
  ['socks://foopy:10', 'socks5://foopy:10', 'SOCKS5 foopy:10'],
  ['https://foopy', 'https://foopy:443', 'HTTPS foopy:443'],
  ['https://foopy:10', 'https://foopy:10', 'HTTPS foopy:10'],
  ['https://1.2.3.4:10', 'https://1.2.3.4:10', 'HTTPS 1.2.3.4:10'],
  [
    '[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]:10',
    '[fedc:ba98:7654:3210:fedc:ba98:7654:3210]:10',
    'PROXY [fedc:ba98:7654:3210:fedc:ba98:7654:3210]:10',
  ],
  ['http://[::192.9.5.5]', '[::c009:505]:80', 'PROXY [::c009:505]:80'],
  ['http://[::FFFF:129.144.52.38]:80', '[::ffff:8190:3426]:80', 'PROXY [::ffff:8190:3426]:80'],
  ['http://füpy:85', 'xn--fpy-hoa:85', 'PROXY xn--fpy-hoa:85'],
  ['https://0xA.020.3.4:443', 'https://10.16.3.4:443', 'HTTPS 10.16.3.4:443'],
  ['http://FoO.tEsT:80', 'foo.test:80', 'PROXY foo.test:80'],
  ['  foopy:80', 'foopy:80', 'PROXY foopy:80'],
  ['foopy:80   \t', 'foopy:80', 'PROXY foopy:80'],
  ['  \tfoopy:80  ', 'foopy:80', 'PROXY foopy:80'],
])('the proxy URI %j is %s, printed %s', (input, uri, pac) => {
  const choice = parseProxyUri(input, 'http');
  expect(uriForm(choice)).toBe(uri);
  expect(pacForm(choice)).toBe(pac);
});

it.each([
  '',
  '   ',
  'dddf:',
  'dddd:d',
  'http://',
  'http:/',
  'http:',
  'foopy.111',
  'user:pass@proxy:8080',
  'proxy:8080/',
  'foo:bar',
  'foopy:65536',
  'quic://foopy:443',
  'ftp://foopy',
  'direct://xyz',
])('the proxy URI %j is invalid', (input) => {
  expect(parseProxyUri(input, 'http')).toBeUndefined();
});

it.each(['direct://', 'DIRECT://', 'DiReCt://'])('%s is a DIRECT entry', (input) => {
  expect(pacForm(parseProxyUri(input, 'http'))).toBe('DIRECT');
});

it.each([
  ['::1:80', 'PROXY [::1]:80'],
  ['2001:db8::5:8080', 'PROXY [2001:db8::5]:8080'],
  ['foopy:0080', 'PROXY foopy:80'],
  ['foopy:0', 'PROXY foopy:0'],
  ['%66oopy', 'PROXY foopy:80'],
])('an unbracketed or unusual authority %j splits at the last colon: %s', (input, pac) => {
  expect(pacForm(parseProxyUri(input, 'http'))).toBe(pac);
});

it.each(['::1', '2001:db8::5'])('a bare IPv6 literal %j is invalid (split at its last colon)', (input) => {
  expect(parseProxyUri(input, 'http')).toBeUndefined();
});

it('a scheme-less entry takes the caller default, SOCKS4 inside socks=', () => {
  expect(pacForm(parseProxyUri('foopy', 'socks4'))).toBe('SOCKS foopy:1080');
  expect(pacForm(parseProxyUri('socks://foopy', 'socks4'))).toBe('SOCKS5 foopy:1080');
});

// chromium-proxy.md §5.4, proxy_string_util_unittest.cc PacResultElementToProxyServer.
it.each([
  ['PROXY foopy:10', 'foopy:10'],
  ['   PROXY    foopy:10   ', 'foopy:10'],
  ['pRoXy foopy:10', 'foopy:10'],
  ['PROXY foopy', 'foopy:80'],
  ['socks foopy', 'socks4://foopy:1080'],
  ['socks4 foopy', 'socks4://foopy:1080'],
  ['socks5 foopy', 'socks5://foopy:1080'],
  ['socks5 foopy:11', 'socks5://foopy:11'],
  ['https foopy', 'https://foopy:443'],
  ['https foopy:10', 'https://foopy:10'],
  ['PROXY [FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]:10', '[fedc:ba98:7654:3210:fedc:ba98:7654:3210]:10'],
  ['PROXY füpy:85', 'xn--fpy-hoa:85'],
  ['\tDIRECT\t', 'direct://'],
])('the PAC element %j is %s', (input, uri) => {
  expect(uriForm(parsePacElement(input))).toBe(uri);
});

it.each([
  'PROXY',
  'HTTPS',
  'SOCKS',
  'DIRECT foopy:10',
  'INVALIDSCHEME',
  'INVALIDSCHEME foopy:10',
  'HTTP foopy:10',
  'QUIC foopy:443',
  'PROXY-foopy:10',
])('the PAC element %j is invalid', (input) => {
  expect(parsePacElement(input)).toBeUndefined();
});

// chromium-proxy.md §5.4, proxy_list_unittest.cc SetFromPacString.
it.each([
  ['PROXY foopy:10', 'PROXY foopy:10'],
  [' DIRECT', 'DIRECT'],
  ['PROXY foopy1 ; proxy foopy2;\t DIRECT', 'PROXY foopy1:80;PROXY foopy2:80;DIRECT'],
  ['proxy foopy1 ; SOCKS foopy2', 'PROXY foopy1:80;SOCKS foopy2:1080'],
  [
    'DIRECT ; proxy foopy1 ; DIRECT ; SOCKS5 foopy2;DIRECT ',
    'DIRECT;PROXY foopy1:80;DIRECT;SOCKS5 foopy2:1080;DIRECT',
  ],
  ['DIRECT ; proxy foopy1:80; DIRECT ; DIRECT', 'DIRECT;PROXY foopy1:80;DIRECT;DIRECT'],
  ['PROXY-foopy:10', 'DIRECT'],
  ['PROXY', 'DIRECT'],
  ['PROXY foopy1 ; JUNK ; JUNK ; SOCKS5 foopy2 ; ;', 'PROXY foopy1:80;SOCKS5 foopy2:1080'],
  ['', 'DIRECT'],
  ['PROXY a:1, PROXY b:2', 'DIRECT'],
  ['HTTPS [::1]:8443;QUIC q:443', 'HTTPS [::1]:8443'],
])('the PAC result %j parses to %s', (input, expected) => {
  expect(formatPacString(parsePacResult(input))).toBe(expected);
});

it('an empty list prints as the empty string', () => {
  expect(formatPacString([])).toBe('');
});
