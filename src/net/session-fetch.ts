import { runRequest } from '../pipeline/pipeline';
import type { SessionInternals } from '../session/session-internals';
import { BufferedBody, type HeaderList } from '../transports/transport';
import { fetchRequestParts } from './fetch-request';
import { credentialPolicy } from './credentials';

/** `fetch` init plus Electron's extra option. */
export type SessionFetchInit = RequestInit & { bypassCustomProtocolHandlers?: boolean };

// Fetch "null body status" (101, 103, 204, 205, 304) must not carry a body.
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

function toStream(body: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * `ses.fetch` / `net.fetch` (Electron lib/browser/api/net-fetch.ts): custom
 * schemes and `file:` allowed, `data:`/`blob:` not; the Request's default
 * credentials `'same-origin'` without an Origin header becomes `'include'`,
 * so session cookies are sent and stored by default.
 */
export async function sessionFetch(
  session: SessionInternals,
  input: string | Request,
  init?: SessionFetchInit,
): Promise<Response> {
  const request = await fetchRequestParts(input, init);
  const { url } = request;
  // data: and blob: have no URL loader in the network service, so they reach the
  // pipeline's unknown-scheme failure (net::ERR_UNKNOWN_URL_SCHEME) like any unhandled scheme.
  const origin = request.headers.find(([name]) => name === 'origin')?.[1];
  const credentials =
    request.credentials === 'same-origin' && origin === undefined ? 'include' : request.credentials;
  const response = await runRequest({
    session,
    url,
    method: request.method,
    headers: request.headers,
    body: request.body,
    resourceType: 'other',
    referrer: request.referrer,
    origin,
    ...credentialPolicy(credentials, false, url, origin),
    redirect: request.redirect,
    cache: request.cache,
    bypassCustomProtocolHandlers: init?.bypassCustomProtocolHandlers === true,
    allowNonHttpSchemes: true,
    webContents: undefined,
    signal: request.signal,
    onRedirect: undefined,
    onLogin: undefined,
  }).catch((error: unknown) => {
    // Electron's net-fetch.ts rejects an aborted fetch with the signal's reason.
    throw request.signal.aborted ? (request.signal.reason as unknown) : error;
  });
  const noBody =
    nullBodyStatuses.has(response.statusCode) || request.method === 'HEAD' || response.body === null;
  if (noBody && response.body !== null) for await (const chunk of response.body) void chunk;
  const status = response.statusCode;
  const body = response.body;
  const responseBody =
    noBody || body === null ? null : body instanceof BufferedBody ? body.bytes : toStream(body);
  const responseInit = {
    // The Response constructor only takes 200–599; informational answers are reported as-is where possible.
    status: status < 200 || status > 599 ? 200 : status,
    statusText: response.statusMessage,
    headers: response.headers as [string, string][],
  };
  try {
    return new Response(responseBody as BodyInit | null, responseInit);
  } catch {
    // A header the Fetch API refuses is dropped, as undici would; the rest stay.
    // Anything else the constructor refuses, it refuses again here.
    return new Response(responseBody as BodyInit | null, {
      ...responseInit,
      headers: acceptedHeaders(response.headers),
    });
  }
}

function acceptedHeaders(headers: HeaderList): Headers {
  const accepted = new Headers();
  for (const [name, value] of headers) {
    try {
      accepted.append(name, value);
    } catch {
      // Refused: left out.
    }
  }
  return accepted;
}
