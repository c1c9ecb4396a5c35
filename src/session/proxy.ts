import { ProxyResolver } from '../proxy/resolve-proxy';
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
    fetchScript: (url: string) => fetchPacScript(internals, url),
    resolveHost: (host: string) => runtime.hosts.get(host.toLowerCase())?.map((entry) => entry.address),
    clock: runtime.clock,
    systemEnv: runtime.env,
  });
  internals.proxyResolver = resolver;
  return resolver;
}

let pacRequestId = 0;

/**
 * Chromium's `PacFileFetcherImpl`: the network context fetches the script
 * itself, directly (`LOAD_BYPASS_PROXY`), without credentials, and outside
 * the loader factories, so neither the proxy being configured, nor
 * `webRequest`, nor protocol handlers, nor cookies see the request. Only a
 * 200 answer counts; `data:` URLs are decoded in place.
 */
export async function fetchPacScript(internals: SessionInternals, url: string): Promise<string> {
  const target = new URL(url);
  if (target.protocol === 'data:') return (await fetch(target)).text();
  const response = await internals.runtime.transport.dispatch({
    id: --pacRequestId,
    url: target,
    method: 'GET',
    headers: [],
    body: undefined,
    proxy: undefined,
    tls: internals.sslConfig,
    verifyTls: undefined,
    signal: new AbortController().signal,
  });
  const chunks: Buffer[] = [];
  if (response.body !== null) for await (const chunk of response.body) chunks.push(Buffer.from(chunk));
  if (response.status !== 200) throw new Error(`PAC script fetch answered HTTP ${response.status}`);
  return Buffer.concat(chunks).toString('utf8');
}
