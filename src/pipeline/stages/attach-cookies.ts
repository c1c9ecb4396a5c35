import { removeHeader, setHeader } from '../header-list';
import { stage } from './stage';

/**
 * Adds the session's cookies (Chromium `URLRequestHttpJob::AddCookieHeaderAndStart`)
 * when the request's credentials mode allows them: `net.request` only with
 * `useSessionCookies` or `credentials: 'include'`, `fetch` by default.
 */
export const attachCookies = stage('cookie attach', async (exchange) => {
  if (!exchange.useCookies) return;
  const header = await exchange.session.session.cookies.cookieHeaderFor(exchange.url, {
    method: exchange.method,
    isTopLevelNavigation: exchange.resourceType === 'mainFrame',
  });
  // A retry (auth, redirect) recomputes the header from the store.
  removeHeader(exchange.headers, 'cookie');
  if (header !== undefined && header !== '') setHeader(exchange.headers, 'Cookie', header);
});
