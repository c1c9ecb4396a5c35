import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TestSocksServer {
  readonly port: number;
  /** `host:port` of every connection the server was asked to open. */
  readonly targets: string[];
  close(): Promise<void>;
}

/** A real SOCKS5 server (no auth, CONNECT only) on 127.0.0.1; a name in `unknown` is refused as unresolvable. */
export async function startSocks5(unknown: readonly string[] = []): Promise<TestSocksServer> {
  const targets: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.once('data', (greeting: Buffer) => {
      if (greeting[0] !== 5) return client.destroy();
      client.write(Buffer.from([5, 0]));
      client.once('data', (request: Buffer) => {
        const type = request[3];
        let host: string;
        let offset: number;
        if (type === 1) {
          host = [...request.subarray(4, 8)].join('.');
          offset = 8;
        } else if (type === 3) {
          const length = request[4] ?? 0;
          host = request.subarray(5, 5 + length).toString();
          offset = 5 + length;
        } else return client.destroy();
        const port = request.readUInt16BE(offset);
        targets.push(`${host}:${port}`);
        const reply = (code: number): Buffer => Buffer.from([5, code, 0, 1, 0, 0, 0, 0, 0, 0]);
        if (unknown.includes(host)) {
          client.end(reply(4));
          return;
        }
        const upstream = net.connect(port, host === 'localhost' ? '127.0.0.1' : host, () => {
          client.write(reply(0));
          upstream.pipe(client);
          client.pipe(upstream);
        });
        upstream.on('error', () => client.end(reply(5)));
        client.on('error', () => upstream.destroy());
      });
    });
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
