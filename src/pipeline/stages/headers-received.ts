import { NetError } from '../../errors/net-error';
import { callBlockingListener } from '../../web-request/blocking-call';
import { parseStatusLine, responseHeadersFromListener } from '../../web-request/headers';
import { stage, type Restart } from './stage';
import type { Exchange, ExchangeResponse } from '../exchange';
import type { WebRequestListener } from '../../web-request/listener';
import { baseDetails, withResponse } from '../web-request-details';

/**
 * `webRequest.onHeadersReceived`: `responseHeaders` replaces every header;
 * `statusLine` applies only together with `responseHeaders`.
 */
export const headersReceived = stage('webRequest.onHeadersReceived', (exchange) => {
  const response = exchange.response;
  if (response === undefined) return undefined;
  const listener = exchange.session.session.webRequest.listenerFor(
    'onHeadersReceived',
    exchange.url,
    exchange.resourceType,
  );
  // No listener: nothing to wait for, so the stage answers synchronously.
  if (listener === undefined) return undefined;
  return ask(exchange, response, listener);
});

async function ask(
  exchange: Exchange,
  response: ExchangeResponse,
  listener: WebRequestListener,
): Promise<Restart | undefined> {
  const reply = await callBlockingListener(
    listener,
    withResponse(baseDetails(exchange), exchange),
    exchange.signal,
  );
  if (reply === undefined) return undefined;
  if (reply['cancel'] === true) throw new NetError('ERR_BLOCKED_BY_CLIENT');
  if (!('responseHeaders' in reply) || reply['responseHeaders'] === undefined) return undefined;
  response.headers = responseHeadersFromListener(reply['responseHeaders']);
  const statusLine = reply['statusLine'];
  if (typeof statusLine === 'string') {
    const parsed = parseStatusLine(statusLine, true);
    if (parsed !== undefined) {
      response.statusCode = parsed.statusCode;
      response.statusMessage = parsed.statusMessage;
      response.httpVersion = parsed.httpVersion;
      response.statusLine = parsed.statusLine;
    }
  }
  return undefined;
}
