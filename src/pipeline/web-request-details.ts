import type { Exchange } from './exchange';
import { headerRecord } from './header-list';
import { bodyBytes } from './request-body';
import { responseHeadersForDetails } from '../web-request/headers';

/** Fields every webRequest hook receives (Electron `OnBeforeRequestListenerDetails` and friends). */
export function baseDetails(exchange: Exchange): Record<string, unknown> {
  const details: Record<string, unknown> = {
    id: exchange.id,
    url: exchange.url,
    method: exchange.method,
    resourceType: exchange.resourceType,
    referrer: exchange.referrer,
    // Electron reports milliseconds since the epoch (a double), from the session's clock.
    timestamp: exchange.session.runtime.clock.now(),
  };
  if (exchange.webContents !== undefined) {
    // Present only for requests made by a frame; `net` and `fetch` requests have none.
    details['webContentsId'] = exchange.webContents.id;
    details['webContents'] = exchange.webContents;
    details['frame'] = null;
  }
  if (exchange.origin !== undefined) details['initiatorOrigin'] = exchange.origin;
  return details;
}

/** `uploadData` is absent for requests without a body (the spec asserts `undefined` for GET). */
export function withUploadData(
  details: Record<string, unknown>,
  exchange: Exchange,
): Record<string, unknown> {
  const bytes = bodyBytes(exchange.body);
  if (bytes !== undefined) details['uploadData'] = [{ bytes: Buffer.from(bytes) }];
  return details;
}

export function withRequestHeaders(
  details: Record<string, unknown>,
  exchange: Exchange,
): Record<string, unknown> {
  details['requestHeaders'] = headerRecord(exchange.headers);
  return details;
}

export function statusLineOf(exchange: Exchange): string {
  const response = exchange.response;
  if (response === undefined) return '';
  if (response.statusLine !== undefined) return response.statusLine;
  return `HTTP/${response.httpVersion} ${response.statusCode} ${response.statusMessage}`.trimEnd();
}

/** Once response headers exist every hook also gets these. */
export function withResponse(details: Record<string, unknown>, exchange: Exchange): Record<string, unknown> {
  const response = exchange.response;
  if (response === undefined) return details;
  details['fromCache'] = response.fromCache;
  details['statusCode'] = response.statusCode;
  details['statusLine'] = statusLineOf(exchange);
  details['responseHeaders'] = responseHeadersForDetails(response.headers);
  if (response.remoteAddress !== undefined) details['ip'] = response.remoteAddress;
  return details;
}
