import type { AddressInfo, Server, Socket } from 'node:net';
import socks from 'simple-socks';

export interface TestSocksServer {
  readonly port: number;
  /** `host:port` of every connection the server was asked to open. */
  readonly targets: string[];
  close(): Promise<void>;
}

/** A real SOCKS5 server on 127.0.0.1 (the `simple-socks` package), recording what it was asked to reach. */
export async function startSocks5(): Promise<TestSocksServer> {
  const targets: string[] = [];
  const server: Server = socks.createServer({
    connectionFilter: (destination, _origin, callback) => {
      targets.push(`${destination.address}:${destination.port}`);
      callback();
    },
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    targets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
