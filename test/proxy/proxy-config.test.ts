import { formatBypassRules } from '../../src/proxy/bypass-rules';
import { normalizeProxyConfig, type EffectiveProxyConfig } from '../../src/proxy/proxy-config';
import { formatPacString } from '../../src/proxy/proxy-server';
import { systemProxyConfig } from '../../src/proxy/system-proxy';

/** A readable summary of an effective configuration. */
function describe(config: EffectiveProxyConfig): string {
  switch (config.kind) {
    case 'direct':
    case 'auto-detect':
      return config.kind;
    case 'pac':
      return `pac ${config.url}${config.mandatory ? ' mandatory' : ''}`;
    case 'fixed': {
      const { rules } = config;
      const lists =
        rules.type === 'single'
          ? formatPacString(rules.single)
          : `http[${formatPacString(rules.http)}] https[${formatPacString(rules.https)}] ftp[${formatPacString(rules.ftp)}] socks[${formatPacString(rules.fallback)}]`;
      return `fixed ${rules.type} ${lists} bypass[${formatBypassRules(config.bypass)}]`;
    }
  }
}

function normalized(input: unknown, env: Record<string, string> = {}): string {
  const result = normalizeProxyConfig(input, env);
  return result.ok ? describe(result.config) : `rejected: ${result.message}`;
}

// chromium-proxy.md §6 and electron-session-api.md §2.2.
it.each([
  [{}, 'direct'],
  [undefined, 'direct'],
  ['http=a', 'direct'],
  [
    { proxyRules: 'http=myproxy:80' },
    'fixed per-scheme http[PROXY myproxy:80] https[] ftp[] socks[] bypass[]',
  ],
  [{ proxyRules: 'a:1', proxyBypassRules: '<local>' }, 'fixed single PROXY a:1 bypass[<local>;]'],
  [{ proxyRules: '', proxyBypassRules: 'example.com' }, 'direct'],
  [{ mode: 'fixed_servers', proxyBypassRules: 'example.com' }, 'direct'],
  [{ pacScript: 'http://127.0.0.1:1/pac', proxyRules: 'a:1' }, 'pac http://127.0.0.1:1/pac mandatory'],
  [
    { mode: 'fixed_servers', pacScript: 'http://127.0.0.1:1/pac', proxyRules: 'a:1' },
    'fixed single PROXY a:1 bypass[]',
  ],
  [
    { mode: 'pac_script', pacScript: 'http://127.0.0.1:1/pac', proxyRules: 'a:1' },
    'pac http://127.0.0.1:1/pac mandatory',
  ],
  [{ mode: 'pac_script' }, 'direct'],
  [{ mode: 'pac_script', pacScript: '/srv/x.pac' }, 'direct'],
  [{ mode: 'pac_script', pacScript: 'file:///x.pac' }, 'pac file:///x.pac mandatory'],
  [{ mode: 'direct', proxyRules: 'http=myproxy:80' }, 'direct'],
  [{ mode: 'auto_detect', proxyRules: 'a:1' }, 'auto-detect'],
  [{ mode: 'system' }, 'direct'],
  [{ mode: 123, proxyRules: 'a:1' }, 'fixed single PROXY a:1 bypass[]'],
  [{ proxyRules: 42, pacScript: null }, 'direct'],
  [
    { mode: 'invalid' },
    'rejected: Invalid mode, must be one of direct, auto_detect, pac_script, fixed_servers or system',
  ],
  [
    { mode: 'DIRECT' },
    'rejected: Invalid mode, must be one of direct, auto_detect, pac_script, fixed_servers or system',
  ],
  [
    { mode: '' },
    'rejected: Invalid mode, must be one of direct, auto_detect, pac_script, fixed_servers or system',
  ],
])('setProxy(%j) means %s', (input, expected) => {
  expect(normalized(input)).toBe(expected);
});

it('the same pref written twice has the same identity; another one does not', () => {
  const key = (input: unknown): string | undefined => {
    const result = normalizeProxyConfig(input, {});
    return result.ok ? result.key : undefined;
  };
  expect(key({ proxyRules: 'a:1' })).toBe(key({ mode: 'fixed_servers', proxyRules: 'a:1' }));
  expect(key({})).toBe(key({ mode: 'direct' }));
  expect(key({ proxyRules: 'a:1' })).not.toBe(key({ proxyRules: 'a:2' }));
});

// ProxyConfigServiceLinux::Delegate::GetConfigFromEnv, the fake's stand-in for OS settings.
it.each([
  [{}, 'direct'],
  [{ no_proxy: '*' }, 'direct'],
  [
    { HTTP_PROXY: 'http://corp:3128' },
    'fixed per-scheme http[PROXY corp:3128] https[] ftp[] socks[] bypass[]',
  ],
  [
    { http_proxy: 'corp:3128', HTTP_PROXY: 'other:1' },
    'fixed per-scheme http[PROXY corp:3128] https[] ftp[] socks[] bypass[]',
  ],
  [
    { https_proxy: 'https://user:pw@secure:8443/' },
    'fixed per-scheme http[] https[PROXY secure:8443] ftp[] socks[] bypass[]',
  ],
  [{ ALL_PROXY: 'socks5://s:1', http_proxy: 'h:1' }, 'fixed single PROXY s:1 bypass[]'],
  [{ SOCKS_SERVER: 's:1' }, 'fixed single SOCKS5 s:1 bypass[]'],
  [{ SOCKS_SERVER: 's', SOCKS_VERSION: '4' }, 'fixed single SOCKS s:1080 bypass[]'],
  [{ socks_server: 'socks4://s:2' }, 'fixed single SOCKS s:2 bypass[]'],
  [
    { http_proxy: 'h:1', NO_PROXY: 'internal.test,.corp,10.0.0.0/8' },
    'fixed per-scheme http[PROXY h:1] https[] ftp[] socks[] bypass[*internal.test;*.corp;10.0.0.0/8;]',
  ],
  [{ auto_proxy: '' }, 'auto-detect'],
  [{ AUTO_PROXY: 'http://pac.test/x.pac', http_proxy: 'h:1' }, 'pac http://pac.test/x.pac'],
  [{ http_proxy: 'direct://' }, 'direct'],
])('system mode with env %j is %s', (env, expected) => {
  expect(describe(systemProxyConfig(env))).toBe(expected);
});
