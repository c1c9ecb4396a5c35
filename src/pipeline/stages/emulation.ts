import { NetError } from '../../errors/net-error';
import { sessionThrottle } from '../../network-emulation/session-throttle';
import type { NetworkThrottle, ThrottledTransfer } from '../../network-emulation/network-throttle';
import type { TransportRequest, TransportResponse } from '../../transports/transport';
import type { Exchange } from '../exchange';
import { ChunkedBody } from '../request-body';
import { stage } from './stage';

// Chromium's HttpStreamParser reads the upload body 16 KiB at a time.
const uploadReadSize = 16 * 1024;

/**
 * Network emulation (`enableNetworkEmulation`), Chromium's
 * `ThrottlingNetworkTransaction`: a transaction started while offline fails
 * with ERR_INTERNET_DISCONNECTED before any network activity. Latency and
 * throughput act on the transaction itself, in the transport stage
 * ({@link throughNetworkEmulation}); cache hits never get here, and neither
 * do downloads.
 */
export const emulation = stage('network emulation', (exchange) => {
  if (exchange.handler !== undefined || exchange.emulated === false) return;
  if (sessionThrottle(exchange.session)?.offline === true) throw new NetError('ERR_INTERNET_DISCONNECTED');
});

/**
 * Sends one network transaction through the session's emulated pipe: an
 * upload held in memory is paid for before it goes out, a streamed one as
 * the transport reads it; the headers are held until `sendEnd + latency` and
 * paid for; every body read (one packet at most while downloads are
 * throttled) waits its turn.
 */
export function throughNetworkEmulation(
  exchange: Exchange,
  dispatch: (body: TransportRequest['body']) => Promise<TransportResponse>,
): Promise<TransportResponse> {
  const throttle = sessionThrottle(exchange.session);
  if (throttle === undefined || exchange.handler !== undefined || exchange.emulated === false)
    return dispatch(exchange.body);
  return throttled(exchange, throttle, dispatch);
}

async function throttled(
  exchange: Exchange,
  throttle: NetworkThrottle,
  dispatch: (body: TransportRequest['body']) => Promise<TransportResponse>,
): Promise<TransportResponse> {
  const { clock } = exchange.session.runtime;
  const transfer = throttle.open(exchange.signal);
  const release = (): void => transfer.close();
  let response: TransportResponse | undefined;
  try {
    transfer.failIfOffline();
    let uploadEnd: number | undefined;
    let body: TransportRequest['body'] = exchange.body;
    if (body instanceof Uint8Array) {
      await sendUpload(transfer, body);
    } else if (body instanceof ChunkedBody) {
      body = pacedUpload(body, transfer, () => (uploadEnd = clock.now()));
    }
    const sent = clock.now();
    response = await dispatch(body);
    // A streamed upload still going when the answer came: Chromium falls back to "now".
    const sendEnd = body instanceof Uint8Array || body === undefined ? sent : (uploadEnd ?? clock.now());
    await transfer.started(headerBytes(response), sendEnd);
  } catch (error) {
    release();
    await response?.body?.[Symbol.asyncIterator]().return?.();
    throw error;
  }
  if (response.body === null) {
    release();
    return response;
  }
  return { ...response, body: throttledBody(response.body, transfer, release) };
}

async function sendUpload(transfer: ThrottledTransfer, body: Uint8Array): Promise<void> {
  for (let offset = 0; offset < body.byteLength; offset += uploadReadSize)
    await transfer.sent(Math.min(uploadReadSize, body.byteLength - offset));
}

function pacedUpload(
  body: ChunkedBody,
  transfer: ThrottledTransfer,
  ended: () => void,
): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const chunk of body) {
        for (let offset = 0; offset < chunk.byteLength; offset += uploadReadSize) {
          const part = chunk.subarray(offset, offset + uploadReadSize);
          await transfer.sent(part.byteLength);
          yield part;
        }
      }
      ended();
    },
  };
}

async function* throttledBody(
  source: AsyncIterable<Uint8Array>,
  transfer: ThrottledTransfer,
  release: () => void,
): AsyncIterable<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  let rest: Uint8Array = new Uint8Array(0);
  try {
    for (;;) {
      transfer.failIfOffline();
      if (rest.byteLength === 0) {
        const next = await iterator.next();
        if (next.done === true) {
          finished = true;
          return;
        }
        rest = next.value;
        continue;
      }
      const length = transfer.readLength(rest.byteLength);
      const chunk = rest.subarray(0, length);
      rest = rest.subarray(length);
      await transfer.received(length);
      yield chunk;
    }
  } finally {
    release();
    if (!finished) await iterator.return?.();
  }
}

/** The status line and header block as they come over HTTP/1.1, CRLFs included. */
function headerBytes(response: TransportResponse): number {
  // "HTTP/" version " " status " " reason CRLF, then "name: value" CRLF each, then CRLF.
  let size = 5 + response.httpVersion.length + 1 + String(response.status).length + 1;
  size += Buffer.byteLength(response.statusText) + 2;
  for (const [name, value] of response.headers) size += name.length + 2 + Buffer.byteLength(value) + 2;
  return size + 2;
}
