import { NetError } from '../../errors/net-error';
import { stage } from './stage';
import { urlOf } from '../exchange-url';
import { fileHandler } from '../../protocol/file-handler';

const networkSchemes = new Set(['http:', 'https:']);

/**
 * Custom protocol handlers (`handle`, legacy `register*`/`intercept*`) claim a
 * request before it reaches the network; `bypassCustomProtocolHandlers` skips
 * them. Unclaimed non-network schemes fail like Chromium's URLLoaderFactory.
 */
export const protocolHandlers = stage('protocol handlers', (exchange) => {
  const url = urlOf(exchange);
  const handler = exchange.bypassCustomProtocolHandlers
    ? undefined
    : exchange.session.session.protocol.handlerFor(url);
  if (handler !== undefined) {
    exchange.handler = handler;
    return;
  }
  exchange.handler = undefined;
  if (networkSchemes.has(url.protocol)) return;
  if (url.protocol === 'file:' && exchange.allowNonHttpSchemes) {
    exchange.handler = fileHandler;
    return;
  }
  throw new NetError('ERR_UNKNOWN_URL_SCHEME');
});
