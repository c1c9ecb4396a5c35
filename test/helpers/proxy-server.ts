import { Server } from 'proxy-chain';

export interface TestProxy {
  readonly port: number;
  /** `METHOD target` of every request and CONNECT the proxy saw. */
  readonly seen: string[];
  close(): Promise<void>;
}

/**
 * A real HTTP proxy on 127.0.0.1 (the `proxy-chain` package: absolute-form
 * requests and CONNECT tunnels), asking for Basic credentials when given.
 */
export async function startProxy(credentials?: { username: string; password: string }): Promise<TestProxy> {
  const seen: string[] = [];
  const server = new Server({
    port: 0,
    host: '127.0.0.1',
    authRealm: 'proxy',
    prepareRequestFunction: ({ request, username, password }) => {
      seen.push(`${request.method} ${request.url}`);
      if (credentials === undefined) return {};
      const ok = username === credentials.username && password === credentials.password;
      return { requestAuthentication: !ok };
    },
  });
  await server.listen();
  return {
    port: server.port,
    seen,
    close: () => server.close(true),
  };
}
