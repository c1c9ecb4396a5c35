import { NO_BYPASS_RULES, parseBypassRules, type BypassRules } from './bypass-rules';
import { parseProxyRules, type ProxyRules } from './proxy-rules';
import { systemProxyConfig } from './system-proxy';

/** What a network context resolves against once Electron's `ProxyConfig` has been read. */
export type EffectiveProxyConfig =
  | { readonly kind: 'direct' }
  | { readonly kind: 'fixed'; readonly rules: ProxyRules; readonly bypass: BypassRules }
  /** A PAC URL; Electron's `pac_script` mode is always mandatory (failures give `''`, not DIRECT). */
  | { readonly kind: 'pac'; readonly url: string; readonly mandatory: boolean }
  /** WPAD (`http://wpad/wpad.dat`), never mandatory. */
  | { readonly kind: 'auto-detect' };

export const DIRECT_CONFIG: EffectiveProxyConfig = Object.freeze({ kind: 'direct' });

export const INVALID_MODE_MESSAGE =
  'Invalid mode, must be one of direct, auto_detect, pac_script, fixed_servers or system';

const modes = ['direct', 'auto_detect', 'pac_script', 'fixed_servers', 'system'] as const;
type Mode = (typeof modes)[number];

export type NormalizedProxyConfig =
  | {
      readonly ok: true;
      readonly config: EffectiveProxyConfig;
      /** Identity of the proxy pref Electron writes; an unchanged pref changes nothing. */
      readonly key: string;
    }
  | { readonly ok: false; readonly message: string };

/**
 * `Session::SetProxy` + `createProxyConfig` (shell/browser/api/electron_api_session.cc)
 * and the pref → `net::ProxyConfig` conversion. Only string members count
 * (gin's `Dictionary::Get` fails on other types, so `mode: 123` is "no mode").
 * Without a mode a non-empty `pacScript` wins over `proxyRules`.
 */
export function normalizeProxyConfig(
  input: unknown,
  systemEnv: Readonly<Record<string, string | undefined>>,
): NormalizedProxyConfig {
  const options = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const text = (name: string): string | undefined => {
    const value = options[name];
    return typeof value === 'string' ? value : undefined;
  };
  const pacScript = text('pacScript') ?? '';
  const proxyRules = text('proxyRules') ?? '';
  const bypassList = text('proxyBypassRules') ?? '';
  const modeText = text('mode');
  if (modeText !== undefined && !(modes as readonly string[]).includes(modeText)) {
    return { ok: false, message: INVALID_MODE_MESSAGE };
  }
  const mode: Mode = (modeText as Mode | undefined) ?? (pacScript !== '' ? 'pac_script' : 'fixed_servers');
  switch (mode) {
    case 'direct':
      return accepted(DIRECT_CONFIG, { mode });
    case 'system':
      return accepted(systemProxyConfig(systemEnv), { mode });
    case 'auto_detect':
      return accepted({ kind: 'auto-detect' }, { mode });
    case 'pac_script': {
      // PrefProxyConfigTrackerImpl: a missing or unparseable PAC URL degrades to DIRECT.
      const url = parseUrl(pacScript);
      return url === undefined
        ? accepted(DIRECT_CONFIG, { mode, pacScript })
        : accepted({ kind: 'pac', url, mandatory: true }, { mode, pacScript });
    }
    case 'fixed_servers':
      // ProxyConfigDictionary::CreateFixedServers: no servers means DIRECT, and the bypass list is dropped.
      if (proxyRules === '') return accepted(DIRECT_CONFIG, { mode: 'direct' });
      return accepted(
        {
          kind: 'fixed',
          rules: parseProxyRules(proxyRules),
          bypass: bypassList === '' ? NO_BYPASS_RULES : parseBypassRules(bypassList),
        },
        { mode, proxyRules, bypassList },
      );
  }
}

function accepted(config: EffectiveProxyConfig, pref: Record<string, string>): NormalizedProxyConfig {
  return { ok: true, config, key: JSON.stringify(pref) };
}

function parseUrl(text: string): string | undefined {
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}
