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
  // One controller per request: the caller's signal, closeAllConnections and
  // clearAuthCache all abort through it.
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(init.signal.reason);
  if (init.signal.aborted) onAbort();
  else init.signal.addEventListener('abort', onAbort, { once: true });
  const inflight = init.session.inflight;
  inflight.add(controller);
  const release = (): void => {
    inflight.delete(controller);
    init.signal.removeEventListener('abort', onAbort);
  };
  const exchange: Exchange = {
    ...init,
    signal: controller.signal,
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
  };
  try {
    throwIfAborted(exchange);
    for (let i = 0; i < requestStages.length;) {
      const current = requestStages[i] as Stage;
      let outcome = current(exchange);
      // Stages with nothing to do answer synchronously; only real waits are raced.
      if (outcome instanceof Promise)
        outcome = await Promise.race([outcome, abortedPromise(exchange.signal)]);
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
    ...response,
    body: notifyCompleted(exchange, response.body, release),
    url: exchange.url,
    urlChain: exchange.urlChain,
    requestId: exchange.id,
  };
}

const abortedPromises = new WeakMap<AbortSignal, Promise<never>>();

/**
 * A stage may wait on app code that never answers (a webRequest listener that
 * never calls back, a 'login' left pending); Chromium still fails the request
 * when it is cancelled, so waiting stages are raced against one promise per
 * request that rejects on abort.
 */
function abortedPromise(signal: AbortSignal): Promise<never> {
  let promise = abortedPromises.get(signal);
  if (promise === undefined) {
    promise = new Promise<never>((_, reject) => {
      const onAbort = (): void => {
        const reason: unknown = signal.reason;
        reject(reason instanceof Error ? reason : new NetError('ERR_ABORTED'));
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
    promise.catch(() => undefined);
    abortedPromises.set(signal, promise);
  }
  return promise;
}

function throwIfAborted(exchange: Exchange): void {
  if (exchange.signal.aborted) {
    const reason: unknown = exchange.signal.reason;
    throw reason instanceof Error ? reason : new NetError('ERR_ABORTED');
  }
}
