import { getHeader } from '../pipeline/header-list';
import type { HeaderList } from '../transports/transport';
import { reasonFromResponse, type InterruptReason } from './interrupt-reason';
import { strongValidators } from './strong-validators';

/**
 * What the download system learns from a response before any body byte
 * (Chromium's `DownloadCreateInfo`).
 */
export interface CreateInfo {
  /** NONE, or why the download is interrupted before it starts. */
  readonly result: InterruptReason;
  /** Content-Length, or 0. */
  readonly totalBytes: number;
  readonly mimeType: string;
  readonly contentDisposition: string;
  /** Both `''` unless the response has strong validators. */
  readonly etag: string;
  readonly lastModified: string;
  readonly urlChain: readonly string[];
  /** Where the body goes in the file: the requested offset, or 0 when the server sent everything. */
  readonly offset: number;
}

/** The parts of a pipeline response the create info is made of. */
export interface ResponseHead {
  readonly statusCode: number;
  readonly httpVersion: string;
  readonly headers: HeaderList;
  readonly urlChain: readonly string[];
}

export function createInfoFromResponse(head: ResponseHead, requestedOffset: number): CreateInfo {
  const verdict = reasonFromResponse({
    statusCode: head.statusCode,
    contentRange: getHeader(head.headers, 'content-range'),
    offset: requestedOffset,
  });
  const length = Number(getHeader(head.headers, 'content-length') ?? '');
  return {
    result: verdict.reason,
    totalBytes: Number.isSafeInteger(length) && length > 0 ? length : 0,
    mimeType: mimeTypeOf(getHeader(head.headers, 'content-type')),
    contentDisposition: getHeader(head.headers, 'content-disposition') ?? '',
    ...strongValidators(head.httpVersion, head.headers),
    urlChain: head.urlChain.map(canonicalUrl),
    offset: verdict.restart ? 0 : requestedOffset,
  };
}

/** A request that failed before any response (`OnComplete` without a response head). */
export function failedCreateInfo(urlChain: readonly string[], result: InterruptReason): CreateInfo {
  return {
    result,
    totalBytes: 0,
    mimeType: '',
    contentDisposition: '',
    etag: '',
    lastModified: '',
    urlChain: urlChain.map(canonicalUrl),
    offset: 0,
  };
}

/** The MIME type essence, lower-cased, as the network stack reports it. */
function mimeTypeOf(contentType: string | undefined): string {
  const essence = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return /^[^/\s]+\/[^/\s]+$/.test(essence) ? essence : '';
}

/** A URL as GURL spells it (`http://host` → `http://host/`); unparsable text stays as it is. */
export function canonicalUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}
