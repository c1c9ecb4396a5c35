import { UrlPattern, type UrlPatternError } from '../../src/web-request/url-pattern';

function parse(text: string, isStandard?: (scheme: string) => boolean): UrlPattern {
  const pattern = UrlPattern.parse(text, isStandard);
  if (typeof pattern === 'string') throw new Error(`${text}: ${pattern}`);
  return pattern;
}

function errorOf(text: string): UrlPatternError | undefined {
  const pattern = UrlPattern.parse(text);
  return typeof pattern === 'string' ? pattern : undefined;
}

describe('parse errors carry Chromium’s reason strings', () => {
  it.each([
    ['example.com/*', 'Missing scheme separator.'],
    ['http:example.com/', 'Wrong scheme type.'],
    ['myapp://host/*', 'Wrong scheme type.'],
    ['://host/*', 'Wrong scheme type.'],
    ['http://', 'Host can not be empty.'],
    ['data:', 'Host can not be empty.'],
    ['http:///path', 'Host can not be empty.'],
    ['http://:80/', 'Host can not be empty.'],
    ['http://*./', 'Host can not be empty.'],
    ['http://[]/', 'Host can not be empty.'],
    ['*://www.googleapis.com', 'Empty path.'],
    ['http://foo.*.com/', 'Invalid host wildcard.'],
    ['http://*foo.com/', 'Invalid host wildcard.'],
    ['http://*.*/', 'Invalid host wildcard.'],
    ['http://foo.com:abc/', 'Invalid port.'],
    ['http://foo.com:/', 'Invalid port.'],
    ['http://foo.com:65536/', 'Invalid port.'],
    ['http://foo.com:-1/', 'Invalid port.'],
    ['*://foo.com:80/', 'Invalid port.'],
    ['chrome://settings:80/', 'Invalid port.'],
    ['http://[::1/', 'Invalid host.'],
    ['http://[::1]x/', 'Invalid host.'],
    ['http://[zz]/', 'Invalid host.'],
    ['http://exa mple.com/', 'Invalid host.'],
    ['http://user@example.com/', 'Invalid host.'],
    ['http://a%zz/', 'Invalid host.'],
  ])('%s → %s', (text, reason) => {
    expect(errorOf(text)).toBe(reason);
  });
});

it('Electron parses with every scheme valid, so an unusual scheme is never an "Invalid scheme."', () => {
  expect(errorOf('foo+bar:*')).toBeUndefined();
  expect(errorOf('HTTP://example.com/')).toBeUndefined();
});

it.each([
  '<all_urls>',
  '*://*/*',
  'http://example.com/',
  'https://*.example.com/a/*',
  'file:///tmp/*',
  'file://*',
  'data:*',
  'ws://localhost:8080/*',
  'http://[::1]:3000/*',
  'http://127.0.0.1:+80/',
  'http://example.com:0/',
])('%s is a valid pattern', (text) => {
  expect(errorOf(text)).toBeUndefined();
});

describe('schemes', () => {
  it('<all_urls> matches every scheme, custom ones included', () => {
    const all = parse('<all_urls>');
    for (const url of [
      'http://a.test/',
      'https://a.test/x',
      'ws://a.test/',
      'file:///etc/hosts',
      'data:text/plain,hi',
      'myapp://host/p',
      'about:blank',
    ]) {
      expect(all.matches(url)).toBe(true);
    }
  });

  it('a * scheme matches http and https only, not ws, wss, ftp or file', () => {
    const any = parse('*://*/*');
    expect(any.matches('http://a.test/')).toBe(true);
    expect(any.matches('https://a.test/')).toBe(true);
    expect(any.matches('ws://a.test/')).toBe(false);
    expect(any.matches('wss://a.test/')).toBe(false);
    expect(any.matches('ftp://a.test/')).toBe(false);
    expect(any.matches('file:///a')).toBe(false);
  });

  it('an explicit scheme matches only itself', () => {
    expect(parse('ws://*/*').matches('ws://a.test/socket')).toBe(true);
    expect(parse('http://*/*').matches('https://a.test/')).toBe(false);
  });

  it('the pattern scheme is compared case-sensitively, so an upper-case one never matches', () => {
    expect(parse('HTTP://example.com/*').matches('http://example.com/')).toBe(false);
  });

  it('a non-standard scheme takes a path-only pattern that sees everything after the colon', () => {
    expect(parse('data:*').matches('data:text/plain,hi')).toBe(true);
    expect(parse('myapp:*').matches('myapp://host/path')).toBe(true);
    expect(parse('data:text/*').matches('data:image/png,xx')).toBe(false);
  });

  it('a scheme registered as standard takes host patterns', () => {
    const isStandard = (scheme: string) => scheme === 'myapp' || scheme === 'http';
    expect(UrlPattern.parse('myapp:*', isStandard)).toBe('Wrong scheme type.');
    const pattern = parse('myapp://*.host/*', isStandard);
    expect(pattern.matches('myapp://a.host/x')).toBe(true);
    expect(pattern.matches('myapp://other/x')).toBe(false);
  });
});

describe('hosts', () => {
  it('*.example.com matches example.com itself and its subdomains', () => {
    const pattern = parse('https://*.example.com/*');
    expect(pattern.matches('https://example.com/')).toBe(true);
    expect(pattern.matches('https://a.example.com/')).toBe(true);
    expect(pattern.matches('https://a.b.example.com/x')).toBe(true);
    expect(pattern.matches('https://badexample.com/')).toBe(false);
    expect(pattern.matches('https://example.com.evil.test/')).toBe(false);
  });

  it('a plain host matches only itself', () => {
    const pattern = parse('https://example.com/*');
    expect(pattern.matches('https://example.com/')).toBe(true);
    expect(pattern.matches('https://www.example.com/')).toBe(false);
  });

  it('hosts are canonicalised: case, trailing dot, IPv4 and IDN forms', () => {
    expect(parse('http://EXAMPLE.com/*').matches('http://example.com/')).toBe(true);
    expect(parse('http://example.com./*').matches('http://example.com/')).toBe(true);
    expect(parse('http://example.com/*').matches('http://example.com./')).toBe(true);
    expect(parse('http://0x7f.1/*').matches('http://127.0.0.1/')).toBe(true);
    expect(parse('http://bücher.example/*').matches('http://xn--bcher-kva.example/')).toBe(true);
    expect(parse('http://[0:0::1]/*').matches('http://[::1]/')).toBe(true);
  });

  it('subdomain wildcards never match IP addresses, but an exact IP does', () => {
    expect(parse('http://*.0.0.1/*').matches('http://127.0.0.1/')).toBe(false);
    expect(parse('http://127.0.0.1/*').matches('http://127.0.0.1/')).toBe(true);
  });

  it('a file pattern ignores its host', () => {
    expect(parse('file://server/tmp/*').matches('file:///tmp/a.txt')).toBe(true);
    expect(parse('file://*').matches('file:///anything/at/all')).toBe(true);
  });
});

describe('ports', () => {
  it('no port in the pattern means any port', () => {
    const pattern = parse('http://example.com/*');
    expect(pattern.matches('http://example.com/')).toBe(true);
    expect(pattern.matches('http://example.com:8080/')).toBe(true);
  });

  it('an explicit port compares with the effective port, default ports included', () => {
    expect(parse('http://example.com:80/*').matches('http://example.com/')).toBe(true);
    expect(parse('https://example.com:443/*').matches('https://example.com/x')).toBe(true);
    expect(parse('http://example.com:8080/*').matches('http://example.com/')).toBe(false);
    expect(parse('http://example.com:8080/*').matches('http://example.com:8080/')).toBe(true);
    expect(parse('http://example.com:8080/*').matches('http://example.com:8081/')).toBe(false);
  });

  it(':* matches any port, also with a * scheme', () => {
    expect(parse('*://localhost:*/*').matches('http://localhost:5173/')).toBe(true);
  });

  it('a port is kept as written, so +80 and 080 parse but never match', () => {
    expect(parse('http://example.com:+80/*').matches('http://example.com/')).toBe(false);
    expect(parse('http://example.com:080/*').matches('http://example.com/')).toBe(false);
  });
});

describe('paths', () => {
  it('a path is required and * globs any run of characters, slashes included', () => {
    const pattern = parse('http://a.test/foo*bar');
    expect(pattern.matches('http://a.test/foobar')).toBe(true);
    expect(pattern.matches('http://a.test/foo/x/bar')).toBe(true);
    expect(pattern.matches('http://a.test/foobarx')).toBe(false);
    expect(pattern.matches('http://a.test/xfoobar')).toBe(false);
  });

  it('several globs in one path match like a shell glob', () => {
    const pattern = parse('http://a.test/*/b/*.js');
    expect(pattern.matches('http://a.test/x/b/y.js')).toBe(true);
    expect(pattern.matches('http://a.test/x/y/b/z/w.js')).toBe(true);
    expect(pattern.matches('http://a.test/x/b/y.jsx')).toBe(false);
  });

  it('a pattern ending in /* also matches the path without the trailing slash', () => {
    const pattern = parse('http://a.test/foo/*');
    expect(pattern.matches('http://a.test/foo')).toBe(true);
    expect(pattern.matches('http://a.test/foo/')).toBe(true);
    expect(pattern.matches('http://a.test/foobar')).toBe(false);
  });

  it('a path without globs matches exactly and case-sensitively', () => {
    const pattern = parse('http://a.test/foo');
    expect(pattern.matches('http://a.test/foo')).toBe(true);
    expect(pattern.matches('http://a.test/foo/')).toBe(false);
    expect(pattern.matches('http://a.test/FOO')).toBe(false);
  });

  it('the query string is part of the matched path, the fragment is not', () => {
    expect(parse('http://a.test/*').matches('http://a.test/x?y=1')).toBe(true);
    expect(parse('http://a.test/x').matches('http://a.test/x?y=1')).toBe(false);
    expect(parse('http://a.test/x?y=1').matches('http://a.test/x?y=1')).toBe(true);
    expect(parse('http://a.test/x?y=*').matches('http://a.test/x?y=2&z=3')).toBe(true);
    expect(parse('http://a.test/x').matches('http://a.test/x#section')).toBe(true);
    expect(parse('http://a.test/x?').matches('http://a.test/x?')).toBe(true);
  });

  it('? in a pattern is a literal question mark, not a single-character wildcard', () => {
    expect(parse('http://a.test/a?c').matches('http://a.test/abc')).toBe(false);
  });
});

it('invalid URLs never match, URL objects are accepted', () => {
  const all = parse('<all_urls>');
  expect(all.matches('not a url')).toBe(false);
  expect(parse('https://a.test/*').matches(new URL('https://a.test/p'))).toBe(true);
});
