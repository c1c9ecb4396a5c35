import { stage } from './stage';

/**
 * Proxy resolution: the session's `setProxy` configuration decides the next
 * hop for network requests (the first choice of Chromium's ProxyInfo list).
 * Requests answered by protocol handlers never reach a proxy.
 */
export const proxy = stage('proxy resolution', async (exchange) => {
  exchange.proxy = undefined;
  const resolver = exchange.session.proxyResolver;
  if (exchange.handler !== undefined || resolver === undefined) return;
  const [first] = await resolver.resolveProxyList(exchange.url);
  exchange.proxy = first === undefined || first.scheme === 'direct' ? undefined : first;
});
