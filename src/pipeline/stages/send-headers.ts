import { stage } from './stage';
import { baseDetails, withRequestHeaders } from '../web-request-details';

/** `webRequest.onSendHeaders`: a notification with the headers as they will be sent. */
export const sendHeaders = stage('webRequest.onSendHeaders', (exchange) => {
  const listener = exchange.session.session.webRequest.listenerFor(
    'onSendHeaders',
    exchange.url,
    exchange.resourceType,
  );
  if (listener === undefined) return;
  listener(withRequestHeaders(baseDetails(exchange), exchange));
});
