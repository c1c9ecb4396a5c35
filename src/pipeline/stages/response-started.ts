import { stage } from './stage';
import { baseDetails, withResponse } from '../web-request-details';

/** `webRequest.onResponseStarted`: the first byte of the body is about to be read. */
export const responseStarted = stage('webRequest.onResponseStarted', (exchange) => {
  const listener = exchange.session.session.webRequest.listenerFor(
    'onResponseStarted',
    exchange.url,
    exchange.resourceType,
  );
  if (listener === undefined) return;
  listener(withResponse(baseDetails(exchange), exchange));
});
