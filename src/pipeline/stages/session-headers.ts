import { hasHeader } from '../header-list';
import { stage } from './stage';
import { urlOf } from '../exchange-url';

const networkSchemes = new Set(['http:', 'https:']);

/**
 * Headers the network context adds before `onBeforeSendHeaders` sees the
 * request (Chromium `URLRequestHttpJob::AddExtraHeaders`): the session's
 * User-Agent and Accept-Language, and the encodings the stack decodes.
 * A header the request set itself wins.
 */
export const sessionHeaders = stage('session headers', (exchange) => {
  if (exchange.handler !== undefined && !networkSchemes.has(urlOf(exchange).protocol)) return;
  const { userAgent, acceptLanguages } = exchange.session;
  if (!hasHeader(exchange.headers, 'user-agent')) exchange.headers.push(['User-Agent', userAgent]);
  if (acceptLanguages !== undefined && !hasHeader(exchange.headers, 'accept-language')) {
    exchange.headers.push(['Accept-Language', acceptLanguages]);
  }
  if (!hasHeader(exchange.headers, 'accept-encoding')) {
    exchange.headers.push(['Accept-Encoding', 'gzip, deflate, br']);
  }
});
