import { sanitizeUrlForPac } from '../../src/proxy/pac/pac-url';

// chromium-proxy.md §5.2, SanitizeUrlForPacScript.
it.each([
  ['https://foo:bar@example.com/', 'https://example.com/'],
  ['https://example.com/blah#hello', 'https://example.com/'],
  ['https://example.com/?hello', 'https://example.com/'],
  ['https://foo:bar@example.com/foo/bar/baz?hello#sigh', 'https://example.com/'],
  ['https://example.com:88/hi', 'https://example.com:88/'],
  ['wss://example.com:88/hi', 'wss://example.com:88/'],
  ['http://foo:bar@example.com/', 'http://example.com/'],
  ['ftp://foo:bar@example.com/', 'ftp://example.com/'],
  ['ftp://example.com/some/path/here', 'ftp://example.com/some/path/here'],
  ['http://example.com/blah#hello', 'http://example.com/blah'],
  ['http://example.com/foo/bar/baz?hello', 'http://example.com/foo/bar/baz?hello'],
  ['http://foo:bar@example.com/foo/bar/baz?hello#sigh', 'http://example.com/foo/bar/baz?hello'],
  ['http://example.com:88/hi', 'http://example.com:88/hi'],
  ['ws://example.com/chat?x#y', 'ws://example.com/chat?x'],
  ['https://example.com:443/x', 'https://example.com/'],
])('%s reaches the PAC script as %s', (input, expected) => {
  expect(sanitizeUrlForPac(input)).toBe(expected);
});
