import http from 'node:http';
import type { Duplex } from 'node:stream';
import { NetError } from '../../errors/net-error';
import type { HeaderList, ProxyHop } from '../transport';

/** The proxy refused the tunnel with a status (407 asks for credentials). */
export class TunnelRefused extends Error {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly headers: [string, string][],
    readonly body: Buffer,
  ) {
    super(`CONNECT answered ${status}`);
  }
}

/**
 * Opens a CONNECT tunnel through an HTTP proxy (Chromium
 * `HttpProxyClientSocket`): `Proxy-Authorization` travels on the CONNECT
 * request only. A proxy that cannot be reached is ERR_PROXY_CONNECTION_FAILED;
 * any answer but 200 is a TunnelRefused carrying that answer.
 */
export function openTunnel(
  proxy: ProxyHop,
  target: { host: string; port: number },
  proxyHeaders: HeaderList,
  signal: AbortSignal,
  /** For an HTTPS proxy: the verified TLS connection to it. */
  connectToProxy?: () => Promise<Duplex>,
): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const authority = `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
    const connect = http.request({
      host: proxy.host,
      port: proxy.port,
      method: 'CONNECT',
      path: authority,
      headers: [
        'Host',
        authority,
        ...proxyHeaders.flatMap(([k, v]) => [k, v]),
      ] as unknown as http.OutgoingHttpHeaders,
      ...(connectToProxy === undefined
        ? { agent: false }
        : {
            createConnection: (_options: unknown, created: (error: Error | null, socket: Duplex) => void) => {
              connectToProxy().then(
                (socket) => created(null, socket),
                (error: Error) => created(error, undefined as unknown as Duplex),
              );
              return undefined;
            },
          }),
    });
    const onAbort = (): void => {
      connect.destroy();
      reject(signal.reason instanceof Error ? signal.reason : new NetError('ERR_ABORTED'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    connect.on('connect', (response, socket) => {
      signal.removeEventListener('abort', onAbort);
      if (response.statusCode === 200) {
        resolve(socket);
        return;
      }
      // Collect the refusal (a short body, if any) and hand it back as the answer.
      const expected = Number(response.headers['content-length'] ?? 0);
      const chunks: Buffer[] = [];
      let finished = false;
      const finish = (): void => {
        if (finished) return;
        finished = true;
        const headers: [string, string][] = [];
        for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
          headers.push([response.rawHeaders[i] as string, response.rawHeaders[i + 1] as string]);
        }
        socket.destroy();
        const body = Buffer.concat(chunks).subarray(0, expected);
        reject(new TunnelRefused(response.statusCode ?? 0, response.statusMessage ?? '', headers, body));
      };
      if (expected === 0) return finish();
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (Buffer.concat(chunks).length >= expected) finish();
      });
      socket.once('close', finish);
    });
    connect.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(
        error instanceof NetError ? error : new NetError('ERR_PROXY_CONNECTION_FAILED', { cause: error }),
      );
    });
    connect.end();
  });
}
