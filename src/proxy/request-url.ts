import { parseIpLiteral, type IpAddress } from './ip-address';

/** The parts of a request URL that proxy decisions look at (GURL's view of it). */
export interface RequestUrl {
  /** Canonical spec. */
  readonly href: string;
  /** Lowercase scheme without `:`. */
  readonly scheme: string;
  /** Canonical host: lowercase, punycode, IPv4 normalised, IPv6 in brackets, trailing dot kept. */
  readonly host: string;
  /** `host` without IPv6 brackets (`GURL::HostNoBrackets`). */
  readonly hostNoBrackets: string;
  /** The host as an address when it is an IP literal. */
  readonly ip: IpAddress | undefined;
  /** Explicit port, else the scheme's default, else −1 (`GURL::EffectiveIntPort`). */
  readonly effectivePort: number;
}

const defaultPorts: Readonly<Record<string, number>> = { http: 80, https: 443, ws: 80, wss: 443, ftp: 21 };

/** Parses and canonicalises a URL; `undefined` for what GURL would call invalid. */
export function parseRequestUrl(text: string): RequestUrl | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return fromUrl(url);
}

export function fromUrl(url: URL): RequestUrl {
  const scheme = url.protocol.slice(0, -1);
  const host = url.hostname;
  const hostNoBrackets = host.startsWith('[') ? host.slice(1, -1) : host;
  const port = url.port === '' ? (defaultPorts[scheme] ?? -1) : Number(url.port);
  return { href: url.href, scheme, host, hostNoBrackets, ip: ipOfCanonicalHost(host), effectivePort: port };
}

/** A canonical URL host is an IP literal when it is a dotted quad or bracketed (`GURL::HostIsIPAddress`). */
function ipOfCanonicalHost(host: string): IpAddress | undefined {
  if (host.startsWith('[')) return parseIpLiteral(host.slice(1, -1));
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) ? parseIpLiteral(host) : undefined;
}
