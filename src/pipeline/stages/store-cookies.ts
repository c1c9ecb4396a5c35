import { sameSiteRequestOf } from '../../cookies/request-site';
import { getAllHeaders } from '../header-list';
import { stage } from './stage';

/**
 * Stores the Set-Cookie headers of every response, redirect hops included
 * (`URLRequestHttpJob::SaveCookiesAndNotifyHeadersComplete`), when the
 * request's credentials mode allows cookies.
 */
export const storeCookies = stage('Set-Cookie', (exchange) => {
  const response = exchange.response;
  if (response === undefined || !exchange.useCookies) return undefined;
  const values = getAllHeaders(response.headers, 'set-cookie');
  if (values.length === 0) return undefined;
  const cookies = exchange.session.session.cookies;
  return cookies.storeSetCookieHeaders(exchange.url, values, sameSiteRequestOf(exchange));
});
