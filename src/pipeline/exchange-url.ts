import type { Exchange } from './exchange';

/**
 * The exchange's current URL, parsed once per hop rather than once per stage.
 * The URL is shared: stages read it and never change it.
 */
export function urlOf(exchange: Exchange): URL {
  let url = exchange.parsedUrl;
  if (url === undefined || url.href !== exchange.url) {
    url = new URL(exchange.url);
    exchange.parsedUrl = url;
  }
  return url;
}
