import { NO_BYPASS_RULES, parseBypassRules } from './bypass-rules';
import type { EffectiveProxyConfig } from './proxy-config';
import { EMPTY_RULES, type ProxyRules } from './proxy-rules';
import { parseProxyUri, type ProxyChoice } from './proxy-server';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `mode: 'system'`: the fake's stand-in for OS proxy settings is the process
 * environment, read the way Chromium on Linux does without a desktop
 * environment (ProxyConfigServiceLinux::Delegate::GetConfigFromEnv):
 * `auto_proxy` (PAC URL, empty = WPAD), `all_proxy`, `http_proxy`,
 * `https_proxy`, `ftp_proxy`, `SOCKS_SERVER` + `SOCKS_VERSION`, and
 * `no_proxy` with suffix matching (`example.com` covers `*example.com`).
 * Each name is also looked up in the other letter case, as `base::Environment` does.
 */
export function systemProxyConfig(env: Env): EffectiveProxyConfig {
  const autoProxy = getVar(env, 'auto_proxy');
  if (autoProxy !== undefined) {
    if (autoProxy === '') return { kind: 'auto-detect' };
    const url = parseUrl(autoProxy);
    // Settings from the system are never mandatory; an invalid URL leaves no automatic settings.
    return url === undefined ? { kind: 'direct' } : { kind: 'pac', url, mandatory: false };
  }
  const rules = rulesFromEnv(env);
  if (rules.type === 'empty') return { kind: 'direct' };
  const noProxy = getVar(env, 'no_proxy') ?? '';
  return {
    kind: 'fixed',
    rules,
    bypass: noProxy === '' ? NO_BYPASS_RULES : parseBypassRules(noProxy, 'suffix-matching'),
  };
}

function rulesFromEnv(env: Env): ProxyRules {
  const all = serverFromEnv(env, 'all_proxy', 'http');
  if (all !== undefined) return { ...EMPTY_RULES, type: 'single', single: [all] };
  const http = serverFromEnv(env, 'http_proxy', 'http');
  const https = serverFromEnv(env, 'https_proxy', 'http');
  const ftp = serverFromEnv(env, 'ftp_proxy', 'http');
  if (http !== undefined || https !== undefined || ftp !== undefined) {
    return { ...EMPTY_RULES, type: 'per-scheme', http: listOf(http), https: listOf(https), ftp: listOf(ftp) };
  }
  const socks = serverFromEnv(
    env,
    'SOCKS_SERVER',
    getVar(env, 'SOCKS_VERSION') === '4' ? 'socks4' : 'socks5',
  );
  return socks === undefined ? EMPTY_RULES : { ...EMPTY_RULES, type: 'single', single: [socks] };
}

function listOf(choice: ProxyChoice | undefined): ProxyChoice[] {
  return choice === undefined ? [] : [choice];
}

/**
 * `FixupProxyHostScheme` then `ProxyServer::FromURI`: the written scheme is
 * dropped (so `https_proxy=https://p` is an HTTP proxy), as are credentials
 * and one trailing `/`; SOCKS variables keep their SOCKS version.
 */
function serverFromEnv(
  env: Env,
  name: string,
  scheme: 'http' | 'socks4' | 'socks5',
): ProxyChoice | undefined {
  let value = getVar(env, name);
  if (value === undefined || value === '') return undefined;
  if (scheme === 'socks5' && value.toLowerCase().startsWith('socks4://')) scheme = 'socks4';
  const separator = value.indexOf('://');
  if (separator !== -1) value = value.slice(separator + 3);
  const at = value.indexOf('@');
  if (at !== -1) value = value.slice(at + 1);
  if (scheme !== 'http') value = `${scheme}://${value}`;
  if (value.endsWith('/')) value = value.slice(0, -1);
  const choice = parseProxyUri(value, 'http');
  return choice === undefined || choice.scheme === 'direct' ? undefined : choice;
}

function getVar(env: Env, name: string): string | undefined {
  const other = name === name.toLowerCase() ? name.toUpperCase() : name.toLowerCase();
  return env[name] ?? env[other];
}

function parseUrl(text: string): string | undefined {
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}
