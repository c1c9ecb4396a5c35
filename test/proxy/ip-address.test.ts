import {
  formatIp,
  matchesPrefix,
  parseCidr,
  parseIpLiteral,
  parseIpv4,
  parseIpv6,
} from '../../src/proxy/ip-address';

it.each([
  ['127.0.0.1', '127.0.0.1'],
  ['127.1', '127.0.0.1'],
  ['127.0.1', '127.0.0.1'],
  ['0x7f.0.0.1', '127.0.0.1'],
  ['0177.0.0.1', '127.0.0.1'],
  ['0xA.020.3.4', '10.16.3.4'],
  ['10', '0.0.0.10'],
  ['4294967295', '255.255.255.255'],
  ['1.2.3.4.', '1.2.3.4'],
])('the URL-style IPv4 %j is %s', (input, expected) => {
  expect(formatIp(parseIpv4(input) ?? [])).toBe(expected);
});

it.each(['', '1.2.3.4.5', '256.0.0.1', '1.2.3.256', '4294967296', 'foo', '1..2', '0x1g', '08', '1.2.3.4 '])(
  '%j is not an IPv4 literal',
  (input) => {
    expect(parseIpv4(input)).toBeUndefined();
  },
);

it.each([
  ['::1', '::1'],
  ['::', '::'],
  ['3ffe:2a00:100:7031:0:0::1', '3ffe:2a00:100:7031::1'],
  ['FEDC:BA98:7654:3210:FEDC:BA98:7654:3210', 'fedc:ba98:7654:3210:fedc:ba98:7654:3210'],
  ['::192.9.5.5', '::c009:505'],
  ['::FFFF:129.144.52.38', '::ffff:8190:3426'],
  ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
  ['1:0:2:0:3:0:4:0', '1:0:2:0:3:0:4:0'],
  ['a::', 'a::'],
])('the IPv6 literal %j prints as %s', (input, expected) => {
  expect(formatIp(parseIpv6(input) ?? [])).toBe(expected);
});

it.each([
  ':',
  ':::',
  '1:',
  '1:2:',
  '1::2::3',
  '1:2:3:4:5:6:7:8:9',
  '12345::',
  '::1.2.3',
  '::1.2.3.04',
  'g::',
])('%j is not an IPv6 literal', (input) => {
  expect(parseIpv6(input)).toBeUndefined();
});

it.each([
  ['192.168.11.11', '192.168.1.1/16', true],
  ['192.169.1.1', '192.168.1.1/16', false],
  ['::ffff:192.168.11.11', '192.168.1.1/16', true],
  ['192.168.11.11', '::ffff:192.168.1.1/112', true],
  ['192.168.11.11', '::fffe:192.168.1.1/112', false],
  ['a:b:c:9::', 'a:b:c:d::/48', true],
  ['10.0.0.1', '0.0.0.0/0', true],
])('%s in %s is %s', (address, cidr, expected) => {
  const block = parseCidr(cidr);
  expect(block).toBeDefined();
  if (block !== undefined)
    expect(matchesPrefix(parseIpLiteral(address) ?? [], block.prefix, block.bits)).toBe(expected);
});
