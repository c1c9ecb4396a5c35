import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net, { type LookupFunction } from 'node:net';
import tls from 'node:tls';
import zlib from 'node:zlib';
import { pipeline, type Duplex, type Readable } from 'node:stream';
import { NetError } from '../../errors/net-error';
import {
  BufferedBody,
  type Transport,
  type TransportRequest,
  type TransportResponse,
  type TlsPeer,
  type ProxyHop,
  type HeaderList,
} from '../transport';
import { openTunnel, TunnelRefused } from './proxy-tunnel';
import { openSocks } from './socks-client';
import { peerChain } from './peer-chain';
import { connectToHttpsProxy } from './proxy-tls';
import { sniFor } from './sni';
import { netErrorForBody, netErrorFromSocketError } from './socket-errors';
import { cipherListExcluding } from './cipher-suites';

export interface LiveTransportOptions {
  /**
   * Resolves host names before the system resolver (the fake's host map):
   * an address, `null` for "known not to resolve", or undefined to ask the system.
   */
  readonly lookupHost?: (host: string) => { address: string; family: 4 | 6 } | null | undefined;
}

/**
 * Node adds no default headers when given a raw list, so the ones Chromium's
 * HttpNetworkTransaction adds itself (Host, Content-Length) are added here.
 */
function flatHeaders(request: TransportRequest): string[] {
  const flat: string[] = [];
  let hasHost = false;
  let hasLength = false;
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (lower === 'host') hasHost = true;
    if (lower === 'content-length' || lower === 'transfer-encoding') hasLength = true;
    flat.push(name, value);
  }
  if (!hasHost) flat.unshift('Host', request.url.host);
  if (!hasLength && request.body instanceof Uint8Array)
    flat.push('Content-Length', String(request.body.byteLength));
  else if (!hasLength && request.body !== undefined) flat.push('Transfer-Encoding', 'chunked');
  return flat;
}

function rawHeaderPairs(raw: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i] as string, raw[i + 1] as string]);
  return pairs;
}

// Chromium decodes these content codings itself and keeps the Content-Encoding header.
function decoded(response: http.IncomingMessage): Readable {
  const coding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder =
    coding === 'gzip' || coding === 'x-gzip'
      ? zlib.createGunzip()
      : coding === 'deflate'
        ? zlib.createInflate()
        : coding === 'br'
          ? zlib.createBrotliDecompress()
          : undefined;
  if (decoder === undefined) return response;
  // pipeline() forwards a reset of the socket into the decoder, so the reader sees it.
  pipeline(response, decoder, () => undefined);
  return decoder;
}

async function* chunks(
  stream: Readable,
  source: http.IncomingMessage,
  resetError: () => unknown,
): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('Z_'))
      throw new NetError('ERR_CONTENT_DECODING_FAILED', { cause: error });
    throw netErrorForBody(error, resetError(), source.headers);
  } finally {
    source.destroy();
  }
}

/**
 * Sends requests over Node's own `http`/`https` modules, so a real server on
 * 127.0.0.1 answers, and so do a test's msw `setupServer` handlers and nock
 * scopes, which intercept those modules. Connections are not pooled: every
 * request opens its own, so each TLS handshake is seen by the verification stage.
 */
export class LiveTransport implements Transport {
  readonly name = 'live';
  readonly #options: LiveTransportOptions;
  readonly #open = new Set<http.ClientRequest>();

  constructor(options: LiveTransportOptions = {}) {
    this.#options = options;
  }

  dispatch(request: TransportRequest): Promise<TransportResponse> {
    return new Promise<TransportResponse>((resolve, reject) => {
      if (request.signal.aborted) {
        reject(request.signal.reason ?? new NetError('ERR_ABORTED'));
        return;
      }
      const { url, proxy } = request;
      const secure = url.protocol === 'https:';
      if (proxy?.scheme === 'quic') {
        // QUIC proxies are not spoken by the live transport.
        reject(new NetError('ERR_NO_SUPPORTED_PROXIES'));
        return;
      }
      const viaHttpProxy = (proxy?.scheme === 'http' || proxy?.scheme === 'https') && !secure;
      const secureProxy = proxy?.scheme === 'https' ? proxy : undefined;
      const tunnelled = proxy !== undefined && !viaHttpProxy;
      const isProxyAuth = ([name]: readonly [string, string]): boolean =>
        name.toLowerCase() === 'proxy-authorization';
      const target = viaHttpProxy
        ? { host: proxy.host, port: proxy.port }
        : { host: url.hostname, port: url.port };
      const lookup = this.#lookup();
      const options: https.RequestOptions = {
        method: request.method,
        host: target.host.replace(/^\[|\]$/g, ''),
        port: target.port === '' ? (secure ? 443 : 80) : Number(target.port),
        path: viaHttpProxy ? url.href : `${url.pathname}${url.search}`,
        // Through a tunnel, Proxy-Authorization belongs to the CONNECT request only.
        headers: flatHeaders(
          tunnelled ? { ...request, headers: request.headers.filter((h) => !isProxyAuth(h)) } : request,
        ) as unknown as http.OutgoingHttpHeaders,
        // No agent: Node then uses createConnection (the tunnel) instead of pooling.
        ...(tunnelled && proxy !== undefined
          ? {
              createConnection: this.#connectThrough(
                proxy,
                request,
                secure,
                request.headers.filter(isProxyAuth),
              ),
            }
          : viaHttpProxy && secureProxy !== undefined
            ? { createConnection: connectionFrom(() => connectToHttpsProxy(secureProxy, request)) }
            : { agent: false }),
        ...(lookup === undefined ? {} : { lookup }),
        ...(secure ? this.#tlsOptions(request) : {}),
      };
      let gotResponse = false;
      // The socket error Node reports on the request once the body is under way (a reset).
      let bodyError: unknown;
      // Whether part of the response head arrived before the connection ended.
      let headerBytes = false;
      const req = (secure ? https : http).request(options);
      this.#open.add(req);
      const fail = (error: unknown): void => {
        if (gotResponse) bodyError ??= error;
        this.#open.delete(req);
        req.destroy();
        if (error instanceof TunnelRefused) {
          // A 407 is an auth challenge for the pipeline; other refusals fail the tunnel.
          if (error.status !== 407) return reject(new NetError('ERR_TUNNEL_CONNECTION_FAILED'));
          return resolve({
            status: error.status,
            statusText: error.statusText,
            httpVersion: '1.1',
            headers: error.headers,
            body: new BufferedBody(error.body),
          });
        }
        const mapped =
          error instanceof NetError
            ? error
            : netErrorFromSocketError(error, gotResponse, secure && headerBytes);
        // Chromium reports a proxy it could not reach as the proxy's failure.
        if (
          viaHttpProxy &&
          !gotResponse &&
          [
            'ERR_CONNECTION_REFUSED',
            'ERR_CONNECTION_RESET',
            'ERR_NAME_NOT_RESOLVED',
            'ERR_CONNECTION_TIMED_OUT',
            'ERR_ADDRESS_UNREACHABLE',
          ].includes(mapped.code)
        ) {
          return reject(new NetError('ERR_PROXY_CONNECTION_FAILED', { cause: error }));
        }
        reject(mapped);
      };
      const abort = (): void => fail(request.signal.reason ?? new NetError('ERR_ABORTED'));
      request.signal.addEventListener('abort', abort, { once: true });
      req.on('error', fail);
      if (secure) this.#verifyOnConnect(req, request, url.hostname, fail);
      if (secure) req.once('socket', (socket) => socket.once('data', () => (headerBytes = true)));
      req.on('response', (response) => {
        gotResponse = true;
        request.signal.removeEventListener('abort', abort);
        const stream = decoded(response);
        const hasBody = request.method !== 'HEAD' && ![101, 204, 304].includes(response.statusCode ?? 0);
        resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          httpVersion: response.httpVersion,
          headers: rawHeaderPairs(response.rawHeaders),
          body: hasBody ? chunks(stream, response, () => bodyError) : (response.resume(), null),
          ...(response.socket?.remoteAddress === undefined
            ? {}
            : { remoteAddress: response.socket.remoteAddress }),
        });
        response.on('close', () => this.#open.delete(req));
      });
      sendBody(req, request.body).catch(fail);
    });
  }

  async close(): Promise<void> {
    for (const req of this.#open) req.destroy(new NetError('ERR_ABORTED'));
    this.#open.clear();
  }

  /** A `createConnection` that reaches the origin through a CONNECT tunnel or a SOCKS proxy. */
  #connectThrough(
    proxy: ProxyHop,
    request: TransportRequest,
    secure: boolean,
    proxyHeaders: HeaderList,
  ): (options: unknown, created: (error: Error | null, socket: Duplex) => void) => undefined {
    const host = request.url.hostname.replace(/^\[|\]$/g, '');
    const port = request.url.port === '' ? (secure ? 443 : 80) : Number(request.url.port);
    return (_options, created) => {
      const opened =
        proxy.scheme === 'http' || proxy.scheme === 'https'
          ? openTunnel(
              proxy,
              { host, port },
              proxyHeaders,
              request.signal,
              proxy.scheme === 'https' ? () => connectToHttpsProxy(proxy, request) : undefined,
            )
          : openSocks(proxy, { host, port }, (name) => this.#resolveIPv4(name), request.signal);
      opened.then(
        (socket) =>
          created(
            null,
            secure ? tls.connect({ socket, ...this.#tlsOptions(request) } as tls.ConnectionOptions) : socket,
          ),
        (error: Error) => created(error, undefined as unknown as Duplex),
      );
      return undefined;
    };
  }

  /** SOCKS4 needs an IPv4 address, resolved on this side (the fake's host map first). */
  async #resolveIPv4(host: string): Promise<string> {
    if (net.isIP(host) === 4) return host;
    const mapped = this.#options.lookupHost?.(host);
    if (mapped === null) throw new NetError('ERR_NAME_NOT_RESOLVED');
    if (mapped !== undefined && mapped.family === 4) return mapped.address;
    try {
      return (await dns.promises.lookup(host, { family: 4 })).address;
    } catch (error) {
      throw new NetError('ERR_NAME_NOT_RESOLVED', { cause: error });
    }
  }

  #lookup(): LookupFunction | undefined {
    const lookupHost = this.#options.lookupHost;
    if (lookupHost === undefined) return undefined;
    return ((hostname: string, options: unknown, callback: (...args: unknown[]) => void) => {
      const found = lookupHost(hostname);
      if (found === undefined) {
        dns.lookup(hostname, options as dns.LookupOptions, callback as never);
        return;
      }
      if (found === null) {
        callback(
          Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }),
        );
        return;
      }
      if ((options as { all?: boolean }).all === true) callback(null, [found]);
      else callback(null, found.address, found.family);
    }) as LookupFunction;
  }

  #tlsOptions(request: TransportRequest): https.RequestOptions {
    const settings = request.tls;
    const ciphers = cipherListExcluding(settings?.disabledCipherSuites);
    return {
      // The verification stage decides; Node only reports what it found.
      rejectUnauthorized: false,
      // SNI carries host names only (RFC 6066 §3); Node deprecates an IP there (DEP0123).
      ...sniFor(request.url.hostname.replace(/^\[|\]$/g, '')),
      minVersion: settings?.minVersion === 'tls1.3' ? 'TLSv1.3' : 'TLSv1.2',
      maxVersion: settings?.maxVersion === 'tls1.2' ? 'TLSv1.2' : 'TLSv1.3',
      ...(ciphers === undefined ? {} : { ciphers }),
    };
  }

  #verifyOnConnect(
    req: http.ClientRequest,
    request: TransportRequest,
    hostname: string,
    fail: (e: unknown) => void,
  ): void {
    const verify = request.verifyTls;
    req.on('socket', (socket) => {
      if (!(socket instanceof tls.TLSSocket) || verify === undefined) return;
      // Hold the request bytes until the certificate verdict is in.
      socket.cork();
      socket.once('secureConnect', () => {
        const peer: TlsPeer = {
          hostname,
          chain: peerChain(socket),
          // Node stores OpenSSL's verify code here (e.g. 'DEPTH_ZERO_SELF_SIGNED_CERT').
          authorizationError: socket.authorized ? undefined : String(socket.authorizationError),
        };
        verify(peer).then(
          () => socket.uncork(),
          (error: unknown) => fail(error),
        );
      });
    });
  }
}

async function sendBody(req: http.ClientRequest, body: TransportRequest['body']): Promise<void> {
  if (body === undefined || body instanceof Uint8Array) {
    req.end(body === undefined ? undefined : Buffer.from(body));
    return;
  }
  for await (const chunk of body) {
    if (!req.write(Buffer.from(chunk))) await new Promise((resolve) => req.once('drain', resolve));
  }
  req.end();
}

/** A `createConnection` option from an async connector (Node accepts the callback form). */
function connectionFrom(
  connect: () => Promise<Duplex>,
): (options: unknown, created: (error: Error | null, socket: Duplex) => void) => undefined {
  return (_options, created) => {
    connect().then(
      (socket) => created(null, socket),
      (error: Error) => created(error, undefined as unknown as Duplex),
    );
    return undefined;
  };
}
