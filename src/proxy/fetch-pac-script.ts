import type { Runtime } from '../runtime/runtime';
import type { TlsSettings } from '../transports/transport';

let pacRequestId = 0;

/**
 * Chromium's `PacFileFetcherImpl`: the network context fetches the script
 * itself, directly (`LOAD_BYPASS_PROXY`), without credentials, and outside
 * the loader factories, so neither the proxy being configured, nor
 * `webRequest`, nor protocol handlers, nor cookies see the request. Only a
 * 200 answer counts; `data:` URLs are decoded in place.
 */
export async function fetchPacScript(
  runtime: Runtime,
  url: string,
  tls: TlsSettings | undefined,
): Promise<string> {
  const target = new URL(url);
  if (target.protocol === 'data:') return (await fetch(target)).text();
  const response = await runtime.transport.dispatch({
    id: --pacRequestId,
    url: target,
    method: 'GET',
    headers: [],
    body: undefined,
    proxy: undefined,
    tls,
    verifyTls: undefined,
    signal: new AbortController().signal,
  });
  const chunks: Buffer[] = [];
  if (response.body !== null) for await (const chunk of response.body) chunks.push(Buffer.from(chunk));
  if (response.status !== 200) throw new Error(`PAC script fetch answered HTTP ${response.status}`);
  return Buffer.concat(chunks).toString('utf8');
}
