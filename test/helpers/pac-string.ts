import fc from 'fast-check';

/** One `resolveProxy` entry as Chromium prints it (`ProxyList::ToPacString`). */
const ELEMENT = String.raw`(DIRECT|(PROXY|HTTPS|SOCKS|SOCKS5) ([^\s;:\[\]]+|\[[0-9a-f:.]+\]):\d{1,5})`;

/** `resolveProxy`'s whole answer: entries joined by `;` with no space, or `""` on failure. */
export const PAC_STRING = new RegExp(`^(${ELEMENT}(;${ELEMENT})*)?$`);

/** Strings built from the characters and words the proxy grammars care about, plus a few others. */
export const proxyText = fc.string({
  unit: fc.constantFrom(
    ...'abcxyz019.:;,=/[]*?<>-_@ \tHTPSOCKQUIDRE'.split(''),
    'http',
    'https',
    'socks',
    'socks5',
    'direct',
    'http=',
    'socks=',
    '://',
    'localhost',
    '127.0.0.1',
    '::1',
    '<-loopback>',
    '<local>',
    'é',
  ),
  maxLength: 40,
});
