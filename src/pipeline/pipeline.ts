import { NetError } from '../errors/net-error';
import type { Exchange, PipelineResponse, RequestInit } from './exchange';
import type { Stage } from './stages/stage';
import { protocolHandlers } from './stages/protocol-handlers';
import { beforeRequest } from './stages/before-request';
import { sessionHeaders } from './stages/session-headers';
import { attachCookies } from './stages/attach-cookies';
import { beforeSendHeaders } from './stages/before-send-headers';
import { sendHeaders } from './stages/send-headers';
import { proxy } from './stages/proxy';
import { httpCache } from './stages/http-cache';
import { emulation } from './stages/emulation';
import { transport } from './stages/transport';
import { headersReceived } from './stages/headers-received';
import { authenticate } from './stages/authenticate';
import { storeCookies } from './stages/store-cookies';
import { redirects } from './stages/redirects';
import { responseStarted } from './stages/response-started';
import { notifyCompleted, notifyError } from './completion';
import { RequestAbort } from './request-abort';

/**
 * Every request a session makes — `net.request`, `net.fetch`, `ses.fetch`,
 * `loadURL`, downloads — travels these stages, in Chromium's order. A stage
 * may jump back (a redirect restarts at the top; an auth retry re-sends from
 * cookie attach). TLS verification runs inside `transport`, on each new TLS
 * connection before the request is written (stages/tls-verification.ts).
 * After `onResponseStarted` the caller reads the body; its end fires
 * `onCompleted`, any failure `onErrorOccurred` (completion.ts).
 */
export const requestStages: readonly Stage[] = [
  protocolHandlers, //  1. handle / register* / intercept* (unless bypassCustomProtocolHandlers)
  beforeRequest, //     2. webRequest.onBeforeRequest: cancel, redirectURL
  sessionHeaders, //    3. User-Agent, Accept-Language, Accept-Encoding from the session
  attachCookies, //     4. Cookie header (credentials rules)
  beforeSendHeaders, // 5. webRequest.onBeforeSendHeaders
  sendHeaders, //       6. webRequest.onSendHeaders
  proxy, //             7. setProxy → next hop
  httpCache, //         8. cached response or revalidation
  emulation, //         9. enableNetworkEmulation: offline, latency
  transport, //        10. protocol handler or transport (+ TLS verification)
  headersReceived, //  11. webRequest.onHeadersReceived
  authenticate, //     12. 401/407 → URL credentials / 'login' → retry
  storeCookies, //     13. Set-Cookie
  redirects, //        14. onBeforeRedirect; follow / error / manual
  responseStarted, //  15. webRequest.onResponseStarted
];

const stageIndex = new Map(requestStages.map((s, i) => [s.stageName, i]));
let nextRequestId = 1;

/** Runs a request through every stage and resolves when its response has started. */
export async function runRequest(init: RequestInit): Promise<PipelineResponse> {
  const abort = new RequestAbort(init.signal);
  const inflight = init.session.inflight;
  inflight.add(abort);
  const release = (): void => {
    inflight.delete(abort);
    abort.release();
  };
  // Every field written out: a spread of the init made a slow, dictionary-mode
  // object, which cost more than all the stages of a replayed request together.
  const exchange: Exchange = {
    session: init.session,
    url: init.url,
    method: init.method,
    headers: init.headers,
    body: init.body,
    resourceType: init.resourceType,
    referrer: init.referrer,
    origin: init.origin,
    useCookies: init.useCookies,
    allowAuth: init.allowAuth,
    redirect: init.redirect,
    cache: init.cache,
    emulated: init.emulated ?? true,
    bypassCustomProtocolHandlers: init.bypassCustomProtocolHandlers,
    allowNonHttpSchemes: init.allowNonHttpSchemes,
    webContents: init.webContents,
    onRedirect: init.onRedirect,
    onLogin: init.onLogin,
    abort,
    get signal() {
      return abort.signal;
    },
    id: nextRequestId++,
    urlChain: [init.url],
    handler: undefined,
    proxy: undefined,
    proxyFallbacks: [],
    response: undefined,
    pendingRedirect: undefined,
    redirectCount: 0,
    authAttempt: undefined,
    authAttemptCount: 0,
    triedUrlCredentials: false,
    timings: { start: init.session.runtime.clock.now() },
    parsedUrl: undefined,
    callerCookie: undefined,
    cacheTransaction: undefined,
  };
  try {
    throwIfAborted(exchange);
    for (let i = 0; i < requestStages.length;) {
      const current = requestStages[i] as Stage;
      let outcome = current(exchange);
      // Stages with nothing to do answer synchronously; only real waits are raced.
      if (outcome instanceof Promise) outcome = await Promise.race([outcome, abort.whenAborted()]);
      throwIfAborted(exchange);
      i = outcome === undefined ? i + 1 : (stageIndex.get(outcome.restartAt) ?? i + 1);
    }
  } catch (error) {
    release();
    notifyError(exchange, error);
    throw error;
  }
  const response = exchange.response;
  if (response === undefined) {
    release();
    const error = new NetError('ERR_EMPTY_RESPONSE');
    notifyError(exchange, error);
    throw error;
  }
  return {
    statusCode: response.statusCode,
    statusMessage: response.statusMessage,
    httpVersion: response.httpVersion,
    headers: response.headers,
    fromCache: response.fromCache,
    remoteAddress: response.remoteAddress,
    statusLine: response.statusLine,
    body: notifyCompleted(exchange, response.body, release),
    url: exchange.url,
    urlChain: exchange.urlChain,
    requestId: exchange.id,
  };
}

function throwIfAborted(exchange: Exchange): void {
  if (exchange.abort.aborted) throw exchange.abort.error;
}
