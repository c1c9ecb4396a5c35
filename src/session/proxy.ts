import { ProxyResolver } from '../proxy/resolve-proxy';
import { sessionFetch } from '../net/session-fetch';
import type { SessionInternals, SessionProxyResolver } from './session-internals';

/**
 * The session's proxy service, created on the first `setProxy`,
 * `resolveProxy` or `forceReloadProxyConfig` and kept on the internals so the
 * request pipeline's proxy stage uses the same configuration. PAC scripts are
 * fetched through this session.
 */
export function sessionProxyResolver(internals: SessionInternals): SessionProxyResolver {
  if (internals.proxyResolver !== undefined) return internals.proxyResolver;
  const { runtime } = internals;
  const resolver: SessionProxyResolver = new ProxyResolver({
    fetchScript: async (url: string) => {
      const response = await sessionFetch(internals, url);
      if (!response.ok) throw new Error(`PAC script fetch failed with HTTP ${response.status}`);
      return response.text();
    },
    resolveHost: (host: string) => runtime.hosts.get(host.toLowerCase())?.map((entry) => entry.address),
    clock: runtime.clock,
    systemEnv: runtime.env,
  });
  internals.proxyResolver = resolver;
  return resolver;
}
