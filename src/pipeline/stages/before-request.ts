import { NetError } from '../../errors/net-error';
import { callBlockingListener } from '../../web-request/blocking-call';
import { stage, type Restart } from './stage';
import type { Exchange } from '../exchange';
import type { WebRequestListener } from '../../web-request/listener';
import { baseDetails, withUploadData } from '../web-request-details';

/**
 * `webRequest.onBeforeRequest`: `cancel` fails with ERR_BLOCKED_BY_CLIENT;
 * `redirectURL` becomes an internal 307 redirect (Chromium
 * `URLRequestRedirectJob`, status line `HTTP/1.1 307 Internal Redirect`).
 */
export const beforeRequest = stage('webRequest.onBeforeRequest', (exchange) => {
  const listener = exchange.session.session.webRequest.listenerFor(
    'onBeforeRequest',
    exchange.url,
    exchange.resourceType,
  );
  // No listener: nothing to wait for, so the stage answers synchronously.
  if (listener === undefined) return undefined;
  return ask(exchange, listener);
});

async function ask(exchange: Exchange, listener: WebRequestListener): Promise<Restart | undefined> {
  const details = withUploadData(baseDetails(exchange), exchange);
  details['redirectURL'] = '';
  const response = await callBlockingListener(listener, details, exchange.signal);
  if (response === undefined) return undefined;
  if (response['cancel'] === true) throw new NetError('ERR_BLOCKED_BY_CLIENT');
  const redirectURL = response['redirectURL'];
  if (typeof redirectURL === 'string' && redirectURL !== '') {
    // Chromium's URLRequestJob refuses a redirect to an invalid GURL with ERR_INVALID_REDIRECT.
    if (!URL.canParse(redirectURL)) throw new NetError('ERR_INVALID_REDIRECT');
    exchange.pendingRedirect = {
      url: redirectURL,
      statusCode: 307,
      statusLine: 'HTTP/1.1 307 Internal Redirect',
      internal: true,
    };
    return { restartAt: 'redirects' };
  }
}
