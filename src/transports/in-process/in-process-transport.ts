import { STATUS_CODES } from 'node:http';
import { NetError } from '../../errors/net-error';
import { fetchBody } from '../../pipeline/request-body';
import type { Transport, TransportRequest, TransportResponse } from '../transport';

/** Answers a request in-process, like a `fetch` handler: `(request) => Response`. */
export type InProcessHandler = (request: Request) => Response | Promise<Response>;

async function* readBody(body: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * A transport for fast unit tests: no sockets at all, every request is given
 * to a handler. `Response.error()` or a throw fails the request with
 * ERR_FAILED, as a network failure would.
 */
export class InProcessTransport implements Transport {
  readonly name = 'in-process';
  readonly #handler: InProcessHandler;

  constructor(handler: InProcessHandler) {
    this.#handler = handler;
  }

  async dispatch(request: TransportRequest): Promise<TransportResponse> {
    request.signal.throwIfAborted();
    const headers = new Headers();
    for (const [name, value] of request.headers) headers.append(name, value);
    const hasBody = request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD';
    const fetchRequest = new Request(request.url, {
      method: request.method,
      headers,
      signal: request.signal,
      ...(hasBody && request.body !== undefined ? fetchBody(request.body) : {}),
    });
    let response: Response;
    try {
      response = await this.#handler(fetchRequest);
    } catch (error) {
      if (request.signal.aborted) throw request.signal.reason as Error;
      throw error instanceof NetError ? error : new NetError('ERR_FAILED', { cause: error });
    }
    request.signal.throwIfAborted();
    if (response.type === 'error') throw new NetError('ERR_FAILED');
    const responseHeaders: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (name === 'set-cookie') return;
      responseHeaders.push([name, value]);
    });
    for (const cookie of response.headers.getSetCookie()) responseHeaders.push(['set-cookie', cookie]);
    return {
      status: response.status,
      // A Response built without a status text reads like the server's reason phrase.
      statusText: response.statusText || (STATUS_CODES[response.status] ?? ''),
      httpVersion: '1.1',
      headers: responseHeaders,
      body: response.body === null ? null : readBody(response.body),
    };
  }

  async close(): Promise<void> {
    return Promise.resolve();
  }
}
