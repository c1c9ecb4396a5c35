import { matchPattern } from '../../src/proxy/wildcard';

// base/strings/pattern.cc semantics (chromium-proxy.md §2.3, trap 17).
it.each([
  ['www.google.com', 'www.google.com', true],
  ['www.google.com', '*.google.com', true],
  ['google.com', '*.google.com', false],
  ['anything', '*', true],
  ['', '*', true],
  ['', '', true],
  ['a', '', false],
  ['foo.com', 'foo?.com', true],
  ['foo1.com', 'foo?.com', true],
  ['foo12.com', 'foo?.com', false],
  ['foo12.com', 'foo??.com', true],
  ['foo.foo1.com', '*foo?.com', false],
  ['www.foo1.com', '*foo?.com', true],
  ['a*b', 'a\\*b', true],
  ['axb', 'a\\*b', false],
  ['a?', 'a\\?', true],
  ['abc', 'a*c', true],
  ['abcbc', 'a*bc', true],
  ['ab', 'a?', true],
  ['a', 'a?', true],
  ['abc', 'a?', false],
])('%j against %j is %s', (text, pattern, expected) => {
  expect(matchPattern(text, pattern)).toBe(expected);
});
