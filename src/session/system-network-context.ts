import type { ProxyContext, Runtime } from '../runtime/runtime';
import type { ProxyConfig } from '../structures/proxy-config';
import { ProxyResolver } from '../proxy/resolve-proxy';
import { fetchPacScript } from '../proxy/fetch-pac-script';

/**
 * The network context `app.setProxy` / `app.resolveProxy` act on: Electron's
 * system network context (utility-process requests), separate from every session.
 */
export function createSystemNetworkContext(runtime: Runtime): ProxyContext {
  const resolver = new ProxyResolver({
    fetchScript: (url: string) => fetchPacScript(runtime, url, undefined),
    resolveHost: (host: string) => runtime.hosts.get(host.toLowerCase())?.map((e) => e.address),
    clock: runtime.clock,
    systemEnv: runtime.env,
  });
  return {
    setProxy: (config: ProxyConfig) => resolver.setConfig(config),
    resolveProxy: (url: string) => resolver.resolveProxy(url),
  };
}
