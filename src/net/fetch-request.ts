import type { CacheMode, RedirectMode } from '../pipeline/exchange';
import type { SessionFetchInit } from './session-fetch';
import { neverAborted } from '../pipeline/request-abort';

/** What the pipeline needs from a `fetch(input, init)` call. */
export interface FetchRequestParts {
  url: string;
  method: string;
  headers: [string, string][];
  body: Uint8Array | undefined;
  credentials: RequestCredentials;
  redirect: RedirectMode;
  cache: CacheMode;
  referrer: string;
  signal: AbortSignal;
}

const standardMethods = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH']);
const simpleInitKeys = new Set([
  'method',
  'headers',
  'body',
  'signal',
  'credentials',
  'redirect',
  'cache',
  'bypassCustomProtocolHandlers',
]);

function isSimple(
  input: string | Request,
  init: SessionFetchInit | undefined,
): init is SessionFetchInit | undefined {
  if (typeof input !== 'string') return false;
  if (init === undefined) return true;
  for (const key of Object.keys(init)) if (!simpleInitKeys.has(key)) return false;
  // `Request` refuses it outside 'same-origin' mode; let it say so.
  if (init.cache === 'only-if-cached') return false;
  const body = init.body;
  if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array))
    return false;
  return init.method === undefined || standardMethods.has(init.method.toUpperCase());
}

/**
 * Reads a fetch call the way the Fetch API's `Request` would. The common case
 * (a URL string, a standard method, string or byte body) is read directly,
 * which keeps `net.fetch` cheap; anything else goes through `new Request`, so
 * the platform's validation and body encodings apply unchanged.
 */
export async function fetchRequestParts(
  input: string | Request,
  init?: SessionFetchInit,
): Promise<FetchRequestParts> {
  if (!isSimple(input, init)) return fromRequest(new Request(input, init));
  let url: URL;
  try {
    url = new URL(input as string);
  } catch (error) {
    throw new TypeError(`Failed to parse URL from ${String(input)}`, { cause: error });
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError(
      `Request cannot be constructed from a URL that includes credentials: ${String(input)}`,
    );
  }
  const method = init?.method === undefined ? 'GET' : init.method.toUpperCase();
  const headers = init?.headers === undefined ? undefined : new Headers(init.headers);
  const rawBody = init?.body ?? undefined;
  if (rawBody !== undefined && (method === 'GET' || method === 'HEAD')) {
    throw new TypeError('Request with GET/HEAD method cannot have body.');
  }
  const list: [string, string][] = [];
  let body: Uint8Array | undefined;
  if (typeof rawBody === 'string') {
    body = Buffer.from(rawBody, 'utf8');
    if (headers === undefined) list.push(['content-type', 'text/plain;charset=UTF-8']);
    else if (!headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
  } else if (rawBody instanceof Uint8Array) body = rawBody;
  headers?.forEach((value, name) => list.push([name, value]));
  return {
    url: url.href,
    method,
    headers: list,
    body,
    credentials: init?.credentials ?? 'same-origin',
    redirect: init?.redirect ?? 'follow',
    cache: (init?.cache ?? 'default') as CacheMode,
    referrer: '',
    signal: init?.signal ?? neverAborted,
  };
}

async function fromRequest(request: Request): Promise<FetchRequestParts> {
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => headers.push([name, value]));
  return {
    url: request.url,
    method: request.method,
    headers,
    body: request.body === null ? undefined : new Uint8Array(await request.arrayBuffer()),
    credentials: request.credentials,
    redirect: request.redirect,
    cache: request.cache as CacheMode,
    referrer:
      request.referrer === 'about:client' || request.referrer === 'no-referrer' ? '' : request.referrer,
    signal: request.signal,
  };
}
