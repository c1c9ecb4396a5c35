import { NetError } from '../../errors/net-error';
import { getAllHeaders } from '../header-list';
import type { Exchange, ExchangeResponse } from '../exchange';
import { pickChallenge } from '../auth/auth-challenge';
import { stage, type Restart } from './stage';
import { urlOf } from '../exchange-url';
import { ChunkedBody } from '../request-body';

const maxAuthAttempts = 3;

async function drain(exchange: Exchange): Promise<void> {
  const body = exchange.response?.body;
  if (body === null || body === undefined) return undefined;
  for await (const chunk of body) void chunk;
}

function urlCredentials(url: URL): { username: string; password: string } | undefined {
  if (url.username === '' && url.password === '') return undefined;
  return { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
}

/**
 * HTTP auth (Chromium `HttpAuthController` + Electron's `'login'`): a 401/407
 * with a Basic or Digest challenge is answered from the URL's userinfo, then
 * the `'login'` listener; success stores the identity in the session's auth
 * cache. Without credentials the 401/407 response is delivered as it is.
 */
export const authenticate = stage('HTTP auth', (exchange) => {
  const response = exchange.response;
  if (response === undefined) return undefined;
  rememberSuccess(exchange, response.statusCode);
  if (response.statusCode !== 401 && response.statusCode !== 407) return undefined;
  return answerChallenge(exchange, response);
});

/** Proxy identities are cached for the proxy's origin, server ones for the URL (Chromium HttpAuthCache). */
export function authTarget(exchange: Exchange, isProxy: boolean): URL | undefined {
  if (!isProxy) return urlOf(exchange);
  const hop = exchange.proxy;
  return hop === undefined
    ? undefined
    : new URL(`http://${hop.host.includes(':') ? `[${hop.host}]` : hop.host}:${hop.port}/`);
}

async function answerChallenge(exchange: Exchange, response: ExchangeResponse): Promise<Restart | undefined> {
  if (!exchange.allowAuth || exchange.handler !== undefined) return undefined;
  const isProxy = response.statusCode === 407;
  if (isProxy && exchange.proxy === undefined) return undefined;
  const challenge = pickChallenge(
    getAllHeaders(response.headers, isProxy ? 'proxy-authenticate' : 'www-authenticate'),
  );
  if (challenge === undefined) return undefined;
  const url = urlOf(exchange);
  const target = authTarget(exchange, isProxy) ?? url;
  const realm = challenge.params.get('realm') ?? '';
  // A rejected identity leaves the cache (HttpAuthController::InvalidateRejectedAuthFromCache).
  if (
    exchange.authAttempt !== undefined ||
    exchange.session.authCache.lookupByPath(target, isProxy) !== undefined
  ) {
    exchange.session.authCache.remove(target, isProxy, realm);
  }
  if (exchange.authAttemptCount >= maxAuthAttempts) return undefined;
  let credentials = !isProxy && !exchange.triedUrlCredentials ? urlCredentials(url) : undefined;
  if (credentials !== undefined) exchange.triedUrlCredentials = true;
  if (credentials === undefined && exchange.onLogin !== undefined) {
    const host = isProxy && exchange.proxy !== undefined ? exchange.proxy.host : url.hostname;
    const port =
      isProxy && exchange.proxy !== undefined
        ? exchange.proxy.port
        : Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    credentials = await exchange.onLogin({ isProxy, scheme: challenge.scheme, host, port, realm });
  }
  if (credentials === undefined) {
    // A proxy's refusal of a CONNECT is never shown as the page (it is not the
    // origin's answer); unanswered, the tunnel fails (derived from Chromium
    // HttpProxyClientSocket, to be confirmed against Electron).
    if (isProxy && url.protocol === 'https:') throw new NetError('ERR_TUNNEL_CONNECTION_FAILED');
    return undefined;
  }
  if (exchange.abort.aborted) throw exchange.abort.error;
  await drain(exchange);
  if (exchange.body instanceof ChunkedBody && exchange.body.taken)
    throw new NetError('ERR_UPLOAD_STREAM_REWIND_NOT_SUPPORTED');
  exchange.authAttempt = { credentials, isProxy, challenge };
  exchange.authAttemptCount += 1;
  exchange.response = undefined;
  return { restartAt: 'cookie attach' };
}

/** An identity that was not challenged again worked: cache it (a proxy's even when the server then asks for its own). */
function rememberSuccess(exchange: Exchange, status: number): void {
  const attempt = exchange.authAttempt;
  if (attempt === undefined || status === (attempt.isProxy ? 407 : 401)) return;
  const target = authTarget(exchange, attempt.isProxy);
  if (target !== undefined)
    exchange.session.authCache.add(target, attempt.isProxy, attempt.challenge, attempt.credentials);
  exchange.authAttempt = undefined;
}
