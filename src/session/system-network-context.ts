import type { ProxyContext, Runtime } from '../runtime/runtime';
import type { ProxyConfig } from '../structures/proxy-config';
import { ProxyResolver } from '../proxy/resolve-proxy';
import { nextTask } from '../clock/clock';

/**
 * The network context `app.setProxy` / `app.resolveProxy` act on: Electron's
 * system network context (utility-process requests), separate from every session.
 */
export function createSystemNetworkContext(runtime: Runtime): ProxyContext {
  const resolver = new ProxyResolver({
    fetchScript: async (url: string) => {
      await nextTask();
      const response = await runtime.transport.dispatch({
        id: 0,
        url: new URL(url),
        method: 'GET',
        headers: [],
        body: undefined,
        proxy: undefined,
        tls: undefined,
        verifyTls: undefined,
        signal: new AbortController().signal,
      });
      if (response.status !== 200 || response.body === null)
        throw new Error(`PAC fetch failed with ${response.status}`);
      const chunks: Buffer[] = [];
      for await (const chunk of response.body) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks).toString('utf8');
    },
    resolveHost: (host: string) => runtime.hosts.get(host.toLowerCase())?.map((e) => e.address),
    clock: runtime.clock,
    systemEnv: runtime.env,
  });
  return {
    setProxy: (config: ProxyConfig) => resolver.setConfig(config),
    resolveProxy: (url: string) => resolver.resolveProxy(url),
  };
}
