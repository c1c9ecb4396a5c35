import { stage } from './stage';

/**
 * Proxy resolution: the session's `setProxy` configuration decides the next
 * hop for network requests (the first choice of Chromium's ProxyInfo list).
 * Requests answered by protocol handlers never reach a proxy.
 */
export const proxy = stage('proxy resolution', (exchange) => {
  exchange.proxy = undefined;
  const resolver = exchange.session.proxyResolver;
  if (exchange.handler !== undefined || resolver === undefined) return undefined;
  return resolver.resolveProxyList(exchange.url).then(([first]) => {
    exchange.proxy = first === undefined || first.scheme === 'direct' ? undefined : first;
  });
});
