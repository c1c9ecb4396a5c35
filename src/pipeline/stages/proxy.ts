import { NetError } from '../../errors/net-error';
import type { ProxyHop } from '../../transports/transport';
import { stage } from './stage';

/**
 * Proxy resolution: the session's `setProxy` configuration decides the next
 * hop for network requests (the first choice of Chromium's ProxyInfo list).
 * Requests answered by protocol handlers never reach a proxy.
 */
export const proxy = stage('proxy resolution', (exchange) => {
  exchange.proxy = undefined;
  exchange.proxyFallbacks = [];
  const resolver = exchange.session.proxyResolver;
  if (exchange.handler !== undefined || resolver === undefined) return undefined;
  return resolver.resolveProxyList(exchange.url).then((list) => {
    const [first, ...rest] = list;
    if (first === undefined) throw new NetError('ERR_NO_SUPPORTED_PROXIES');
    exchange.proxy = asHop(first);
    exchange.proxyFallbacks = rest;
  });
});

/** DIRECT is no hop at all for the transport. */
export function asHop(choice: ProxyHop): ProxyHop | undefined {
  return choice.scheme === 'direct' ? undefined : choice;
}
