import { hasHeader, setHeader } from '../header-list';
import { authTarget } from './authenticate';
import type { Exchange } from '../exchange';
import { stage } from './stage';
import { authorizationValue } from '../auth/authorization';
import { tlsVerifier } from './tls-verification';

let nextTransportId = 1;

/** Adds the Authorization header the network stack computes after the hooks ran (HttpAuthController). */
function addAuthorization(exchange: Exchange, headers: [string, string][]): void {
  if (!exchange.allowAuth) return;
  const url = new URL(exchange.url);
  const attempt = exchange.authAttempt;
  if (attempt !== undefined) {
    setHeader(
      headers,
      attempt.isProxy ? 'Proxy-Authorization' : 'Authorization',
      authorizationValue(attempt.challenge, attempt.credentials, exchange.method, url, 1),
    );
  }
  preauthenticate(exchange, headers, url, false);
  preauthenticate(exchange, headers, url, true);
}

// Chromium sends a cached identity preemptively for paths under one that already worked.
function preauthenticate(exchange: Exchange, headers: [string, string][], url: URL, isProxy: boolean): void {
  const target = authTarget(exchange, isProxy);
  const cached = target === undefined ? undefined : exchange.session.authCache.lookupByPath(target, isProxy);
  if (cached === undefined || hasHeader(headers, isProxy ? 'proxy-authorization' : 'authorization')) return;
  cached.nonceCount += 1;
  setHeader(
    headers,
    isProxy ? 'Proxy-Authorization' : 'Authorization',
    authorizationValue(cached.challenge, cached.credentials, exchange.method, url, cached.nonceCount),
  );
}

/**
 * Sends the request: to the protocol handler that claimed it, or through the
 * runtime's transport (live network, in-process handler or HAR fixtures).
 */
export const transport = stage('transport', async (exchange) => {
  if (exchange.handler !== undefined) {
    const response = await exchange.handler(exchange);
    exchange.response = {
      statusCode: response.status,
      statusMessage: response.statusText,
      httpVersion: response.httpVersion,
      headers: response.headers,
      body: response.body,
      fromCache: false,
      remoteAddress: response.remoteAddress,
    };
    return;
  }
  const headers = exchange.headers.map(([k, v]): [string, string] => [k, v]);
  addAuthorization(exchange, headers);
  const response = await exchange.session.runtime.transport.dispatch({
    id: nextTransportId++,
    url: new URL(exchange.url),
    method: exchange.method,
    headers,
    body: exchange.body,
    proxy: exchange.proxy,
    tls: exchange.session.sslConfig,
    verifyTls: tlsVerifier(exchange),
    signal: exchange.signal,
  });
  exchange.response = {
    statusCode: response.status,
    statusMessage: response.statusText,
    httpVersion: response.httpVersion,
    headers: response.headers,
    body: response.body,
    fromCache: false,
    remoteAddress: response.remoteAddress,
  };
});
