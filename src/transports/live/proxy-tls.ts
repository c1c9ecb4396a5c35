import tls from 'node:tls';
import { NetError } from '../../errors/net-error';
import type { ProxyHop, TransportRequest } from '../transport';
import { peerChain } from './peer-chain';
import { sniFor } from './sni';

/**
 * A TLS connection to an HTTPS proxy (Chromium: the proxy's certificate goes
 * through the same verifier as any server's). A rejected certificate is
 * ERR_PROXY_CERTIFICATE_INVALID; an unreachable proxy ERR_PROXY_CONNECTION_FAILED.
 */
export function connectToHttpsProxy(proxy: ProxyHop, request: TransportRequest): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: proxy.host,
      port: proxy.port,
      ...sniFor(proxy.host),
      rejectUnauthorized: false,
    });
    socket.once('error', (error) => reject(new NetError('ERR_PROXY_CONNECTION_FAILED', { cause: error })));
    socket.once('secureConnect', () => {
      const verify = request.verifyTls;
      if (verify === undefined) return resolve(socket);
      verify({
        hostname: proxy.host,
        chain: peerChain(socket),
        authorizationError: socket.authorized ? undefined : String(socket.authorizationError),
        proxy: true,
      }).then(
        () => resolve(socket),
        (error: unknown) => {
          socket.destroy();
          reject(new NetError('ERR_PROXY_CERTIFICATE_INVALID', { cause: error }));
        },
      );
    });
  });
}
