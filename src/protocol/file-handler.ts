import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NetError } from '../errors/net-error';
import type { Exchange } from '../pipeline/exchange';
import type { TransportResponse } from '../transports/transport';
import type { FakeFileSystem } from '../runtime/file-system';

// The few types Chromium's net::GetMimeTypeFromFile knows without the OS.
const mimeTypes: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.txt': 'text/plain',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.xml': 'text/xml',
};

/**
 * Reads one file of the fake's file system as a 200 response, the way
 * Chromium's file URL loader does: Content-Type from the extension,
 * Content-Length, and `extraHeaders` underneath those computed ones.
 */
export function fileResponse(
  fs: FakeFileSystem,
  file: string,
  extraHeaders: Record<string, string> = {},
): TransportResponse {
  let data: Buffer;
  try {
    if (!fs.statSync(file).isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
    data = fs.readFileSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new NetError(code === 'EACCES' ? 'ERR_ACCESS_DENIED' : 'ERR_FILE_NOT_FOUND', { cause: error });
  }
  const computed = new Map<string, string>([['content-length', String(data.length)]]);
  const type = mimeTypes[path.extname(file).toLowerCase()];
  if (type !== undefined) computed.set('content-type', type);
  const headers: [string, string][] = Object.entries(extraHeaders).filter(
    ([name]) => !computed.has(name.toLowerCase()),
  );
  headers.push(['Content-Length', String(data.length)]);
  if (type !== undefined) headers.push(['Content-Type', type]);
  return {
    status: 200,
    statusText: 'OK',
    httpVersion: '1.1',
    headers,
    body: (async function* () {
      yield data;
    })(),
  };
}

/** `file:` URLs for `fetch` and navigations, read from the fake's file system. */
export async function fileHandler(exchange: Exchange): Promise<TransportResponse> {
  return fileResponse(exchange.session.runtime.fs, fileURLToPath(exchange.url));
}
