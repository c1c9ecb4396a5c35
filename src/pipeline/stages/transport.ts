import { hasHeader, setHeader } from '../header-list';
import { authTarget } from './authenticate';
import type { Exchange } from '../exchange';
import { stage } from './stage';
import { urlOf } from '../exchange-url';
import { authorizationValue } from '../auth/authorization';
import { tlsVerifier } from './tls-verification';
import { asHop } from './proxy';
import { NetError } from '../../errors/net-error';
import { ChunkedBody } from '../request-body';
import type { HeaderList, TransportRequest, TransportResponse } from '../../transports/transport';
import { throughHttpCache } from './http-cache';
import { throughNetworkEmulation } from './emulation';

let nextTransportId = 1;

/** Adds the Authorization header the network stack computes after the hooks ran (HttpAuthController). */
function addAuthorization(exchange: Exchange, headers: [string, string][]): void {
  if (!exchange.allowAuth) return;
  const url = urlOf(exchange);
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

// Failures that make Chromium try the next proxy in the list
// (ProxyResolutionService::ReconsiderProxyAfterError).
const proxyFailures = new Set([
  'ERR_PROXY_CONNECTION_FAILED',
  'ERR_TUNNEL_CONNECTION_FAILED',
  'ERR_SOCKS_CONNECTION_FAILED',
  'ERR_NO_SUPPORTED_PROXIES',
]);

async function dispatchWithFallback(
  exchange: Exchange,
  validators: HeaderList,
  body: TransportRequest['body'],
): Promise<TransportResponse> {
  for (;;) {
    const headers = exchange.headers.map(([k, v]): [string, string] => [k, v]);
    for (const [name, value] of validators) setHeader(headers, name, value);
    addAuthorization(exchange, headers);
    try {
      return await exchange.session.runtime.transport.dispatch({
        id: nextTransportId++,
        url: urlOf(exchange),
        method: exchange.method,
        headers,
        body,
        proxy: exchange.proxy,
        tls: exchange.session.sslConfig,
        verifyTls: tlsVerifier(exchange),
        get signal() {
          return exchange.signal;
        },
        isAborted: () => exchange.abort.aborted,
      });
    } catch (error) {
      const failed = exchange.proxy;
      const next = exchange.proxyFallbacks.shift();
      const retryable = !(exchange.body instanceof ChunkedBody && exchange.body.taken);
      if (
        failed === undefined ||
        next === undefined ||
        !retryable ||
        !(error instanceof NetError) ||
        !proxyFailures.has(error.code)
      ) {
        throw error;
      }
      exchange.session.proxyResolver?.markProxyBad(failed);
      exchange.proxy = asHop(next);
    }
  }
}

/**
 * Sends the request: to the protocol handler that claimed it, or through the
 * runtime's transport (live network, in-process handler or HAR fixtures).
 * Network requests go as Chromium layers its transactions: the HTTP cache
 * (validators, 304s, writes) over the emulated network (latency, throughput)
 * over the transport.
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
  const { response, fromCache } = await throughHttpCache(exchange, (validators) =>
    throughNetworkEmulation(exchange, (body) => dispatchWithFallback(exchange, validators, body)),
  );
  exchange.response = {
    statusCode: response.status,
    statusMessage: response.statusText,
    httpVersion: response.httpVersion,
    headers: response.headers,
    body: response.body,
    fromCache,
    remoteAddress: response.remoteAddress,
  };
});
