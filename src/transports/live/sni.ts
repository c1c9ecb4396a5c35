import net from 'node:net';

/** The `servername` option for a host: none for IP literals (RFC 6066 §3 allows host names only). */
export function sniFor(host: string): { servername?: string } {
  return net.isIP(host) === 0 ? { servername: host } : {};
}
