import { matchesBypassRules, type BypassRules } from './bypass-rules';
import {
  DIRECT,
  parseProxyUri,
  tokenize,
  trimAsciiWhitespace,
  type ProxyChoice,
  type ProxyList,
} from './proxy-server';
import type { RequestUrl } from './request-url';

/**
 * `net::ProxyConfig::ProxyRules` without the bypass list: either one list for
 * every URL, or lists per URL scheme with `socks=` as the fallback.
 * Source: net/proxy_resolution/proxy_config.cc.
 */
export interface ProxyRules {
  readonly type: 'empty' | 'single' | 'per-scheme';
  readonly single: ProxyList;
  readonly http: ProxyList;
  readonly https: ProxyList;
  readonly ftp: ProxyList;
  /** `socks=` entries: used for any scheme whose own list is empty. */
  readonly fallback: ProxyList;
}

export const EMPTY_RULES: ProxyRules = Object.freeze({
  type: 'empty',
  single: [],
  http: [],
  https: [],
  ftp: [],
  fallback: [],
});

type ListName = 'http' | 'https' | 'ftp' | 'fallback';

/**
 * `ProxyRules::ParseFromString`. The first `;`-entry decides the type: an
 * entry without a `=` value makes a single list and stops parsing; with one,
 * the rules are per scheme and later value-less tokens are ignored. Keys are
 * compared case-sensitively; unknown keys drop their value but still make the
 * rules per-scheme. Empty tokens are skipped everywhere, so `http=` alone is a
 * single proxy whose host is `http`. Invalid URIs are dropped one by one.
 */
export function parseProxyRules(text: string): ProxyRules {
  const lists: Record<ListName, ProxyChoice[]> = { http: [], https: [], ftp: [], fallback: [] };
  let perScheme = false;
  for (const entry of tokenize(text, ';')) {
    const tokens = tokenize(entry, '=');
    for (let i = 0; i < tokens.length; i += 2) {
      const key = tokens[i] as string;
      const value = tokens[i + 1];
      if (value === undefined) {
        if (perScheme) continue;
        return { ...EMPTY_RULES, type: 'single', single: parseUriList(key, 'http') };
      }
      perScheme = true;
      const name = listNameForKey(trimAsciiWhitespace(key));
      // `socks=` lists default to SOCKS4, while a `socks://` URI means SOCKS5.
      if (name !== undefined)
        lists[name].push(...parseUriList(value, name === 'fallback' ? 'socks4' : 'http'));
    }
  }
  return perScheme ? { type: 'per-scheme', single: [], ...lists } : EMPTY_RULES;
}

function listNameForKey(key: string): ListName | undefined {
  if (key === 'http' || key === 'https' || key === 'ftp') return key;
  return key === 'socks' ? 'fallback' : undefined;
}

function parseUriList(text: string, defaultScheme: 'http' | 'socks4'): ProxyChoice[] {
  const list: ProxyChoice[] = [];
  for (const uri of tokenize(text, ',')) {
    const choice = parseProxyUri(uri, defaultScheme);
    if (choice !== undefined) list.push(choice);
  }
  return list;
}

/**
 * `ProxyRules::MapUrlSchemeToProxyList`: the scheme's own list when non-empty;
 * for ws/wss the first non-empty of fallback, https, http (RFC 6455 §4.1.3
 * prefers SOCKS, then the HTTPS proxy); otherwise the fallback list; else none.
 */
export function proxyListForScheme(rules: ProxyRules, scheme: string): ProxyList | undefined {
  const own = scheme === 'http' || scheme === 'https' || scheme === 'ftp' ? rules[scheme] : [];
  if (own.length > 0) return own;
  if (scheme === 'ws' || scheme === 'wss') {
    return [rules.fallback, rules.https, rules.http].find((list) => list.length > 0);
  }
  return rules.fallback.length > 0 ? rules.fallback : undefined;
}

/**
 * `ProxyRules::Apply`: empty rules → DIRECT without consulting the bypass
 * list; a bypassed URL → DIRECT; a single list for every scheme (possibly
 * empty, when all its entries were invalid); per-scheme lists or DIRECT.
 */
export function applyProxyRules(rules: ProxyRules, bypass: BypassRules, url: RequestUrl): ProxyList {
  if (rules.type === 'empty') return [DIRECT];
  if (matchesBypassRules(bypass, url)) return [DIRECT];
  if (rules.type === 'single') return rules.single;
  return proxyListForScheme(rules, url.scheme) ?? [DIRECT];
}
