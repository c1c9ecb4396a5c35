import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const dir = path.join(__dirname, '..', 'fixtures', 'tls');
const read = (name: string): string => fs.readFileSync(path.join(dir, name), 'utf8');

/**
 * The test chain: leaves ← Intermediate CA ← Root CA (test/fixtures/tls/generate.sh).
 * Every certificate below the root is valid from 2020-01-01 to 2120-01-01,
 * except `expired` (2000-01-01 to 2001-01-01).
 */
export const tlsFixtures = {
  key: read('server-key.pem'),
  /** localhost and 127.0.0.1. */
  cert: read('server-cert.pem'),
  /** localhost and 127.0.0.1, expired on 2001-01-01. */
  expired: read('expired-cert.pem'),
  /** wrong.test only; serial 0x8F01. */
  wrongHost: read('wrong-host-cert.pem'),
  intermediate: read('intermediate-cert.pem'),
  root: read('root-cert.pem'),
};

/** A time inside the validity of every fixture certificate but `expired`. */
export const insideValidity = Date.UTC(2030, 0, 1);

export interface TestHttpsServer {
  readonly url: string;
  readonly connections: number;
  readonly requests: string[];
  close(): Promise<void>;
}

export interface TestHttpsServerOptions extends https.ServerOptions {
  /** The leaf certificate presented. Default `cert` (localhost, 127.0.0.1). */
  readonly leaf?: 'cert' | 'expired' | 'wrongHost';
  /** Whether the root is sent after the intermediate. Default true, as Electron's spec server does. */
  readonly presentRoot?: boolean;
}

/** A real HTTPS server on 127.0.0.1 presenting a fixture chain. */
export async function startHttpsServer(options: TestHttpsServerOptions = {}): Promise<TestHttpsServer> {
  const { leaf = 'cert', presentRoot = true, ...serverOptions } = options;
  let connections = 0;
  const requests: string[] = [];
  const server = https.createServer(
    {
      key: tlsFixtures.key,
      cert: tlsFixtures[leaf] + tlsFixtures.intermediate + (presentRoot ? tlsFixtures.root : ''),
      ...serverOptions,
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
