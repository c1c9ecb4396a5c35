import { Server, type PrepareRequestFunctionOpts } from 'proxy-chain';

export interface TestProxy {
  readonly port: number;
  /** `METHOD target` of every request and CONNECT the proxy saw. */
  readonly seen: string[];
  close(): Promise<void>;
}

/**
 * A real HTTP proxy on 127.0.0.1 (the `proxy-chain` package: absolute-form
 * requests and CONNECT tunnels), asking for Basic credentials when given;
 * with `https` it is an HTTPS proxy (TLS between the client and the proxy).
 */
export async function startProxy(
  credentials?: { username: string; password: string },
  options: { https?: { key: string; cert: string } } = {},
): Promise<TestProxy> {
  const seen: string[] = [];
  const base = {
    port: 0,
    host: '127.0.0.1',
    authRealm: 'proxy',
    prepareRequestFunction: ({ request, username, password }: PrepareRequestFunctionOpts) => {
      seen.push(`${request.method} ${request.url}`);
      if (credentials === undefined) return {};
      return {
        requestAuthentication: username !== credentials.username || password !== credentials.password,
      };
    },
  };
  const server = new Server(
    options.https === undefined ? base : { ...base, serverType: 'https', httpsOptions: options.https },
  );
  await server.listen();
  return {
    port: server.port,
    seen,
    close: () => server.close(true),
  };
}
