import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { installConnectionGuard } from '../../src/connection-guard/connection-guard';

/** A fresh directory for fixtures, removed by the returned cleanup. */
export function tempDir(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esf-fixtures-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Every .har file under `dir`, relative, sorted. */
export function harFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.har'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** Bytes that are not UTF-8 text: a PNG signature, NUL and high bytes. */
export const binaryBody = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x01, 0x80,
]);

export const largeText = 'All work and no play makes Jack a dull boy.\n'.repeat(200);

/** The app the recording tests talk to, answering the way real servers do. */
export function recordingApp(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  switch (url.pathname) {
    case '/text':
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('plain text ✓');
      return;
    case '/json':
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ items: [1, 2, 3], page: url.searchParams.get('page') }));
      return;
    case '/binary':
      res.setHeader('Content-Type', 'image/png');
      res.end(binaryBody);
      return;
    case '/gzip':
      res.setHeader('Content-Type', 'text/plain');
      res.setHeader('Content-Encoding', 'gzip');
      res.end(zlib.gzipSync(largeText));
      return;
    case '/br':
      res.setHeader('Content-Type', 'text/plain');
      res.setHeader('Content-Encoding', 'br');
      res.end(zlib.brotliCompressSync(largeText));
      return;
    case '/redirect':
      res.writeHead(302, { Location: '/json?page=from-redirect' });
      res.end();
      return;
    case '/login': {
      // Date and the cookie's expiry from one reading of the clock, as most servers do.
      const now = Date.now();
      res.setHeader('Date', new Date(now).toUTCString());
      res.setHeader('Set-Cookie', [
        'session=abc123secret; Path=/; HttpOnly',
        `theme=dark; Path=/; Expires=${new Date(now + 3_600_000).toUTCString()}`,
      ]);
      res.end('signed in');
      return;
    }
    case '/whoami':
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ signedIn: (req.headers.cookie ?? '').includes('session=') }));
      return;
    case '/echo':
      res.setHeader('Content-Type', req.headers['content-type'] ?? 'application/octet-stream');
      res.end(body);
      return;
    case '/echo-auth':
      res.setHeader('Content-Type', 'text/plain');
      res.end(`you sent ${req.headers.authorization ?? 'nothing'}`);
      return;
    case '/token':
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ access_token: 'tok-9f8e7d6c5b4a', expires_in: 3600 }));
      return;
    case '/empty':
      res.writeHead(204);
      res.end();
      return;
    default:
      res.writeHead(404);
      res.end('not found');
  }
}

export interface RecordingServer {
  readonly url: string;
  /** Requests the server answered, as `METHOD /path`. */
  readonly requests: string[];
  /** Connections it accepted. */
  readonly connections: number;
  close(): Promise<void>;
}

async function listen(server: http.Server, scheme: 'http' | 'https'): Promise<RecordingServer> {
  const requests: string[] = [];
  let connections = 0;
  server.on('connection', () => connections++);
  server.on('request', (req: http.IncomingMessage) => requests.push(`${req.method} ${req.url}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    requests,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function handler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => recordingApp(req, res, Buffer.concat(chunks)));
}

/** The recording app on a real HTTP server on 127.0.0.1. */
export function startRecordingServer(): Promise<RecordingServer> {
  return listen(http.createServer(handler), 'http');
}

const tls = (name: string): string =>
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'tls', name), 'utf8');

/** The test CA's root certificate (test/fixtures/tls). */
export const testRootCertificate = (): string => tls('root-cert.pem');

/** The recording app over HTTPS, presenting 127.0.0.1's certificate from the test CA. */
export function startRecordingHttpsServer(): Promise<RecordingServer> {
  const server = https.createServer(
    { key: tls('server-key.pem'), cert: tls('server-cert.pem') + tls('intermediate-cert.pem') },
    handler,
  );
  return listen(server, 'https');
}

/** The connection guard as replay in CI installs it: records and refuses every TCP connection attempt. */
export function guardSockets(): { readonly attempts: string[]; restore(): void } {
  const guard = installConnectionGuard({ env: { CI: '1' } });
  return {
    get attempts() {
      return guard.attempts.map((attempt) => attempt.target);
    },
    restore: () => guard.uninstall(),
  };
}

/**
 * Per test: a fresh fixtures directory and a running recording server, both
 * gone after the test. Read them through the returned object inside tests.
 */
export function useServerAndFixtures(): { readonly dir: string; readonly server: RecordingServer } {
  let fixtures: ReturnType<typeof tempDir> | undefined;
  let server: RecordingServer | undefined;
  beforeEach(async () => {
    fixtures = tempDir();
    server = await startRecordingServer();
  });
  afterEach(async () => {
    await server?.close();
    fixtures?.remove();
  });
  return {
    get dir() {
      if (fixtures === undefined) throw new Error('useServerAndFixtures: read dir inside a test');
      return fixtures.dir;
    },
    get server() {
      if (server === undefined) throw new Error('useServerAndFixtures: read server inside a test');
      return server;
    },
  };
}

/** What an axios-style client gets from `http.request`: it decodes gzip itself. */
export function httpRequest(
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; encoding: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: init.method ?? 'GET', headers: init.headers ?? {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = response.headers['content-encoding'];
          const body =
            encoding === 'gzip'
              ? zlib.gunzipSync(raw)
              : encoding === 'br'
                ? zlib.brotliDecompressSync(raw)
                : raw;
          resolve({ status: response.statusCode ?? 0, encoding, body: body.toString('utf8') });
        });
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}
