import type { Exchange } from '../pipeline/exchange';
import type { TransportResponse } from '../transports/transport';
import { NetError } from '../errors/net-error';
import { fromFetchResponse, fromProtocolResponse } from './protocol-response';
import { headerRecord } from '../pipeline/header-list';
import { proxyHttpResponse } from './http-protocol';
import { bodyBytes, fetchBody } from '../pipeline/request-body';
import { serveFromSource, validateSource, type ProtocolSource } from './protocol-source';
import { conversionError } from '../session/gin-arguments';

type LegacyKind = 'string' | 'buffer' | 'file' | 'http' | 'stream' | 'any';
type LegacyHandler = (request: ProtocolRequest, callback: (response?: unknown) => void) => void;
type FetchHandler = (request: Request) => Response | Promise<Response>;
type Completion = (error: Error | null) => void;

/** @see https://www.electronjs.org/docs/latest/api/structures/protocol-request */
export interface ProtocolRequest {
  url: string;
  referrer: string;
  method: string;
  headers: Record<string, string>;
  uploadData?: { bytes: Buffer }[];
}

type Entry =
  | { readonly kind: LegacyKind | 'handle'; readonly handler: LegacyHandler | FetchHandler }
  | { readonly kind: 'source'; readonly source: ProtocolSource };

const builtInSchemes = new Set(['http', 'https', 'file']);

function toProtocolRequest(exchange: Exchange): ProtocolRequest {
  const request: ProtocolRequest = {
    url: exchange.url,
    referrer: exchange.referrer,
    method: exchange.method,
    headers: headerRecord(exchange.headers),
  };
  const bytes = bodyBytes(exchange.body);
  if (bytes !== undefined) request.uploadData = [{ bytes: Buffer.from(bytes) }];
  return request;
}

function toFetchRequest(exchange: Exchange): Request {
  const headers = new Headers();
  for (const [name, value] of exchange.headers) {
    // Electron strips an `Origin: null` header before building the Request.
    if (name.toLowerCase() === 'origin' && value === 'null') continue;
    try {
      headers.append(name, value);
    } catch {
      // Invalid for the Fetch API; Chromium would not have sent it either.
    }
  }
  const hasBody = exchange.body !== undefined && exchange.method !== 'GET' && exchange.method !== 'HEAD';
  return new Request(exchange.url, {
    method: exchange.method,
    headers,
    ...(exchange.referrer === '' ? {} : { referrer: exchange.referrer }),
    ...(hasBody && exchange.body !== undefined ? fetchBody(exchange.body) : {}),
  } as RequestInit);
}

/** gin's conversion of `(const std::string& scheme, const ProtocolHandler& handler)`. */
function convertLegacyArguments(scheme: unknown, handler: unknown): void {
  if (typeof scheme !== 'string') throw conversionError(0, scheme);
  if (typeof handler !== 'function') throw conversionError(1, handler);
}

function answer(completion: Completion | undefined, ok: boolean, message: string): boolean {
  if (completion !== undefined) {
    process.emitWarning(
      'The callback argument of protocol module APIs is no longer needed.',
      'DeprecationWarning',
    );
    completion(ok ? null : new Error(message));
  }
  return ok;
}

/**
 * Electron's `Protocol` for one session: `handle`/`unhandle`/`isProtocolHandled`
 * over two tables — built-in schemes are intercepted, others registered — and
 * the deprecated `register*`/`intercept*` family over the same tables.
 * @see https://www.electronjs.org/docs/latest/api/protocol
 */
export class Protocol {
  readonly #registered = new Map<string, Entry>();
  readonly #intercepted = new Map<string, Entry>();

  handle(scheme: string, handler: FetchHandler): void {
    // handle wraps the handler before the native call, so only the scheme is converted.
    if (typeof scheme !== 'string') throw conversionError(0, scheme);
    const table = builtInSchemes.has(scheme) ? this.#intercepted : this.#registered;
    if (table.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    table.set(scheme, { kind: 'handle', handler });
  }

  /** Serves `scheme` from directories of the fake's file system (Electron 45, experimental). */
  registerSource(scheme: string, source: ProtocolSource): void {
    const table = builtInSchemes.has(scheme) ? this.#intercepted : this.#registered;
    const checked = validateSource(scheme, source);
    if (table.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    table.set(scheme, { kind: 'source', source: checked });
  }

  getSource(scheme: string): ProtocolSource | null {
    const entry = (builtInSchemes.has(scheme) ? this.#intercepted : this.#registered).get(scheme);
    return entry?.kind === 'source' ? entry.source : null;
  }

  unhandle(scheme: string): void {
    const table = builtInSchemes.has(scheme) ? this.#intercepted : this.#registered;
    if (!table.delete(scheme)) throw new Error(`Failed to unhandle protocol: ${scheme}`);
  }

  isProtocolHandled(scheme: string): boolean {
    return (builtInSchemes.has(scheme) ? this.#intercepted : this.#registered).has(scheme);
  }

  registerStringProtocol(scheme: string, handler: LegacyHandler, completion?: Completion): boolean {
    return this.#register('string', scheme, handler, completion);
  }
  registerBufferProtocol(scheme: string, handler: LegacyHandler, completion?: Completion): boolean {
    return this.#register('buffer', scheme, handler, completion);
  }
  registerFileProtocol(scheme: string, handler: LegacyHandler, completion?: Completion): boolean {
    return this.#register('file', scheme, handler, completion);
  }
  registerHttpProtocol(scheme: string, handler: LegacyHandler, completion?: Completion): boolean {
    return this.#register('http', scheme, handler, completion);
  }
  registerStreamProtocol(scheme: string, handler: LegacyHandler, completion?: Completion): boolean {
    return this.#register('stream', scheme, handler, completion);
  }
  registerProtocol(scheme: string, handler: LegacyHandler, completion?: Completion): boolean {
    return this.#register('any', scheme, handler, completion);
  }
  unregisterProtocol(scheme: string, completion?: Completion): boolean {
    return answer(completion, this.#registered.delete(scheme), 'The scheme has not been registered');
  }
  isProtocolRegistered(scheme: string): boolean {
    return this.#registered.has(scheme);
  }

  interceptStringProtocol(scheme: string, handler: LegacyHandler, completion?: Completion): boolean {
    return this.#intercept('string', scheme, handler, completion);
  }
  interceptBufferProtocol(scheme: string, handler: LegacyHandler, completion?: Completion): boolean {
    return this.#intercept('buffer', scheme, handler, completion);
  }
  interceptFileProtocol(scheme: string, handler: LegacyHandler, completion?: Completion): boolean {
    return this.#intercept('file', scheme, handler, completion);
  }
  interceptHttpProtocol(scheme: string, handler: LegacyHandler, completion?: Completion): boolean {
    return this.#intercept('http', scheme, handler, completion);
  }
  interceptStreamProtocol(scheme: string, handler: LegacyHandler, completion?: Completion): boolean {
    return this.#intercept('stream', scheme, handler, completion);
  }
  interceptProtocol(scheme: string, handler: LegacyHandler, completion?: Completion): boolean {
    return this.#intercept('any', scheme, handler, completion);
  }
  uninterceptProtocol(scheme: string, completion?: Completion): boolean {
    return answer(completion, this.#intercepted.delete(scheme), 'The scheme has not been intercepted');
  }
  isProtocolIntercepted(scheme: string): boolean {
    return this.#intercepted.has(scheme);
  }

  #register(kind: LegacyKind, scheme: string, handler: LegacyHandler, completion?: Completion): boolean {
    convertLegacyArguments(scheme, handler);
    if (this.#registered.has(scheme)) return answer(completion, false, 'The scheme has been registered');
    this.#registered.set(scheme, { kind, handler });
    return answer(completion, true, '');
  }

  #intercept(kind: LegacyKind, scheme: string, handler: LegacyHandler, completion?: Completion): boolean {
    convertLegacyArguments(scheme, handler);
    if (this.#intercepted.has(scheme)) return answer(completion, false, 'The scheme has been intercepted');
    this.#intercepted.set(scheme, { kind, handler });
    return answer(completion, true, '');
  }

  /** @internal The pipeline's view: the handler answering `url`, if any. */
  handlerFor(url: URL): ((exchange: Exchange) => Promise<TransportResponse>) | undefined {
    const scheme = url.protocol.slice(0, -1);
    const entry = (builtInSchemes.has(scheme) ? this.#intercepted : this.#registered).get(scheme);
    if (entry === undefined) return undefined;
    return (exchange) => runEntry(entry, exchange);
  }
}

async function runEntry(entry: Entry, exchange: Exchange): Promise<TransportResponse> {
  const url = new URL(exchange.url);
  // URLs carrying a username fail in Electron's protocol handler path.
  if (url.username !== '') throw new NetError('ERR_UNEXPECTED');
  if (entry.kind === 'source')
    return serveFromSource(entry.source, url, exchange.method, exchange.session.runtime.fs);
  if (entry.kind === 'handle') {
    let result: unknown;
    try {
      result = await (entry.handler as FetchHandler)(toFetchRequest(exchange));
    } catch (error) {
      console.error(error);
      throw new NetError('ERR_UNEXPECTED', { cause: error });
    }
    return fromFetchResponse(result);
  }
  const value = await new Promise<unknown>((resolve, reject) => {
    let answered = false;
    try {
      (entry.handler as LegacyHandler)(toProtocolRequest(exchange), (response?: unknown) => {
        if (answered) return;
        answered = true;
        resolve(response);
      });
    } catch (error) {
      reject(new NetError('ERR_UNEXPECTED', { cause: error }));
    }
    exchange.signal.addEventListener('abort', () => reject(exchange.signal.reason as Error), { once: true });
  });
  if (
    entry.kind === 'http' ||
    (entry.kind === 'any' && typeof value === 'object' && value !== null && 'url' in value)
  ) {
    return proxyHttpResponse(value, exchange);
  }
  return fromProtocolResponse(entry.kind, value, exchange.session.runtime.fs);
}
