import type { Exchange } from './exchange';

const parsed = new WeakMap<Exchange, URL>();

/**
 * The exchange's current URL, parsed once per hop rather than once per stage.
 * The URL is shared: stages read it and never change it.
 */
export function urlOf(exchange: Exchange): URL {
  let url = parsed.get(exchange);
  if (url === undefined || url.href !== exchange.url) {
    url = new URL(exchange.url);
    parsed.set(exchange, url);
  }
  return url;
}
