import { getAllHeaders } from '../header-list';
import { stage } from './stage';

/** Stores the response's Set-Cookie headers when the request's credentials mode allows cookies. */
export const storeCookies = stage('Set-Cookie', async (exchange) => {
  const response = exchange.response;
  if (response === undefined || !exchange.useCookies) return;
  const values = getAllHeaders(response.headers, 'set-cookie');
  if (values.length === 0) return;
  await exchange.session.session.cookies.storeSetCookieHeaders(exchange.url, values);
});
