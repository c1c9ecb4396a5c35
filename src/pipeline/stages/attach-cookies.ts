import { sameSiteRequestOf } from '../../cookies/request-site';
import type { Exchange } from '../exchange';
import { getHeader, removeHeader, setHeader } from '../header-list';
import { stage } from './stage';

/**
 * Adds the session's cookies (Chromium `URLRequestHttpJob::AddCookieHeaderAndStart`)
 * when the request's credentials mode allows them: `net.request` only with
 * `useSessionCookies` or `credentials: 'include'`, `fetch` by default.
 * Chromium sets the header only for a non-empty cookie line, so a Cookie
 * header the caller set is sent when the jar has nothing for the URL.
 */
export const attachCookies = stage('cookie attach', (exchange) =>
  exchange.useCookies ? attach(exchange) : undefined,
);

function attach(exchange: Exchange): void {
  // The caller's own Cookie header is taken before the first attach: redirects and retries start from it again.
  exchange.callerCookie ??= getHeader(exchange.headers, 'cookie') ?? null;
  const cookies = exchange.session.session.cookies;
  const line = cookies.cookieLineFor(exchange.url, () => sameSiteRequestOf(exchange));
  const header = line ?? exchange.callerCookie ?? undefined;
  removeHeader(exchange.headers, 'cookie');
  if (header !== undefined) setHeader(exchange.headers, 'Cookie', header);
}
