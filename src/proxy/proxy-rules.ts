import type { ProxyHop } from '../transports/transport';

/** Chromium `ProxyConfig::ProxyRules` after parsing. */
export interface ParsedRules {
  readonly single: ProxyHop[] | undefined;
  readonly byScheme: ReadonlyMap<string, ProxyHop[]>;
  readonly fallback: ProxyHop[] | undefined;
}

const direct: ProxyHop = { scheme: 'direct', host: '', port: 0 };
const defaultPorts: Record<string, number> = { http: 80, https: 443, socks4: 1080, socks5: 1080, quic: 443 };
const schemeNames: Record<string, ProxyHop['scheme']> = {
  http: 'http',
  https: 'https',
  socks: 'socks4',
  socks4: 'socks4',
  socks5: 'socks5',
  quic: 'quic',
  direct: 'direct',
};

/** One proxy URI (`[scheme://]host[:port]`); undefined when Chromium would drop it. */
export function parseProxyUri(text: string, defaultScheme: ProxyHop['scheme']): ProxyHop | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const sep = value.indexOf('://');
  const scheme = sep === -1 ? defaultScheme : schemeNames[value.slice(0, sep).toLowerCase()];
  if (scheme === undefined) return undefined;
  if (scheme === 'direct') return sep !== -1 && value.slice(sep + 3) === '' ? direct : undefined;
  const rest = sep === -1 ? value : value.slice(sep + 3);
  const match = /^(\[[^\]]+\]|[^:/]+)(?::(\d+))?$/.exec(rest);
  if (match === null) return undefined;
  const port = match[2] === undefined ? defaultPorts[scheme] : Number(match[2]);
  if (port === undefined || port > 65535) return undefined;
  return { scheme, host: (match[1] ?? '').toLowerCase(), port };
}

function parseList(text: string, defaultScheme: ProxyHop['scheme']): ProxyHop[] {
  return text
    .split(',')
    .map((t) => parseProxyUri(t, defaultScheme))
    .filter((p): p is ProxyHop => p !== undefined);
}

/** `ProxyRules::ParseFromString`: the first `;` entry decides single-list vs per-scheme. */
export function parseProxyRules(rules: string): ParsedRules {
  const entries = rules
    .split(';')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const first = entries[0];
  if (first !== undefined && !first.includes('='))
    return { single: parseList(first, 'http'), byScheme: new Map(), fallback: undefined };
  const byScheme = new Map<string, ProxyHop[]>();
  let fallback: ProxyHop[] | undefined;
  for (const entry of entries) {
    const at = entry.indexOf('=');
    if (at === -1) continue;
    const key = entry.slice(0, at).trim();
    const value = entry.slice(at + 1);
    if (key === 'socks') fallback = parseList(value, 'socks4');
    else byScheme.set(key, parseList(value, 'http'));
  }
  return { single: undefined, byScheme, fallback };
}

/** `ProxyRules::Apply` for one URL. */
export function rulesFor(rules: ParsedRules, url: URL): ProxyHop[] {
  const nonEmpty = (list: ProxyHop[] | undefined): ProxyHop[] | undefined =>
    list !== undefined && list.length > 0 ? list : undefined;
  if (rules.single !== undefined) return nonEmpty(rules.single) ?? [direct];
  const scheme = url.protocol.slice(0, -1);
  const candidates =
    scheme === 'ws' || scheme === 'wss'
      ? [rules.fallback, rules.byScheme.get(scheme === 'wss' ? 'https' : 'http')]
      : [rules.byScheme.get(scheme), rules.fallback];
  for (const list of candidates) {
    const found = nonEmpty(list);
    if (found !== undefined) return found;
  }
  return [direct];
}

const pacNames: Record<ProxyHop['scheme'], string> = {
  direct: 'DIRECT',
  http: 'PROXY',
  https: 'HTTPS',
  socks4: 'SOCKS',
  socks5: 'SOCKS5',
  quic: 'QUIC',
};

/** Chromium's PAC-string form: `PROXY h:p;DIRECT`, ports always printed. */
export function formatPacString(list: readonly ProxyHop[]): string {
  return list
    .map((p) => (p.scheme === 'direct' ? 'DIRECT' : `${pacNames[p.scheme]} ${p.host}:${p.port}`))
    .join(';');
}
