/**
 * IP literals as Chromium's `net::IPAddress` reads and prints them: IPv4 in the
 * URL parser's lenient forms (`127.1`, `0x7f.0.0.1`, octal), IPv6 in RFC 4291
 * text, printed in canonical form (RFC 5952: lowercase, longest zero run
 * compressed). Addresses are byte arrays of length 4 or 16.
 */
export type IpAddress = readonly number[];

/** URL-style IPv4 (`url::IPv4AddressToNumber`): 1–4 parts, the last fills the remaining bytes. */
export function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length > 4) return undefined;
  const numbers: number[] = [];
  for (const part of parts) {
    const value = parseIpv4Number(part);
    if (value === undefined) return undefined;
    numbers.push(value);
  }
  const last = numbers.pop() ?? 0;
  if (numbers.some((n) => n > 255)) return undefined;
  const lastBytes = 4 - numbers.length;
  if (last >= 256 ** lastBytes) return undefined;
  const tail: number[] = [];
  for (let i = lastBytes - 1; i >= 0; i--) tail.push(Math.floor(last / 256 ** i) % 256);
  return [...numbers, ...tail];
}

function parseIpv4Number(part: string): number | undefined {
  if (part === '') return undefined;
  let digits = part;
  let radix = 10;
  if (/^0x/i.test(part)) {
    digits = part.slice(2);
    radix = 16;
  } else if (part.length > 1 && part.startsWith('0')) {
    digits = part.slice(1);
    radix = 8;
  }
  if (digits === '') return 0;
  const valid = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return undefined;
  // Anything above 2^32 is rejected anyway; stop before precision is lost.
  const value = parseInt(digits, radix);
  return value > 0xffffffff ? Infinity : value;
}

/** IPv6 text without brackets (WHATWG / `url::IPv6AddressToNumber`), embedded dotted IPv4 allowed at the end. */
export function parseIpv6(text: string): number[] | undefined {
  const pieces: number[] = [];
  let compressAt = -1;
  let rest = text;
  if (rest.startsWith('::')) {
    compressAt = 0;
    rest = rest.slice(2);
    if (rest === '') return expand(pieces, compressAt);
  } else if (rest.startsWith(':')) {
    return undefined;
  }
  const groups = rest.split(':');
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] as string;
    if (group === '') {
      // An empty group is the `::` in the middle (or a trailing `::`); a lone trailing `:` is not.
      if (compressAt !== -1 || i === groups.length - 1) return undefined;
      compressAt = pieces.length;
      if (i === groups.length - 2 && groups[i + 1] === '') break;
      continue;
    }
    if (i === groups.length - 1 && group.includes('.')) {
      const v4 = parseStrictDottedQuad(group);
      if (v4 === undefined) return undefined;
      pieces.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
      break;
    }
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
    pieces.push(parseInt(group, 16));
  }
  return expand(pieces, compressAt);
}

function expand(pieces: number[], compressAt: number): number[] | undefined {
  if (compressAt === -1 ? pieces.length !== 8 : pieces.length > 7) return undefined;
  const zeros = new Array<number>(8 - pieces.length).fill(0);
  const all =
    compressAt === -1 ? pieces : [...pieces.slice(0, compressAt), ...zeros, ...pieces.slice(compressAt)];
  return all.flatMap((piece) => [piece >> 8, piece & 0xff]);
}

function parseStrictDottedQuad(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^(0|[1-9][0-9]{0,2})$/.test(p) ? Number(p) : 256));
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

/** `IPAddress::AssignFromIPLiteral`: a `:` means IPv6 (unbracketed), anything else URL-style IPv4. */
export function parseIpLiteral(text: string): IpAddress | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/** `IPAddress::ToString`: dotted quad, or canonical IPv6 without brackets. */
export function formatIp(address: IpAddress): string {
  if (address.length === 4) return address.join('.');
  const pieces: number[] = [];
  for (let i = 0; i < 16; i += 2) pieces.push(((address[i] as number) << 8) | (address[i + 1] as number));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && pieces[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = pieces.map((p) => p.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Canonical host form of an IP: IPv6 in brackets, as in a URL. */
export function formatIpHost(address: IpAddress): string {
  return address.length === 16 ? `[${formatIp(address)}]` : formatIp(address);
}

export function isIpv4Mapped(address: IpAddress): boolean {
  return (
    address.length === 16 &&
    address.slice(0, 10).every((b) => b === 0) &&
    address[10] === 0xff &&
    address[11] === 0xff
  );
}

function toMapped(address: IpAddress): IpAddress {
  return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...address];
}

/** `IPAddressMatchesPrefix`: IPv4 and IPv4-mapped IPv6 compare across families. */
export function matchesPrefix(address: IpAddress, prefix: IpAddress, bits: number): boolean {
  if (address.length !== prefix.length) {
    return address.length === 4
      ? matchesPrefix(toMapped(address), prefix, bits)
      : matchesPrefix(address, toMapped(prefix), bits + 96);
  }
  for (let i = 0; i < address.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((address[i] as number) & mask) !== ((prefix[i] as number) & mask)) return false;
  }
  return true;
}

export interface CidrBlock {
  readonly prefix: IpAddress;
  readonly bits: number;
}

/** `ParseCIDRBlock`: `<ip-literal>/<bits>`, both parts trimmed, IPv6 unbracketed. */
export function parseCidr(text: string): CidrBlock | undefined {
  const parts = text.split('/').map((p) => p.trim());
  if (parts.length !== 2) return undefined;
  const prefix = parseIpLiteral(parts[0] as string);
  const bitsText = parts[1] as string;
  if (prefix === undefined || !/^[0-9]+$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  return bits <= prefix.length * 8 ? { prefix, bits } : undefined;
}

/** 127.0.0.0/8 or ::1 (IPv4-mapped loopback is not included, as in `IPAddress::IsLoopback`). */
export function isLoopback(address: IpAddress): boolean {
  if (address.length === 4) return address[0] === 127;
  return address.slice(0, 15).every((b) => b === 0) && address[15] === 1;
}

/** 169.254.0.0/16, its IPv4-mapped form, or fe80::/10. */
export function isLinkLocal(address: IpAddress): boolean {
  if (address.length === 4) return address[0] === 169 && address[1] === 254;
  if (isIpv4Mapped(address)) return address[12] === 169 && address[13] === 254;
  return address[0] === 0xfe && ((address[1] as number) & 0xc0) === 0x80;
}

/** Orders IPv6 before IPv4, then by bytes (`IPAddressSortingEntry` in proxy_resolver_v8.cc). */
export function compareForPacSort(a: IpAddress, b: IpAddress): number {
  if (a.length !== b.length) return b.length - a.length;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}
