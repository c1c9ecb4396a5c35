import type http from 'node:http';
import { startServer, type TestServer } from '../helpers/http-server';
import { resetAfterRead } from '../helpers/raw-server';

/** A strong ETag and a Last-Modified well before any Date header the server sends. */
export const etag = '"logo-v1"';
export const lastModified = 'Wed, 21 Oct 2015 07:28:00 GMT';

export interface Route {
  readonly body?: Buffer;
  /** Answers 302 to this location instead. */
  readonly redirect?: string;
  readonly contentType?: string;
  readonly contentDisposition?: string;
  /** Answers `Range`/`If-Range` with 206 and sends ETag, Last-Modified and `Accept-Ranges: bytes`. */
  readonly ranges?: boolean;
  /** Status other than 200 (the body is sent as it is). */
  readonly status?: number;
  /** The first answer sends this many body bytes, then resets the connection. */
  readonly resetAfter?: number;
  /** Body bytes are written only as the gate opens. */
  readonly gate?: Gate;
  /** Sends no Content-Length (chunked). */
  readonly chunked?: boolean;
  readonly headers?: Record<string, string>;
  /** Answers 401 unless the request carries this Authorization header. */
  readonly authorization?: string;
  /** Sends ETag and Last-Modified but always answers in full. */
  readonly ignoresRange?: boolean;
  /** Answers the nth request itself; returning false leaves it to the route. */
  readonly custom?: (req: http.IncomingMessage, res: http.ServerResponse, count: number) => boolean;
}

/** Lets a test release a response body piece by piece. */
export class Gate {
  readonly #waiting: (() => void)[] = [];
  #credit = 0;

  constructor(readonly pieceSize: number) {}

  /** Pieces allowed but not yet taken by the server. */
  get credit(): number {
    return this.#credit;
  }

  /** Lets `pieces` more pieces go out. */
  open(pieces = 1): void {
    this.#credit += pieces;
    while (this.#credit > 0 && this.#waiting.length > 0) {
      this.#credit--;
      this.#waiting.shift()?.();
    }
  }

  /** @internal Server side: resolves when the next piece may be written. */
  next(): Promise<void> {
    if (this.#credit > 0) {
      this.#credit--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
}

export interface DownloadServer extends TestServer {
  /** How many times each path was asked for. */
  hits(path: string): number;
}

/** A real HTTP server on 127.0.0.1 serving fixed bodies, with or without range support. */
export async function startDownloadServer(routes: Record<string, Route>): Promise<DownloadServer> {
  const hits = new Map<string, number>();
  const server = await startServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routes[path];
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    if (route === undefined) {
      res.writeHead(404, { 'Content-Length': '0' });
      res.end();
      return;
    }
    void answer(req, res, route, count);
  });
  return { ...server, hits: (path) => hits.get(path) ?? 0 };
}

async function answer(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  route: Route,
  count: number,
): Promise<void> {
  if (route.custom?.(req, res, count) === true) return;
  if (route.authorization !== undefined && req.headers.authorization !== route.authorization) {
    res.writeHead(401, { 'Content-Length': '0' });
    res.end();
    return;
  }
  if (route.redirect !== undefined) {
    res.writeHead(302, { Location: route.redirect, 'Content-Length': '0' });
    res.end();
    return;
  }
  const full = route.body ?? Buffer.alloc(0);
  const headers: Record<string, string> = { ...route.headers };
  if (route.contentType !== undefined) headers['Content-Type'] = route.contentType;
  if (route.contentDisposition !== undefined) headers['Content-Disposition'] = route.contentDisposition;
  let body = full;
  let status = route.status ?? 200;
  if (route.ignoresRange === true) {
    headers['ETag'] = etag;
    headers['Last-Modified'] = lastModified;
  }
  if (route.ranges === true) {
    headers['ETag'] = etag;
    headers['Last-Modified'] = lastModified;
    headers['Accept-Ranges'] = 'bytes';
    const start = /^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1];
    const ifRange = req.headers['if-range'];
    if (start !== undefined && (ifRange === undefined || ifRange === etag || ifRange === lastModified)) {
      const from = Number(start);
      if (from >= full.length) {
        res.writeHead(416, { 'Content-Range': `bytes */${full.length}`, 'Content-Length': '0' });
        res.end();
        return;
      }
      status = 206;
      headers['Content-Range'] = `bytes ${from}-${full.length - 1}/${full.length}`;
      body = full.subarray(from);
    }
  }
  if (route.chunked !== true) headers['Content-Length'] = String(body.length);
  res.writeHead(status, headers);
  if (route.resetAfter !== undefined && count === 1) {
    res.write(body.subarray(0, route.resetAfter), () => resetAfterRead(res.socket));
    return;
  }
  const gate = route.gate;
  if (gate === undefined) {
    res.end(body);
    return;
  }
  // Headers go out at once, as a server that is slow to produce the body sends them.
  res.flushHeaders();
  for (let offset = 0; offset < body.length; offset += gate.pieceSize) {
    await gate.next();
    if (res.destroyed) return;
    res.write(body.subarray(offset, offset + gate.pieceSize));
  }
  res.end();
}
