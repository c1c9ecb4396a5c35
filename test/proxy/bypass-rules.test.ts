import {
  formatBypassRule,
  formatBypassRules,
  matchesBypassRules,
  parseBypassRules,
} from '../../src/proxy/bypass-rules';
import { parseRequestUrl } from '../../src/proxy/request-url';

function bypassed(rules: string, url: string): boolean {
  const target = parseRequestUrl(url);
  // An invalid URL (GURL would be invalid) has an empty host and matches nothing here.
  if (target === undefined) return false;
  return matchesBypassRules(parseBypassRules(rules), target);
}

const canonical = (rules: string): string[] => parseBypassRules(rules).rules.map(formatBypassRule);

// Host sets of proxy_bypass_rules_unittest.cc (chromium-proxy.md §2.6), Linux.
const L = [
  'localhost',
  'localhost.',
  'foo.localhost',
  '127.0.0.1',
  '127.100.0.2',
  '[::1]',
  '[::0:FFFF:127.0.0.1]',
  '[::fFfF:127.100.0.0]',
  '[0::ffff:7f00:1]',
];
const K = ['169.254.3.2', '169.254.100.1', '[FE80::8]', '[fe91::1]', '[::ffff:169.254.3.2]'];
const M = [
  '192.168.0.1',
  '170.254.0.0',
  '128.0.0.1',
  '[::2]',
  '[FD80::1]',
  'foo',
  'www.example3.com',
  '[::ffff:128.0.0.1]',
  '[::ffff:126.100.0.0]',
  '[::ffff::ffff:127.0.0.1]',
  '[::ffff:0:127.0.0.1]',
  '[::127.0.0.1]',
  'loopback',
  'loopback.',
];
const urls = (hosts: string[]): string[] =>
  hosts.flatMap((host) => ['http', 'https', 'ftp'].map((scheme) => `${scheme}://${host}`));

it.each(urls([...L, ...K]))('with no rules %s is bypassed implicitly', (url) => {
  expect(bypassed('', url)).toBe(true);
});

it.each(urls(M))('with no rules %s is not bypassed', (url) => {
  expect(bypassed('', url)).toBe(false);
});

it.each(urls([...L, ...K, ...M]))('www.example.com;<-loopback> does not bypass %s', (url) => {
  expect(bypassed('www.example.com;<-loopback>', url)).toBe(false);
});

it('www.example.com;<-loopback> bypasses www.example.com', () => {
  expect(bypassed('www.example.com;<-loopback>', 'http://www.example.com/')).toBe(true);
});

it.each(urls([...L, ...K, ...M]))('<-loopback>; localhost bypasses only the host localhost (%s)', (url) => {
  expect(bypassed('<-loopback>; localhost', url)).toBe(url.endsWith('://localhost'));
});

it.each(urls([...L, ...K, ...M]))(
  'localhost; <-loopback> bypasses nothing (%s): the later rule wins',
  (url) => {
    expect(bypassed('localhost; <-loopback>', url)).toBe(false);
  },
);

it.each([
  ['http://example/', true],
  ['http://localhost/', true],
  ['http://foo/', true],
  ['http://loopback/', true],
  ['http://example./', false],
  ['http://example.com/', false],
  ['http://[dead::beef]/', false],
  ['http://192.168.1.1/', false],
  ['http://localhost./', false],
  ['http://127.0.0.1/', false],
  ['http://[::1]/', false],
  ['http://169.254.3.2/', false],
])('<-loopback>; <local> gives %s → %s (dotless, non-IP hosts only)', (url, expected) => {
  expect(bypassed('<-loopback>; <local>', url)).toBe(expected);
});

// chromium-proxy.md §2.6 table: rule string, canonical rules, bypassed URLs, not bypassed URLs.
it.each([
  [
    'wWw.gOogle.com',
    ['www.google.com'],
    [
      'http://www.google.com',
      'ftp://www.google.com:99',
      'https://www.google.com:81',
      'http://www.google.com/x/y?q#h',
    ],
    [
      'http://foo.www.google.com',
      'http://xxx.google.com',
      'http://google.com',
      'http://www.google.com.baz.org',
    ],
  ],
  [
    '.gOOgle.com',
    ['*.google.com'],
    [
      'http://www.google.com',
      'ftp://www.google.com:99',
      'https://a.google.com:81',
      'http://foo.google.com/x/y?q',
      'http://foo:bar@baz.google.com#x',
    ],
    ['http://google.com', 'http://foo.google.com.baz.org'],
  ],
  [
    '*.GOOGLE.com:80',
    ['*.google.com:80'],
    ['http://www.google.com', 'ftp://www.google.com:80', 'https://a.google.com:80?x'],
    [
      'http://google.com',
      'http://foo.google.com.baz.org',
      'http://www.google.com:90',
      'https://www.google.com',
      'https://ftp.google.com',
    ],
  ],
  ['*', ['*'], ['http://www.google.com', 'ftp://www.foobar.com:99', 'https://a.google.com:80?x'], []],
  [
    '*.org:443',
    ['*.org:443'],
    ['http://www.google.org:443', 'https://www.google.org', 'https://example.org:443', 'http://foo.org:443'],
    [
      'http://www.google.org',
      'https://www.google.com',
      'https://www.google.org.com',
      'https://example.org:80',
      'https://example.orgg:80',
    ],
  ],
  [
    '192.168.1.1',
    ['192.168.1.1'],
    ['http://192.168.1.1', 'https://192.168.1.1:90', 'http://192.168.1.1:90/x/y?q#h'],
    ['http://www.google.com', 'http://sup.192.168.1.1'],
  ],
  [
    '192.168.1.1:33',
    ['192.168.1.1:33'],
    ['http://192.168.1.1:33'],
    ['http://www.google.com', 'http://192.168.1.1', 'http://192.168.1.1:90', 'http://sup.192.168.1.1:33'],
  ],
  [
    'http://192.168.1.1',
    ['http://192.168.1.1'],
    ['http://192.168.1.1', 'http://192.168.1.1:90'],
    ['ftp://192.168.1.1', 'https://192.168.1.1'],
  ],
  [
    '[3ffe:2a00:100:7031:0:0::1]',
    ['[3ffe:2a00:100:7031::1]'],
    ['http://[3ffe:2a00:100:7031::1]', 'http://[3ffe:2a00:100:7031::1]:33'],
    ['http://www.google.com', 'http://sup.192.168.1.1:33', 'http://192.168.1.1'],
  ],
  [
    '[3ffe:2a00:100:7031::1]:33',
    ['[3ffe:2a00:100:7031::1]:33'],
    ['http://[3ffe:2a00:100:7031::1]:33'],
    ['http://[3ffe:2a00:100:7031::1]', 'http://www.google.com'],
  ],
  [
    'https://[3ffe:2a00:100:7031:0:0::1]',
    ['https://[3ffe:2a00:100:7031::1]'],
    ['https://[3ffe:2a00:100:7031::1]', 'https://[3ffe:2a00:100:7031::1]:33'],
    ['http://[3ffe:2a00:100:7031::1]', 'ftp://[3ffe:2a00:100:7031::1]'],
  ],
  [
    'http://www.google.com',
    ['http://www.google.com'],
    ['http://www.google.com/foo', 'http://www.google.com:99'],
    [
      'https://www.google.com',
      'ftp://www.google.com',
      'http://foo.www.google.com',
      'http://www.google.com.org',
    ],
  ],
  [
    'http://*www.google.com',
    ['http://*www.google.com'],
    ['http://www.google.com/foo', 'http://www.google.com:99', 'http://foo.www.google.com'],
    ['https://www.google.com', 'ftp://www.google.com', 'http://www.google.com.org'],
  ],
  [
    'http://*www.GOOGLE.com',
    ['http://*www.google.com'],
    ['http://www.google.com/foo', 'http://www.google.com:99', 'http://foo.www.google.com'],
    ['https://www.google.com', 'ftp://www.google.com', 'http://www.google.com.org'],
  ],
  [
    'foo1.com, .foo2.com, 192.168.1.1, *foobar.com:80, *.foo, http://baz, <local>',
    ['foo1.com', '*.foo2.com', '192.168.1.1', '*foobar.com:80', '*.foo', 'http://baz', '<local>'],
    ['http://foo1.com'],
    ['http://aaafoo1.com', 'http://aaafoo1.com.net'],
  ],
  [
    '.google.com , .foobar.com:30',
    ['*.google.com', '*.foobar.com:30'],
    ['http://baz.google.com:40', 'http://bar.foobar.com:30'],
    ['http://google.com:40', 'http://bar.foobar.com', 'http://bar.foobar.com:33'],
  ],
  [
    '192.168.1.1/16',
    ['192.168.1.1/16'],
    ['http://192.168.1.1', 'ftp://192.168.4.4', 'https://192.168.0.0:81', 'http://[::ffff:192.168.11.11]'],
    ['http://foobar.com', 'http://192.169.1.1', 'http://xxx.192.168.1.1', 'http://192.168.1.1.xx'],
  ],
  ['a:b:c:d::/48', ['a:b:c:d::/48'], ['http://[A:b:C:9::]'], ['http://foobar.com', 'http://192.169.1.1']],
  [
    '::ffff:192.168.1.1/112',
    ['::ffff:192.168.1.1/112'],
    ['http://[::ffff:192.168.1.3]', 'http://192.168.11.11'],
    ['http://10.10.1.1'],
  ],
  [
    '::fffe:192.168.1.1/112',
    ['::fffe:192.168.1.1/112'],
    ['http://[::fffe:192.168.1.3]'],
    ['http://[::ffff:192.168.1.3]', 'http://192.168.11.11', 'http://10.10.1.1'],
  ],
  ['*.xn--flw351e.cn', ['*.xn--flw351e.cn'], ['http://www.谷歌.cn'], []],
  ['*.谷歌.cn', ['*.谷歌.cn'], [], ['http://www.谷歌.cn']],
  ['192.168.1.1:0', ['192.168.1.1'], ['http://192.168.1.1:8080'], []],
  ['*foo?.com', ['*foo?.com'], ['http://www.foo1.com', 'http://foo.com'], ['http://foo.foo1.com']],
])('bypass rules %j are %j', (rules, expectedCanonical, matching, notMatching) => {
  expect(canonical(rules)).toEqual(expectedCanonical);
  for (const url of matching) expect([url, bypassed(rules, url)]).toEqual([url, true]);
  for (const url of notMatching) expect([url, bypassed(rules, url)]).toEqual([url, false]);
});

it('parses <local> and <-loopback> case-insensitively', () => {
  expect(canonical('<Local>; <-LoopBacK>; <LoCaL>; <-LoOpBack>')).toEqual([
    '<local>',
    '<-loopback>',
    '<local>',
    '<-loopback>',
  ]);
});

it('drops invalid rules one by one', () => {
  expect(canonical(':// , , .google.com , , http://baz')).toEqual(['*.google.com', 'http://baz']);
});

it.each([
  '://',
  '  ',
  'http://',
  '*.foo.com:-34',
  '*.com:+443',
  '*.com:-443',
  '*.com:0x443',
  '[a:b:c:d::]/48',
  'foo.com/',
  'http://foo.com/x',
  '10.0.0.0/33',
  '1.2.3.4/8/1',
])('the rule %j is rejected', (rule) => {
  expect(canonical(rule)).toEqual([]);
});

it('equal lists print equal canonical forms', () => {
  expect(formatBypassRules(parseBypassRules('foo1.com, .foo2.com'))).toBe(
    formatBypassRules(parseBypassRules('foo1.com,.FOo2.com')),
  );
  expect(formatBypassRules(parseBypassRules('<-loopback>'))).toBe('<-loopback>;');
});

it('an unbracketed IPv6 rule is a hostname pattern that never matches', () => {
  expect(canonical('::1')).toEqual(['::1']);
  expect(bypassed('<-loopback>,::1', 'http://[::1]:1/')).toBe(false);
});

it('an unbracketed full IPv6 address followed by a port is an IP rule', () => {
  expect(canonical('1:2:3:4:5:6:7:8:80')).toEqual(['[1:2:3:4:5:6:7:8]:80']);
});

it('the no_proxy suffix format turns foo.com into *foo.com', () => {
  const rules = parseBypassRules('foo1.com, .foo2.com, http://baz, 10.0.0.1', 'suffix-matching');
  expect(rules.rules.map(formatBypassRule)).toEqual(['*foo1.com', '*.foo2.com', 'http://*baz', '10.0.0.1']);
});

it('the last matching rule decides among a thousand rules', () => {
  const many = Array.from({ length: 1000 }, (_, i) => `host${i}.example`).join(',');
  expect(bypassed(`${many},<-loopback>`, 'http://host999.example/')).toBe(true);
  expect(bypassed(`${many},<-loopback>`, 'http://localhost/')).toBe(false);
  expect(bypassed(`<-loopback>,${many},*.test`, 'http://a.test/')).toBe(true);
  expect(
    bypassed(`*.example,${many.replace('host5.example', 'http://host5.example')}`, 'https://host5.example/'),
  ).toBe(true);
});
