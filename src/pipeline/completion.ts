import { NetError } from '../errors/net-error';
import { BufferedBody } from '../transports/transport';
import { formatPacElement } from '../proxy/proxy-server';
import type { Exchange } from './exchange';
import { baseDetails, withResponse } from './web-request-details';

function errorString(error: unknown): string {
  if (error instanceof NetError) return error.message;
  return 'net::ERR_FAILED';
}

/** Adds the finished request to the fake's request log (`fake.requests`). */
function record(exchange: Exchange, error: string): void {
  exchange.session.runtime.requestLog.add({
    id: exchange.id,
    partition: exchange.session.partition,
    method: exchange.method,
    url: exchange.url,
    urlChain: [...exchange.urlChain],
    resourceType: exchange.resourceType,
    webContentsId: exchange.webContents?.id,
    proxy:
      exchange.handler !== undefined
        ? 'handler'
        : exchange.proxy === undefined
          ? 'DIRECT'
          : formatPacElement(exchange.proxy),
    statusCode: exchange.response?.statusCode,
    fromCache: exchange.response?.fromCache ?? false,
    error,
  });
}

/** `webRequest.onErrorOccurred`: the request failed before or while its body was read. */
export function notifyError(exchange: Exchange, error: unknown): void {
  record(exchange, errorString(error));
  const listener = exchange.session.session.webRequest.listenerFor(
    'onErrorOccurred',
    exchange.url,
    exchange.resourceType,
  );
  if (listener === undefined) return;
  const details = withResponse(baseDetails(exchange), exchange);
  details['fromCache'] = exchange.response?.fromCache ?? false;
  details['error'] = errorString(error);
  listener(details);
}

function fireCompleted(exchange: Exchange): void {
  record(exchange, 'net::OK');
  const listener = exchange.session.session.webRequest.listenerFor(
    'onCompleted',
    exchange.url,
    exchange.resourceType,
  );
  if (listener === undefined) return;
  const details = withResponse(baseDetails(exchange), exchange);
  details['error'] = 'net::OK';
  listener(details);
}

/**
 * Wraps the response body so that reading it to the end fires `onCompleted`
 * and a failure (or abort) fires `onErrorOccurred` — never both, never twice.
 */
export function notifyCompleted(
  exchange: Exchange,
  body: AsyncIterable<Uint8Array> | null,
  release: () => void,
): AsyncIterable<Uint8Array> | null {
  if (body === null || body instanceof BufferedBody) {
    // Nothing left to receive from the network: the request completes now.
    release();
    fireCompleted(exchange);
    return body;
  }
  let settled = false;
  const settle = (error?: unknown): void => {
    if (settled) return;
    settled = true;
    release();
    if (error === undefined) fireCompleted(exchange);
    else notifyError(exchange, error);
  };
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for await (const chunk of body) {
          if (exchange.abort.aborted) throw exchange.abort.error;
          yield chunk;
        }
        if (exchange.abort.aborted) throw exchange.abort.error;
        settle();
      } catch (error) {
        settle(error);
        throw error;
      } finally {
        // The consumer stopped early (abort, cancel): Chromium reports ERR_ABORTED.
        if (!settled) settle(new NetError('ERR_ABORTED'));
      }
    },
  };
}
