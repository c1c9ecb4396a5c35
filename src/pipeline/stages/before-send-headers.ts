import { NetError } from '../../errors/net-error';
import { callBlockingListener } from '../../web-request/blocking-call';
import { requestHeadersFromListener } from '../../web-request/headers';
import { stage, type Restart } from './stage';
import type { Exchange } from '../exchange';
import type { WebRequestListener } from '../../web-request/listener';
import { baseDetails, withRequestHeaders, withUploadData } from '../web-request-details';

/**
 * `webRequest.onBeforeSendHeaders`: `requestHeaders` replaces the whole set
 * (Electron spec "resets the whole headers"); `cancel` blocks the request.
 */
export const beforeSendHeaders = stage('webRequest.onBeforeSendHeaders', (exchange) => {
  const listener = exchange.session.session.webRequest.listenerFor(
    'onBeforeSendHeaders',
    exchange.url,
    exchange.resourceType,
  );
  // No listener: nothing to wait for, so the stage answers synchronously.
  if (listener === undefined) return undefined;
  return ask(exchange, listener);
});

async function ask(exchange: Exchange, listener: WebRequestListener): Promise<Restart | undefined> {
  const details = withRequestHeaders(withUploadData(baseDetails(exchange), exchange), exchange);
  const response = await callBlockingListener(listener, details, exchange.signal);
  if (response === undefined) return undefined;
  if (response['cancel'] === true) throw new NetError('ERR_BLOCKED_BY_CLIENT');
  if ('requestHeaders' in response && response['requestHeaders'] !== undefined) {
    exchange.headers = requestHeadersFromListener(response['requestHeaders']);
  }
}
