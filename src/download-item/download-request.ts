import { runRequest } from '../pipeline/pipeline';
import type { PipelineResponse, RedirectInfo } from '../pipeline/exchange';
import type { SessionInternals } from '../session/session-internals';
import type { HeaderList } from '../transports/transport';
import { NetError } from '../errors/net-error';
import { BodyPump } from './body-pump';
import { createInfoFromResponse, failedCreateInfo, type CreateInfo } from './create-info';
import { reasonFromNetError, type InterruptReason } from './interrupt-reason';

/** One network request of a download: the first one, or a resumption. */
export interface DownloadRequestParams {
  readonly url: string;
  readonly headers: HeaderList;
  readonly referrer: string;
  /** The frame that asked (`webContents.downloadURL`), for webRequest details. */
  readonly webContents: { readonly id: number } | undefined;
  /** The byte asked for with `Range` (0 for a full request). */
  readonly offset: number;
  /** Resumptions fail on a redirect to another origin. */
  readonly crossOriginRedirects: 'follow' | 'error';
}

/** A response handed to the download system: what it said, and its body when the download may proceed. */
export interface StartedResponse {
  readonly info: CreateInfo;
  readonly body: BodyPump | undefined;
}

/**
 * Sends a download request through the session's pipeline like any other
 * request (webRequest, cookies, proxy, certificates, recording), as Chromium
 * reports downloads to webRequest: resource type `other`, the HTTP cache
 * bypassed. Never rejects: a failure becomes a create info with its reason.
 */
export async function sendDownloadRequest(
  internals: SessionInternals,
  params: DownloadRequestParams,
): Promise<StartedResponse> {
  const controller = new AbortController();
  let redirectReason: InterruptReason | undefined;
  const onRedirect = (info: RedirectInfo): boolean => {
    if (params.crossOriginRedirects === 'error' && !sameOrigin(params.url, info.redirectUrl)) {
      redirectReason = 'NETWORK_INVALID_REQUEST';
    } else if (params.offset > 0) {
      // A redirect while asking for the rest of a file suggests a middle box.
      redirectReason = 'SERVER_UNREACHABLE';
    }
    return redirectReason === undefined;
  };
  const headers = params.headers.map(([name, value]): [string, string] => [name, value]);
  if (params.referrer !== '' && !headers.some(([name]) => name.toLowerCase() === 'referer')) {
    headers.push(['Referer', params.referrer]);
  }
  let response: PipelineResponse;
  try {
    response = await runRequest({
      session: internals,
      url: params.url,
      method: 'GET',
      headers,
      body: undefined,
      resourceType: 'other',
      referrer: params.referrer,
      origin: undefined,
      useCookies: true,
      allowAuth: true,
      redirect: 'follow',
      cache: 'no-store',
      emulated: false,
      bypassCustomProtocolHandlers: false,
      allowNonHttpSchemes: true,
      webContents: params.webContents,
      signal: controller.signal,
      onRedirect,
      onLogin: undefined,
    });
  } catch (error) {
    const code = error instanceof NetError ? error.code : undefined;
    const reason = reasonFromNetError(code, params.offset > 0);
    return {
      info: failedCreateInfo([params.url], reason === 'NONE' ? 'NETWORK_FAILED' : reason),
      body: undefined,
    };
  }
  if (redirectReason !== undefined) {
    discard(response, controller);
    return { info: failedCreateInfo(response.urlChain, redirectReason), body: undefined };
  }
  return startedFromResponse(response, params.offset, () => controller.abort(new NetError('ERR_ABORTED')));
}

/**
 * A response as the download system takes it over: a failed one (401, 404, a
 * range it did not ask for…) is cancelled without reading its body.
 */
export function startedFromResponse(
  response: PipelineResponse,
  offset: number,
  abort: () => void,
): StartedResponse {
  const info = createInfoFromResponse(response, offset);
  if (info.result !== 'NONE' || response.body === null) {
    if (response.body !== null) new BodyPump(response.body, abort).cancel();
    return { info, body: info.result === 'NONE' ? new BodyPump(emptyBody(), abort) : undefined };
  }
  return { info, body: new BodyPump(response.body, abort) };
}

function discard(response: PipelineResponse, controller: AbortController): void {
  if (response.body !== null) new BodyPump(response.body, () => controller.abort()).cancel();
}

async function* emptyBody(): AsyncIterable<Uint8Array> {}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
