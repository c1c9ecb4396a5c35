import { ProxyResolver } from '../proxy/resolve-proxy';
import { fetchPacScript } from '../proxy/fetch-pac-script';
import type { SessionInternals, SessionProxyResolver } from './session-internals';

/**
 * The session's proxy service, created on the first `setProxy`,
 * `resolveProxy` or `forceReloadProxyConfig` and kept on the internals so the
 * request pipeline's proxy stage uses the same configuration.
 */
export function sessionProxyResolver(internals: SessionInternals): SessionProxyResolver {
  if (internals.proxyResolver !== undefined) return internals.proxyResolver;
  const { runtime } = internals;
  const resolver: SessionProxyResolver = new ProxyResolver({
    fetchScript: (url: string) => fetchPacScript(runtime, url, internals.sslConfig),
    resolveHost: (host: string) => runtime.hosts.get(host.toLowerCase())?.map((entry) => entry.address),
    clock: runtime.clock,
    systemEnv: runtime.env,
  });
  internals.proxyResolver = resolver;
  return resolver;
}
