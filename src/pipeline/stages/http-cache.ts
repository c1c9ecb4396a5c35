import { stage } from './stage';

/**
 * HTTP cache: answers from the session's cache store when the cache policy
 * allows it. The store arrives with the cache issue; a session without stored
 * responses always goes to the network, which is what Chromium does with an
 * empty cache.
 */
export const httpCache = stage('HTTP cache', (exchange) => {
  const cache = exchange.session.httpCache;
  if (cache === undefined || exchange.handler !== undefined) return;
  return cache.lookup(exchange);
});
