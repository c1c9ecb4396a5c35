import { NetError } from '../../errors/net-error';
import { getAllHeaders } from '../header-list';
import type { Exchange, ExchangeResponse } from '../exchange';
import { pickChallenge } from '../auth/auth-challenge';
import { stage, type Restart } from './stage';
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
  if (response === undefined || (response.statusCode !== 401 && response.statusCode !== 407)) {
    rememberSuccess(exchange);
    return undefined;
  }
  return answerChallenge(exchange, response);
});

async function answerChallenge(exchange: Exchange, response: ExchangeResponse): Promise<Restart | undefined> {
  if (!exchange.allowAuth || exchange.handler !== undefined) return undefined;
  const isProxy = response.statusCode === 407;
  if (isProxy && exchange.proxy === undefined) return undefined;
  const challenge = pickChallenge(
    getAllHeaders(response.headers, isProxy ? 'proxy-authenticate' : 'www-authenticate'),
  );
  if (challenge === undefined) return undefined;
  const url = new URL(exchange.url);
  const realm = challenge.params.get('realm') ?? '';
  // A rejected identity leaves the cache (HttpAuthController::InvalidateRejectedAuthFromCache).
  if (
    exchange.authAttempt !== undefined ||
    exchange.session.authCache.lookupByPath(url, isProxy) !== undefined
  ) {
    exchange.session.authCache.remove(url, isProxy, realm);
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
    if (credentials === undefined) return; // cancelled: deliver the 401/407 as it is
  }
  if (credentials === undefined) return undefined;
  if (exchange.signal.aborted)
    throw (exchange.signal.reason as Error | undefined) ?? new NetError('ERR_ABORTED');
  await drain(exchange);
  if (exchange.body instanceof ChunkedBody && exchange.body.taken)
    throw new NetError('ERR_UPLOAD_STREAM_REWIND_NOT_SUPPORTED');
  exchange.authAttempt = { credentials, isProxy, challenge };
  exchange.authAttemptCount += 1;
  exchange.response = undefined;
  return { restartAt: 'cookie attach' };
}

function rememberSuccess(exchange: Exchange): void {
  const attempt = exchange.authAttempt;
  if (attempt === undefined) return undefined;
  exchange.session.authCache.add(
    new URL(exchange.url),
    attempt.isProxy,
    attempt.challenge,
    attempt.credentials,
  );
  exchange.authAttempt = undefined;
}
