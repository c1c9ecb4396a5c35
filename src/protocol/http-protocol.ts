import type { Exchange } from '../pipeline/exchange';
import type { TransportResponse } from '../transports/transport';
import { NetError } from '../errors/net-error';
import { runRequest } from '../pipeline/pipeline';
import { internalsOf, isSession } from '../session/session-internals';

/**
 * `registerHttpProtocol` / `interceptHttpProtocol` answers: a new request to
 * `url` made on `session` (default: the requesting session), whose response
 * is returned for the original request.
 */
export async function proxyHttpResponse(value: unknown, exchange: Exchange): Promise<TransportResponse> {
  if (typeof value !== 'object' || value === null) throw new NetError('ERR_NOT_IMPLEMENTED');
  const spec = value as {
    url?: unknown;
    method?: unknown;
    session?: unknown;
    uploadData?: unknown;
    referrer?: unknown;
  };
  if (typeof spec.url !== 'string') throw new NetError('ERR_UNEXPECTED');
  // `session: null` was allowed before Electron 37; now only a Session (or nothing) is.
  if (spec.session === null) throw new NetError('ERR_UNEXPECTED');
  const session =
    spec.session === undefined
      ? exchange.session
      : isSession(spec.session)
        ? internalsOf(spec.session)
        : undefined;
  if (session === undefined) throw new NetError('ERR_UNEXPECTED');
  const upload = spec.uploadData as { contentType?: string; data?: string | Buffer } | undefined;
  const headers: [string, string][] = [];
  if (upload?.contentType !== undefined) headers.push(['Content-Type', upload.contentType]);
  const response = await runRequest({
    session,
    url: spec.url,
    method: typeof spec.method === 'string' ? spec.method.toUpperCase() : exchange.method,
    headers,
    body: upload?.data === undefined ? undefined : Buffer.from(upload.data),
    resourceType: exchange.resourceType,
    referrer: typeof spec.referrer === 'string' ? spec.referrer : exchange.referrer,
    origin: exchange.origin,
    useCookies: exchange.useCookies,
    allowAuth: exchange.allowAuth,
    redirect: 'follow',
    cache: exchange.cache,
    bypassCustomProtocolHandlers: true,
    allowNonHttpSchemes: false,
    webContents: exchange.webContents,
    signal: exchange.signal,
    onRedirect: undefined,
    onLogin: exchange.onLogin,
  });
  return {
    status: response.statusCode,
    statusText: response.statusMessage,
    httpVersion: response.httpVersion,
    headers: response.headers,
    body: response.body,
  };
}
