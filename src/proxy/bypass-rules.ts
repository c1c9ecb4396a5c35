import {
  formatIpHost,
  isLinkLocal,
  isIpv4Mapped,
  isLoopback,
  matchesPrefix,
  parseCidr,
  parseIpLiteral,
} from './ip-address';
import { parseUrlPort, tokenize, trimAsciiWhitespace } from './proxy-server';
import type { RequestUrl } from './request-url';
import { matchPattern } from './wildcard';

/**
 * `proxyBypassRules` as Chromium's `ProxyBypassRules` reads and evaluates
 * them. Sources: net/proxy_resolution/proxy_bypass_rules.cc,
 * net/base/scheme_host_port_matcher_rule.cc, net/base/url_util.cc.
 */
export type BypassRule =
  /** `<local>`: hosts without any dot that are not IP literals. */
  | { readonly kind: 'local' }
  /** `<-loopback>`: undoes the implicit localhost/loopback/link-local bypass. */
  | { readonly kind: 'subtract-implicit' }
  | { readonly kind: 'hostname'; readonly scheme: string; readonly pattern: string; readonly port: number }
  | { readonly kind: 'ip-host'; readonly scheme: string; readonly host: string; readonly port: number }
  | {
      readonly kind: 'ip-block';
      readonly text: string;
      readonly prefix: readonly number[];
      readonly bits: number;
    };

export interface BypassRules {
  readonly rules: readonly BypassRule[];
  /** Lookup tables over `rules` so long lists stay fast (see `compileIndex`). */
  readonly index: BypassIndex;
}

interface BypassIndex {
  /** Literal host patterns and IP hosts → rule positions. */
  readonly exact: ReadonlyMap<string, readonly number[]>;
  /** `*<literal>` patterns, keyed by the literal suffix → rule positions. */
  readonly suffix: ReadonlyMap<string, readonly number[]>;
  /** Every other rule, in order. */
  readonly other: readonly number[];
}

export type ParseFormat = 'default' | 'suffix-matching';

/**
 * `ProxyBypassRules::ParseFromString`: rules separated by `,` or `;` (never by
 * spaces), each trimmed; invalid rules are dropped one by one. The
 * `suffix-matching` format is Chromium's reading of Linux `no_proxy`, where
 * `foo.com` means `*foo.com`.
 */
export function parseBypassRules(text: string, format: ParseFormat = 'default'): BypassRules {
  const rules: BypassRule[] = [];
  for (const token of tokenize(text, ',;')) {
    const rule = parseBypassRule(token);
    if (rule === undefined) continue;
    rules.push(format === 'suffix-matching' ? toSuffixMatching(rule) : rule);
  }
  return { rules, index: compileIndex(rules) };
}

/** One rule, or `undefined` when Chromium rejects it. */
export function parseBypassRule(raw: string): BypassRule | undefined {
  let rule = trimAsciiWhitespace(raw);
  const lower = rule.toLowerCase();
  if (lower === '<local>') return { kind: 'local' };
  if (lower === '<-loopback>') return { kind: 'subtract-implicit' };

  let scheme = '';
  const separator = rule.indexOf('://');
  if (separator !== -1) {
    scheme = rule.slice(0, separator);
    rule = rule.slice(separator + 3);
    if (scheme === '') return undefined;
  }
  if (rule === '') return undefined;

  // A `/` means a CIDR block, or nothing valid (rules with a path are dropped).
  // The scheme of a CIDR rule is lost: Electron hands the list to the network
  // service as text (`ToString`, which prints CIDR rules without it) and it is
  // parsed again there.
  if (rule.includes('/')) {
    const block = parseCidr(rule);
    return block === undefined ? undefined : { kind: 'ip-block', text: rule, ...block };
  }

  const hostAndPort = parseHostAndPort(rule);
  if (hostAndPort !== undefined) {
    const ip = parseIpLiteral(hostAndPort.host);
    if (ip !== undefined) {
      // Port 0 is "no port" for IP rules (an IPEndPoint cannot hold −1).
      return { kind: 'ip-host', scheme: asciiLower(scheme), host: formatIpHost(ip), port: hostAndPort.port };
    }
  }

  let port = -1;
  const colon = rule.lastIndexOf(':');
  if (colon !== -1) {
    const text = rule.slice(colon + 1);
    if (!/^[0-9]+$/.test(text) || Number(text) > 0xffff) return undefined;
    port = Number(text);
    rule = rule.slice(0, colon);
  }
  const pattern = rule.startsWith('.') ? `*${rule}` : rule;
  return { kind: 'hostname', scheme: asciiLower(scheme), pattern: asciiLower(pattern), port };
}

/**
 * `net::ParseHostAndPort`: no user-info, a non-empty host, an optional valid
 * port (`host:` is rejected); a bracketed host must be a valid IPv6 literal
 * and loses its brackets. Port −1 when absent, normalised to 0 (no port).
 */
function parseHostAndPort(text: string): { host: string; port: number } | undefined {
  if (text.includes('@')) return undefined;
  let ipv6End = text.startsWith('[') ? text.length : -1;
  let colon = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ']') ipv6End = i;
    else if (text[i] === ':') colon = i;
  }
  const hasPort = colon > ipv6End;
  let host = hasPort ? text.slice(0, colon) : text;
  const portText = hasPort ? text.slice(colon + 1) : undefined;
  if (host === '' || portText === '') return undefined;
  const port = portText === undefined ? 0 : parseUrlPort(portText);
  if (port === undefined) return undefined;
  if (host.startsWith('[')) {
    if (!host.endsWith(']') || parseIpLiteral(host.slice(1, -1))?.length !== 16) return undefined;
    host = host.slice(1, -1);
  }
  return { host, port };
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** `GenerateSuffixMatchingRule`: hostname patterns get a leading `*` unless they have one. */
function toSuffixMatching(rule: BypassRule): BypassRule {
  if (rule.kind !== 'hostname' || rule.pattern.startsWith('*')) return rule;
  return { ...rule, pattern: `*${rule.pattern}` };
}

/** `ToString` of one rule, as Chromium prints it (its canonical form). */
export function formatBypassRule(rule: BypassRule): string {
  switch (rule.kind) {
    case 'local':
      return '<local>';
    case 'subtract-implicit':
      return '<-loopback>';
    case 'ip-block':
      return rule.text;
    case 'hostname':
      return `${rule.scheme === '' ? '' : `${rule.scheme}://`}${rule.pattern}${rule.port === -1 ? '' : `:${rule.port}`}`;
    case 'ip-host':
      return `${rule.scheme === '' ? '' : `${rule.scheme}://`}${rule.host}${rule.port === 0 ? '' : `:${rule.port}`}`;
  }
}

type Verdict = 'include' | 'exclude' | 'no-match';

/** One rule against one URL (`SchemeHostPortMatcherRule::Evaluate`). */
export function evaluateBypassRule(rule: BypassRule, url: RequestUrl): Verdict {
  switch (rule.kind) {
    case 'local':
      return !url.host.includes('.') && url.ip === undefined ? 'include' : 'no-match';
    case 'subtract-implicit':
      return matchesImplicitRules(url) ? 'exclude' : 'no-match';
    case 'ip-block':
      return url.ip !== undefined && matchesPrefix(url.ip, rule.prefix, rule.bits) ? 'include' : 'no-match';
    case 'hostname':
      if (rule.port !== -1 && url.effectivePort !== rule.port) return 'no-match';
      if (rule.scheme !== '' && url.scheme !== rule.scheme) return 'no-match';
      return matchPattern(url.host, rule.pattern) ? 'include' : 'no-match';
    case 'ip-host':
      if (rule.port !== 0 && url.effectivePort !== rule.port) return 'no-match';
      if (rule.scheme !== '' && url.scheme !== rule.scheme) return 'no-match';
      return url.host === rule.host ? 'include' : 'no-match';
  }
}

/**
 * `ProxyBypassRules::Matches`: the last rule with a verdict decides (rules
 * are walked from last to first); with none, the implicit rules apply.
 */
export function matchesBypassRules(bypass: BypassRules, url: RequestUrl): boolean {
  const decisive = lastDecisiveRule(bypass, url);
  if (decisive !== undefined)
    return evaluateBypassRule(bypass.rules[decisive] as BypassRule, url) === 'include';
  return matchesImplicitRules(url);
}

/**
 * The highest-positioned rule with a verdict. Literal and `*literal` patterns
 * are found by table lookup; only the remaining rules placed after the best
 * candidate are evaluated one by one.
 */
function lastDecisiveRule(bypass: BypassRules, url: RequestUrl): number | undefined {
  const { index, rules } = bypass;
  let best = -1;
  const consider = (positions: readonly number[] | undefined): void => {
    if (positions === undefined) return;
    for (let i = positions.length - 1; i >= 0; i--) {
      const position = positions[i] as number;
      if (position <= best) return;
      if (evaluateBypassRule(rules[position] as BypassRule, url) !== 'no-match') {
        best = position;
        return;
      }
    }
  };
  consider(index.exact.get(url.host));
  if (index.suffix.size > 0)
    for (let i = 0; i <= url.host.length; i++) consider(index.suffix.get(url.host.slice(i)));
  for (let i = index.other.length - 1; i >= 0; i--) {
    const position = index.other[i] as number;
    if (position <= best) break;
    if (evaluateBypassRule(rules[position] as BypassRule, url) !== 'no-match') {
      best = position;
      break;
    }
  }
  return best === -1 ? undefined : best;
}

function compileIndex(rules: readonly BypassRule[]): BypassIndex {
  const exact = new Map<string, number[]>();
  const suffix = new Map<string, number[]>();
  const other: number[] = [];
  const add = (map: Map<string, number[]>, key: string, position: number): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [position]);
    else list.push(position);
  };
  rules.forEach((rule, position) => {
    if (rule.kind === 'ip-host') add(exact, rule.host, position);
    else if (rule.kind === 'hostname' && !/[*?\\]/.test(rule.pattern)) add(exact, rule.pattern, position);
    else if (rule.kind === 'hostname' && /^\*[^*?\\]*$/.test(rule.pattern))
      add(suffix, rule.pattern.slice(1), position);
    else other.push(position);
  });
  return { exact, suffix, other };
}

/**
 * `ProxyBypassRules::MatchesImplicitRules` (Linux/macOS: Windows also has
 * `loopback`): localhost, `*.localhost` (one trailing dot allowed),
 * 127.0.0.0/8, ::1, IPv4-mapped 127.x, and link-local 169.254/16 / fe80::/10.
 */
export function matchesImplicitRules(url: RequestUrl): boolean {
  const ip = url.ip;
  if (ip === undefined) {
    const host = url.hostNoBrackets.toLowerCase().replace(/\.$/, '');
    return host === 'localhost' || host.endsWith('.localhost');
  }
  if (isLoopback(ip) || isLinkLocal(ip)) return true;
  return isIpv4Mapped(ip) && ip[12] === 127;
}

/** `ToString` of a whole list: each rule followed by `;`. */
export function formatBypassRules(bypass: BypassRules): string {
  return bypass.rules.map((rule) => `${formatBypassRule(rule)};`).join('');
}

export const NO_BYPASS_RULES: BypassRules = parseBypassRules('');
