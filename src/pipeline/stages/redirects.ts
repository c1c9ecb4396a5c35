import { NetError } from '../../errors/net-error';
import { getHeader, removeHeader } from '../header-list';
import type { Exchange } from '../exchange';
import { stage, type Restart } from './stage';
import { baseDetails, withResponse } from '../web-request-details';
import { responseHeadersForDetails } from '../../web-request/headers';
import { ChunkedBody } from '../request-body';

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
// Chromium `URLRequest::kMaxRedirects`.
const maxRedirects = 20;
const unsafeTargets = new Set(['file:', 'data:', 'about:', 'blob:']);

/** Thrown for `redirect: 'error'`; Electron's ClientRequest message. */
export class RedirectPolicyError extends Error {
  constructor() {
    super("Attempted to redirect, but redirect policy was 'error'");
  }
}

/** Thrown when a `manual` redirect was not followed synchronously. */
export class RedirectCancelledError extends Error {
  constructor() {
    super('Redirect was cancelled');
  }
}

// net::RedirectUtil: 301/302 turn POST into GET, 303 turns everything but HEAD into GET.
function redirectMethod(status: number, method: string): string {
  if (status === 303 && method !== 'HEAD') return 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  return method;
}

async function discardBody(exchange: Exchange): Promise<void> {
  const body = exchange.response?.body;
  if (body === null || body === undefined) return undefined;
  for await (const chunk of body) void chunk;
}

function redirectFromResponse(exchange: Exchange): void {
  const response = exchange.response;
  if (response === undefined || !redirectStatuses.has(response.statusCode)) return undefined;
  const location = getHeader(response.headers, 'location');
  if (location === undefined) return undefined;
  let target: URL;
  try {
    target = new URL(location, exchange.url);
  } catch {
    throw new NetError('ERR_INVALID_REDIRECT');
  }
  const from = new URL(exchange.url);
  // A fragment-less Location keeps the original fragment (RFC 7231 §7.1.2).
  if (target.hash === '' && from.hash !== '') target.hash = from.hash;
  exchange.pendingRedirect = {
    url: target.href,
    statusCode: response.statusCode,
    statusLine: `HTTP/${response.httpVersion} ${response.statusCode} ${response.statusMessage}`.trimEnd(),
    internal: false,
  };
}

/**
 * Redirects: `follow` re-enters the pipeline at the top with the new URL after
 * `onBeforeRedirect`; `error` fails; `manual` asks the caller (`followRedirect()`).
 */
export const redirects = stage('redirects', (exchange) => {
  if (exchange.pendingRedirect === undefined) redirectFromResponse(exchange);
  const pending = exchange.pendingRedirect;
  if (pending === undefined) return undefined;
  return redirect(exchange, pending);
});

type PendingRedirect = NonNullable<Exchange['pendingRedirect']>;

async function redirect(exchange: Exchange, pending: PendingRedirect): Promise<Restart | undefined> {
  const newUrl = new URL(pending.url);
  const method = redirectMethod(pending.statusCode, exchange.method);
  const responseHeaders =
    exchange.response === undefined
      ? { Location: [pending.url], 'Non-Authoritative-Reason': ['WebRequest API'] }
      : responseHeadersForDetails(exchange.response.headers);
  if (exchange.redirectCount >= maxRedirects) throw new NetError('ERR_TOO_MANY_REDIRECTS');
  const isHttp = newUrl.protocol === 'http:' || newUrl.protocol === 'https:';
  // net.request follows only http(s); fetch also refuses file:, data:, about: and blob: targets.
  if (!isHttp && (!exchange.allowNonHttpSchemes || unsafeTargets.has(newUrl.protocol))) {
    throw new NetError('ERR_UNSAFE_REDIRECT');
  }
  const info = { statusCode: pending.statusCode, method, redirectUrl: pending.url, responseHeaders };
  if (exchange.redirect === 'error') {
    exchange.onRedirect?.(info);
    throw new RedirectPolicyError();
  }
  if (exchange.onRedirect !== undefined) {
    const follow = await exchange.onRedirect(info);
    if (!follow) {
      if (exchange.redirect === 'manual') throw new RedirectCancelledError();
      return;
    }
  } else if (exchange.redirect === 'manual') {
    // fetch with redirect: 'manual' delivers the redirect response itself.
    exchange.pendingRedirect = undefined;
    return undefined;
  }
  const listener = exchange.session.session.webRequest.listenerFor(
    'onBeforeRedirect',
    exchange.url,
    exchange.resourceType,
  );
  if (listener !== undefined) {
    const details = withResponse(baseDetails(exchange), exchange);
    if (exchange.response === undefined) {
      details['fromCache'] = false;
      details['statusCode'] = pending.statusCode;
      details['statusLine'] = pending.statusLine;
      details['responseHeaders'] = responseHeaders;
    }
    details['redirectURL'] = pending.url;
    listener(details);
  }
  await discardBody(exchange);
  // A streamed upload cannot be sent twice (Chromium ChunkedUploadDataStream).
  if (method === exchange.method && exchange.body instanceof ChunkedBody && exchange.body.taken) {
    throw new NetError('ERR_UPLOAD_STREAM_REWIND_NOT_SUPPORTED');
  }
  if (method !== exchange.method) {
    exchange.body = undefined;
    removeHeader(exchange.headers, 'content-type');
    removeHeader(exchange.headers, 'content-length');
  }
  if (new URL(exchange.url).origin !== newUrl.origin) removeHeader(exchange.headers, 'authorization');
  exchange.method = method;
  exchange.url = pending.url;
  exchange.urlChain.push(pending.url);
  exchange.redirectCount += 1;
  exchange.pendingRedirect = undefined;
  exchange.response = undefined;
  exchange.triedUrlCredentials = false;
  return { restartAt: 'protocol handlers' };
}
