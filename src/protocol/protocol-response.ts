import { STATUS_CODES } from 'node:http';
import { Readable } from 'node:stream';
import { NetError } from '../errors/net-error';
import type { TransportResponse } from '../transports/transport';
import type { FakeFileSystem } from '../runtime/file-system';

async function* fromWebStream(body: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

async function* fromNodeStream(stream: Readable): AsyncIterable<Uint8Array> {
  for await (const chunk of stream)
    yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

/**
 * `protocol.handle` results (Electron lib/browser/api/protocol.ts): anything
 * but a well-typed Response fails with ERR_UNEXPECTED; `Response.error()`
 * with ERR_FAILED.
 */
export function fromFetchResponse(value: unknown): TransportResponse {
  if (!(value instanceof Response)) throw new NetError('ERR_UNEXPECTED');
  if (value.type === 'error') throw new NetError('ERR_FAILED');
  const headers: [string, string][] = [];
  value.headers.forEach((v, k) => {
    if (k !== 'set-cookie') headers.push([k, v]);
  });
  for (const cookie of value.headers.getSetCookie()) headers.push(['set-cookie', cookie]);
  return {
    status: value.status,
    statusText: STATUS_CODES[value.status] ?? value.statusText,
    httpVersion: '1.1',
    headers,
    body: value.body === null ? null : fromWebStream(value.body),
  };
}

type Kind = 'string' | 'buffer' | 'file' | 'stream' | 'any';

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Buffer.isBuffer(value) && !(value instanceof Readable)
  );
}

function headerPairs(headers: unknown): [string, string][] {
  if (!isObject(headers)) return [];
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const v of value) pairs.push([name, String(v)]);
    else if (value !== undefined) pairs.push([name, String(value)]);
  }
  return pairs;
}

/**
 * Legacy `register*Protocol` callback values (`ProtocolResponse`): defaults
 * statusCode 200, mimeType `text/html`, charset `utf-8`; a callback with
 * nothing fails the request (Electron's URL loader: ERR_NOT_IMPLEMENTED).
 */
export function fromProtocolResponse(kind: Kind, value: unknown, fs: FakeFileSystem): TransportResponse {
  if (value === undefined || value === null) throw new NetError('ERR_NOT_IMPLEMENTED');
  const dict: Record<string, unknown> = isObject(value)
    ? value
    : kind === 'file'
      ? { path: value }
      : { data: value };
  if (typeof dict['error'] === 'number' && dict['error'] !== 0)
    throw new NetError('ERR_FAILED', { cause: dict['error'] });
  const statusCode = typeof dict['statusCode'] === 'number' ? dict['statusCode'] : 200;
  const headers = headerPairs(dict['headers']);
  const mimeType = typeof dict['mimeType'] === 'string' ? dict['mimeType'] : 'text/html';
  const charset = typeof dict['charset'] === 'string' ? dict['charset'] : 'utf-8';
  if (!headers.some(([k]) => k.toLowerCase() === 'content-type')) {
    headers.push([
      'Content-Type',
      kind === 'buffer' || kind === 'file' ? mimeType : `${mimeType}; charset=${charset}`,
    ]);
  }
  let body: AsyncIterable<Uint8Array> | null;
  const data = dict['data'];
  if (typeof dict['path'] === 'string') {
    try {
      body = once(fs.readFileSync(dict['path']));
    } catch {
      throw new NetError('ERR_FILE_NOT_FOUND');
    }
  } else if (data instanceof Readable) body = fromNodeStream(data);
  else if (typeof data === 'string') body = once(Buffer.from(data, charset === 'utf-8' ? 'utf8' : 'latin1'));
  else if (Buffer.isBuffer(data) || data instanceof Uint8Array) body = once(data);
  else if (data === undefined) body = null;
  else throw new NetError('ERR_UNEXPECTED');
  return {
    status: statusCode,
    statusText: STATUS_CODES[statusCode] ?? '',
    httpVersion: '1.1',
    headers,
    body,
  };
}
