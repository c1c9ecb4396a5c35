import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const dir = path.join(__dirname, '..', 'fixtures', 'tls');
const read = (name: string): string => fs.readFileSync(path.join(dir, name), 'utf8');

/** The test chain: localhost ← Intermediate CA ← Root CA (test/fixtures/tls/generate.sh). */
export const tlsFixtures = {
  key: read('server-key.pem'),
  cert: read('server-cert.pem'),
  intermediate: read('intermediate-cert.pem'),
  root: read('root-cert.pem'),
};

export interface TestHttpsServer {
  readonly url: string;
  readonly connections: number;
  readonly requests: string[];
  close(): Promise<void>;
}

/** A real HTTPS server on 127.0.0.1 presenting the whole fixture chain. */
export async function startHttpsServer(options: https.ServerOptions = {}): Promise<TestHttpsServer> {
  let connections = 0;
  const requests: string[] = [];
  const server = https.createServer(
    {
      key: tlsFixtures.key,
      cert: tlsFixtures.cert + tlsFixtures.intermediate + tlsFixtures.root,
      ...options,
    },
    (req, res) => {
      requests.push(req.url ?? '');
      res.end('<title>hello</title>');
    },
  );
  server.on('secureConnection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
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
