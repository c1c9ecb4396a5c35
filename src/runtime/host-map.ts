import { isIP } from 'node:net';
import type { HostEntry } from './runtime';

/** `{ 'api.test': '127.0.0.1' }` → host map entries with their address family. */
export function parseHostMap(hosts: Record<string, string | string[]>): Map<string, HostEntry[]> {
  const map = new Map<string, HostEntry[]>();
  for (const [host, value] of Object.entries(hosts)) map.set(host.toLowerCase(), toEntries(value));
  return map;
}

export function toEntries(addresses: string | readonly string[]): HostEntry[] {
  const list = typeof addresses === 'string' ? [addresses] : addresses;
  return list.map((address) => ({ address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' }));
}
