import { takeCacheTransaction } from '../../http-cache/http-cache';
import type { HeaderList, TransportResponse } from '../../transports/transport';
import type { Exchange } from '../exchange';
import { stage } from './stage';

/**
 * HTTP cache (Chromium `HttpCache::Transaction`): answers from the session's
 * cache when its policy allows, skipping emulation and the network; otherwise
 * the transport sends the request {@link throughHttpCache}, so validations
 * and writes happen below webRequest, as in Chromium.
 */
export const httpCache = stage('HTTP cache', (exchange) => {
  const cache = exchange.session.httpCache;
  if (cache === undefined || exchange.handler !== undefined) return;
  return cache.lookup(exchange);
});

/** Sends the request with the cache's validators and hands back what the caller gets. */
export function throughHttpCache(
  exchange: Exchange,
  network: (validators: HeaderList) => Promise<TransportResponse>,
): Promise<{ response: TransportResponse; fromCache: boolean }> {
  const transaction = takeCacheTransaction(exchange);
  if (transaction === undefined) return network([]).then(fromNetwork);
  return transaction.send(network);
}

function fromNetwork(response: TransportResponse): { response: TransportResponse; fromCache: boolean } {
  return { response, fromCache: false };
}
