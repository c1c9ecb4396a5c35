import net from 'node:net';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';

export interface RawServer {
  readonly url: string;
  readonly port: number;
  /** The request heads received so far (`GET /path HTTP/1.1`). */
  readonly requests: string[];
  /** The socket of the next request whose head has arrived (already arrived ones first). */
  nextRequest(): Promise<net.Socket>;
  close(): Promise<void>;
}

/** What the server does with each request head, on the socket it came on; none: the test drives it. */
export type RawAnswer = (socket: net.Socket, head: string) => void;

/**
 * A TCP server on 127.0.0.1 that speaks HTTP by hand, so a test can write
 * part of a response and then close (`end`), reset (`resetAndDestroy`) or
 * stall the connection; `tls` wraps each connection in TLS first, and
 * `firstBytes` answers the first bytes received (a TLS ClientHello) instead
 * of a request head.
 */
export async function startRawServer(
  answer?: RawAnswer,
  options: { tls?: tls.TlsOptions; firstBytes?: boolean } = {},
): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  const requests: string[] = [];
  const arrived: net.Socket[] = [];
  const waiting: ((socket: net.Socket) => void)[] = [];
  const onRequest = (socket: net.Socket): void => {
    let head = '';
    const read = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      const end = options.firstBytes === true ? head.length : head.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', read);
      requests.push(head.slice(0, head.indexOf('\r\n')));
      if (answer !== undefined) return answer(socket, head.slice(0, end));
      const next = waiting.shift();
      if (next === undefined) arrived.push(socket);
      else next(socket);
    };
    socket.on('data', read);
  };
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  };
  const server =
    options.tls === undefined
      ? net.createServer((socket) => {
          track(socket);
          onRequest(socket);
        })
      : tls.createServer(options.tls, onRequest);
  if (options.tls !== undefined) {
    server.on('connection', track);
    server.on('tlsClientError', () => undefined);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
    port,
    requests,
    nextRequest: () =>
      new Promise((resolve) => {
        const socket = arrived.shift();
        if (socket === undefined) waiting.push(resolve);
        else resolve(socket);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on: it was bound, then released. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Resets the connection (TCP RST) once the client has read what was written.
 * A reset that arrives while written bytes are still unread reads as a clean
 * close on Linux (the socket is done before its error is seen), which Chromium
 * would report as a body cut short, not as ERR_CONNECTION_RESET. Two turns of
 * the event loop let the client (in this process) read first.
 */
export function resetAfterRead(socket: net.Socket | null | undefined): void {
  setImmediate(() => setImmediate(() => socket?.resetAndDestroy()));
}
