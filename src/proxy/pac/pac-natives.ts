import { domainToASCII } from 'node:url';
import { compareForPacSort, formatIp, matchesPrefix, parseCidr, parseIpLiteral } from '../ip-address';

/**
 * The PAC functions Chromium implements natively (proxy_resolver_v8.cc),
 * as pure functions of their string arguments. The sandbox wrappers handle
 * non-string arguments before these are called.
 */

/** Looks up a host name; `undefined` when it does not resolve. */
export type HostLookup = (host: string) => readonly string[] | undefined;

function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

/** True iff the name has no `.` and is not an IP literal (so `::1` is not plain). */
export function isPlainHostName(host: string): boolean {
  return !host.includes('.') && parseIpLiteral(host) === undefined;
}

/**
 * `sortIpAddressList`: spaces and tabs removed, split on `;` (empty parts
 * skipped), IPv6 before IPv4, ascending, stable, original spelling kept.
 * `false` when empty or any part is not an IP literal; `null` for non-ASCII.
 */
export function sortIpAddressList(list: string): string | false | null {
  if (!isAscii(list)) return null;
  const entries: { text: string; address: readonly number[] }[] = [];
  for (const text of list.replace(/[ \t]/g, '').split(';')) {
    if (text === '') continue;
    const address = parseIpLiteral(text);
    if (address === undefined) return false;
    entries.push({ text, address });
  }
  if (entries.length === 0) return false;
  return entries
    .sort((a, b) => compareForPacSort(a.address, b.address))
    .map((e) => e.text)
    .join(';');
}

/** `isInNetEx(ip, "prefix/bits")`: IPv4 and IPv4-mapped IPv6 compare across families; anything invalid is false. */
export function isInNetEx(ip: string, prefix: string): boolean {
  if (!isAscii(ip) || !isAscii(prefix)) return false;
  const address = parseIpLiteral(ip);
  const block = parseCidr(prefix);
  return address !== undefined && block !== undefined && matchesPrefix(address, block.prefix, block.bits);
}

/** `GetHostnameArgument`: non-ASCII names go through IDNA to punycode; `undefined` if that fails. */
export function hostnameArgument(host: string): string | undefined {
  if (isAscii(host)) return host;
  const ascii = domainToASCII(host);
  return ascii === '' ? undefined : ascii;
}

/** All addresses of a host, canonical text; IP literals resolve to themselves and localhost names to loopback. */
export function lookUp(host: string, lookup: HostLookup): string[] {
  const literal = parseIpLiteral(host);
  if (literal !== undefined) return [formatIp(literal)];
  const found = lookup(host);
  if (found !== undefined && found.length > 0) return [...found];
  // Chromium's host resolver answers localhost names itself (HostResolverManager::ResolveLocally).
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') ? ['127.0.0.1', '::1'] : [];
}

/** `dnsResolve`: the first IPv4 address, or `null` (Chromium's PAC DNS is IPv4-only here). */
export function dnsResolve(host: string, lookup: HostLookup): string | null {
  const name = hostnameArgument(host);
  if (name === undefined) return null;
  return lookUp(name, lookup).find((a) => !a.includes(':')) ?? null;
}

/** `dnsResolveEx`: every address joined by `;`, `''` on failure, `undefined` for an unusable name. */
export function dnsResolveEx(host: string, lookup: HostLookup): string | undefined {
  const name = hostnameArgument(host);
  if (name === undefined) return undefined;
  return lookUp(name, lookup).join(';');
}

/** `myIpAddress`: the machine's first address, else Chromium's failure value `127.0.0.1`. */
export function myIpAddress(addresses: readonly string[]): string {
  return addresses.find((a) => !a.includes(':')) ?? addresses[0] ?? '127.0.0.1';
}

/** `myIpAddressEx`: all of the machine's addresses joined by `;`, `''` on failure. */
export function myIpAddressEx(addresses: readonly string[]): string {
  return addresses.join(';');
}
