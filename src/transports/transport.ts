/** An ordered header list, names in the case they were given. */
export type HeaderList = readonly (readonly [string, string])[];

/** Where the request goes next hop: straight to the origin or through one proxy. */
export interface ProxyHop {
  readonly scheme: 'direct' | 'http' | 'https' | 'socks4' | 'socks5' | 'quic';
  readonly host: string;
  readonly port: number;
}

/** TLS settings from `ses.setSSLConfig`. */
export interface TlsSettings {
  readonly minVersion?: 'tls1.2' | 'tls1.3';
  readonly maxVersion?: 'tls1.2' | 'tls1.3';
  readonly disabledCipherSuites?: readonly number[];
}

/** What the server presented on a new TLS connection, as Node saw it. */
export interface TlsPeer {
  readonly hostname: string;
  /** DER certificates, leaf first. */
  readonly chain: readonly Buffer[];
  /** Node's verdict (`tls.TLSSocket#authorizationError`), or undefined when trusted. */
  readonly authorizationError: string | undefined;
  /** True for an HTTPS proxy's connection: a certificate error there never reaches `'certificate-error'`. */
  readonly proxy?: boolean;
}

export interface TransportRequest {
  readonly id: number;
  readonly url: URL;
  readonly method: string;
  readonly headers: HeaderList;
  /** Bytes, or a stream sent with chunked transfer encoding. */
  readonly body: Uint8Array | AsyncIterable<Uint8Array> | undefined;
  readonly proxy: ProxyHop | undefined;
  readonly tls: TlsSettings | undefined;
  /**
   * Called for each new TLS connection before the request is written; rejecting
   * fails the request with that error (the certificate-verification stage).
   */
  readonly verifyTls: ((peer: TlsPeer) => Promise<void>) | undefined;
  readonly signal: AbortSignal;
  /**
   * Whether the request was cancelled, answered without reading `signal`: the
   * pipeline makes the AbortSignal on first read, and a transport that only
   * polls need not pay for one. Absent for callers outside the pipeline.
   */
  readonly isAborted?: () => boolean;
}

/**
 * A body the transport already holds whole (fixture replay, in-memory answers).
 * The pipeline hands such bodies over without streaming them chunk by chunk,
 * as Chromium completes a small response before the consumer reads it.
 */
export class BufferedBody implements AsyncIterable<Uint8Array> {
  constructor(readonly bytes: Uint8Array) {}

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    if (this.bytes.byteLength > 0) yield this.bytes;
  }
}

export interface TransportResponse {
  readonly status: number;
  readonly statusText: string;
  readonly httpVersion: string;
  readonly headers: HeaderList;
  /** Decoded-on-the-wire body chunks, or null for no body. */
  readonly body: AsyncIterable<Uint8Array> | null;
  readonly remoteAddress?: string;
}

/**
 * How requests leave the fake. Implementations: the live transport (Node's own
 * HTTP stack, so real servers, msw and nock all answer), the in-process transport
 * (a `(Request) => Response` handler) and the fixture transport (HAR replay).
 * A transport MUST settle `dispatch` exactly once, MUST reject with a `NetError`
 * for network failures, and MUST stop reading when `signal` aborts.
 */
export interface Transport {
  readonly name: string;
  dispatch(request: TransportRequest): Promise<TransportResponse>;
  /** Drops pooled connections (`closeAllConnections`) and releases resources. */
  close(): Promise<void>;
}
