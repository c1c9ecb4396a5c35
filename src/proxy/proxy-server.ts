/**
 * One proxy server (or DIRECT) as Chromium parses it from proxy URIs
 * (`proxyRules` entries) and PAC result elements, and prints it in the
 * `resolveProxy` PAC-string form. Source: net/base/proxy_string_util.cc,
 * net/base/proxy_server.cc, net/proxy_resolution/proxy_list.cc.
 */
export type ProxyScheme = 'direct' | 'http' | 'https' | 'socks4' | 'socks5' | 'quic';

export interface ProxyChoice {
  readonly scheme: ProxyScheme;
  /** Canonical host without IPv6 brackets; `''` for DIRECT. */
  readonly host: string;
  /** Always explicit (the scheme default when none was written); 0 for DIRECT. */
  readonly port: number;
}

export type ProxyList = readonly ProxyChoice[];

export const DIRECT: ProxyChoice = Object.freeze({ scheme: 'direct', host: '', port: 0 });

const defaultPorts: Readonly<Record<Exclude<ProxyScheme, 'direct'>, number>> = {
  http: 80,
  https: 443,
  socks4: 1080,
  socks5: 1080,
  quic: 443,
};

/** `HttpUtil::TrimLWS`: spaces and tabs only. */
export function trimLws(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** `base::TrimWhitespaceASCII`. */
export function trimAsciiWhitespace(text: string): string {
  return text.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
}

/** Splits on any of `delimiters`, skipping empty tokens (`base::StringTokenizer`). */
export function tokenize(text: string, delimiters: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || delimiters.includes(text[i] as string)) {
      if (i > start) out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

// Release builds of Chromium (and so Electron) are compiled without
// ENABLE_QUIC_PROXY_SUPPORT (net/features.gni: `is_debug` only), so `quic://`
// URIs and `QUIC` PAC elements are dropped as invalid.
const uriSchemes: Readonly<Record<string, Exclude<ProxyScheme, 'direct'>>> = {
  http: 'http',
  https: 'https',
  socks4: 'socks4',
  socks: 'socks5',
  socks5: 'socks5',
};

const pacTypes: Readonly<Record<string, Exclude<ProxyScheme, 'direct'>>> = {
  proxy: 'http',
  // "SOCKS" predates the SOCKS4/SOCKS5 notation and means SOCKS4.
  socks: 'socks4',
  socks4: 'socks4',
  socks5: 'socks5',
  https: 'https',
};

/**
 * `ProxyUriToProxyChain`: `[scheme "://"] host [":" port]`, or `direct://`.
 * Returns `undefined` for an entry Chromium drops as invalid.
 */
export function parseProxyUri(text: string, defaultScheme: 'http' | 'socks4'): ProxyChoice | undefined {
  let uri = trimLws(text);
  const separator = uri.indexOf('://');
  if (separator !== -1 && uri.slice(0, separator).toLowerCase() === 'direct') {
    return uri.length === separator + 3 ? DIRECT : undefined;
  }
  let scheme: Exclude<ProxyScheme, 'direct'> | undefined = defaultScheme;
  const colon = uri.indexOf(':');
  if (colon !== -1 && uri.startsWith('//', colon + 1)) {
    scheme = uriSchemes[uri.slice(0, colon).toLowerCase()];
    uri = uri.slice(colon + 3);
  }
  return scheme === undefined ? undefined : serverFromHostAndPort(scheme, uri);
}

/** `PacResultElementToProxyChain`: `DIRECT` or `<type> <host>[:<port>]`, type case-insensitive. */
export function parsePacElement(text: string): ProxyChoice | undefined {
  const element = trimLws(text);
  const space = element.search(/[ \t]/);
  const type = (space === -1 ? element : element.slice(0, space)).toLowerCase();
  const rest = space === -1 ? '' : element.slice(space);
  if (type === 'direct') return rest === '' ? DIRECT : undefined;
  const scheme = pacTypes[type];
  return scheme === undefined ? undefined : serverFromHostAndPort(scheme, rest);
}

/** `ProxySchemeHostAndPortToProxyServer` + `ProxyServer::FromSchemeHostAndPort`. */
function serverFromHostAndPort(
  scheme: Exclude<ProxyScheme, 'direct'>,
  text: string,
): ProxyChoice | undefined {
  const authority = trimLws(text);
  // Any user-info makes the entry invalid (url::ParseAuthority finds an `@`).
  if (authority.includes('@')) return undefined;
  const { host, port } = splitServerInfo(authority);
  if (host === '' || port === '') return undefined;
  const portNumber = port === undefined ? defaultPorts[scheme] : parseUrlPort(port);
  if (portNumber === undefined) return undefined;
  const canonical = canonicalizeHost(host);
  return canonical === undefined ? undefined : { scheme, host: canonical, port: portNumber };
}

/**
 * `url::ParseServerInfo`: the port starts after the last `:` that follows the
 * closing `]` of a bracketed IPv6 host; an unbracketed IPv6 literal is thus
 * split at its last colon (`::1:80` is host `::1`, port 80).
 */
function splitServerInfo(text: string): { host: string; port: string | undefined } {
  let ipv6End = text.startsWith('[') ? text.length : -1;
  let colon = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ']') ipv6End = i;
    else if (text[i] === ':') colon = i;
  }
  if (colon > ipv6End) return { host: text.slice(0, colon), port: text.slice(colon + 1) };
  return { host: text, port: undefined };
}

/** `url::ParsePort`: decimal digits only, leading zeros allowed, at most 65535. */
export function parseUrlPort(text: string): number | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined;
  const significant = text.replace(/^0+/, '');
  if (significant.length > 5) return undefined;
  const value = significant === '' ? 0 : Number(significant);
  return value <= 65535 ? value : undefined;
}

/**
 * `url::CanonicalizeHost` through the WHATWG host parser (lowercase, IDN to
 * punycode, IPv4 numeric forms normalised, IPv6 compressed); an unbracketed
 * IPv6 literal is bracketed first, as `ProxyServer::FromSchemeHostAndPort` does.
 * Returns the host without brackets.
 */
export function canonicalizeHost(raw: string): string | undefined {
  let host = trimAsciiWhitespace(raw);
  if (host === '') return undefined;
  if (!host.startsWith('[') && host.includes(':')) host = `[${host}]`;
  // Characters that would end the authority (or that WHATWG silently strips) are invalid hosts.
  if (/[\x00-\x20\x7f/\\?#@]/.test(host)) return undefined;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}/`).hostname;
  } catch {
    return undefined;
  }
  if (hostname === '') return undefined;
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}

/** Host as printed in `host:port`: IPv6 in brackets. */
export function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

const pacKeywords: Readonly<Record<Exclude<ProxyScheme, 'direct'>, string>> = {
  http: 'PROXY',
  https: 'HTTPS',
  // SOCKS4 is printed as SOCKS for compatibility (ProxyServerToPacResultElement).
  socks4: 'SOCKS',
  socks5: 'SOCKS5',
  quic: 'QUIC',
};

/** `ProxyServerToPacResultElement`: `DIRECT`, `PROXY h:p`, `HTTPS h:p`, `SOCKS h:p`, `SOCKS5 h:p`, `QUIC h:p`. */
export function formatPacElement(choice: ProxyChoice): string {
  if (choice.scheme === 'direct') return 'DIRECT';
  return `${pacKeywords[choice.scheme]} ${hostForUrl(choice.host)}:${choice.port}`;
}

/** `ProxyList::ToPacString`: elements joined by `;` without spaces; `''` for an empty list. */
export function formatPacString(list: ProxyList): string {
  return list.map(formatPacElement).join(';');
}

/** `ProxyServerToProxyUri`: `host:port` for HTTP, `scheme://host:port` otherwise, `direct://`. */
export function formatProxyUri(choice: ProxyChoice): string {
  if (choice.scheme === 'direct') return 'direct://';
  const hostPort = `${hostForUrl(choice.host)}:${choice.port}`;
  return choice.scheme === 'http' ? hostPort : `${choice.scheme}://${hostPort}`;
}
