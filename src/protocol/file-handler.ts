import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NetError } from '../errors/net-error';
import type { Exchange } from '../pipeline/exchange';
import type { TransportResponse } from '../transports/transport';

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

/** `file:` URLs for `fetch` and navigations, read from the fake's file system. */
export async function fileHandler(exchange: Exchange): Promise<TransportResponse> {
  const file = fileURLToPath(exchange.url);
  let data: Buffer;
  try {
    data = exchange.session.runtime.fs.readFileSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new NetError(code === 'EACCES' ? 'ERR_ACCESS_DENIED' : 'ERR_FILE_NOT_FOUND', { cause: error });
  }
  const type = mimeTypes[path.extname(file).toLowerCase()];
  return {
    status: 200,
    statusText: 'OK',
    httpVersion: '1.1',
    headers: [
      ['Content-Length', String(data.length)],
      ...(type === undefined ? [] : [['Content-Type', type] as [string, string]]),
    ],
    body: (async function* () {
      yield data;
    })(),
  };
}
