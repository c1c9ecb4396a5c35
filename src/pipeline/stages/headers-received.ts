import { NetError } from '../../errors/net-error';
import { callBlockingListener } from '../../web-request/blocking-call';
import { parseStatusLine, responseHeadersFromListener } from '../../web-request/headers';
import { stage } from './stage';
import { baseDetails, withResponse } from '../web-request-details';

/**
 * `webRequest.onHeadersReceived`: `responseHeaders` replaces every header;
 * `statusLine` applies only together with `responseHeaders`.
 */
export const headersReceived = stage('webRequest.onHeadersReceived', async (exchange) => {
  const response = exchange.response;
  if (response === undefined) return;
  const listener = exchange.session.session.webRequest.listenerFor(
    'onHeadersReceived',
    exchange.url,
    exchange.resourceType,
  );
  if (listener === undefined) return;
  const reply = await callBlockingListener(
    listener,
    withResponse(baseDetails(exchange), exchange),
    exchange.signal,
  );
  if (reply === undefined) return;
  if (reply['cancel'] === true) throw new NetError('ERR_BLOCKED_BY_CLIENT');
  if (!('responseHeaders' in reply) || reply['responseHeaders'] === undefined) return;
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
});
