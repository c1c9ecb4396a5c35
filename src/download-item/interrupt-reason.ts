import type { NetErrorCode } from '../errors/net-error';

/** Chromium's `DownloadInterruptReason` names (JS never sees them; they decide events and resumption). */
export type InterruptReason =
  | 'NONE'
  | 'FILE_FAILED'
  | 'FILE_ACCESS_DENIED'
  | 'FILE_NO_SPACE'
  | 'FILE_NAME_TOO_LONG'
  | 'FILE_TOO_LARGE'
  | 'FILE_VIRUS_INFECTED'
  | 'FILE_TRANSIENT_ERROR'
  | 'FILE_BLOCKED'
  | 'FILE_SECURITY_CHECK_FAILED'
  | 'FILE_TOO_SHORT'
  | 'FILE_HASH_MISMATCH'
  | 'FILE_SAME_AS_SOURCE'
  | 'NETWORK_FAILED'
  | 'NETWORK_TIMEOUT'
  | 'NETWORK_DISCONNECTED'
  | 'NETWORK_SERVER_DOWN'
  | 'NETWORK_INVALID_REQUEST'
  | 'SERVER_FAILED'
  | 'SERVER_NO_RANGE'
  | 'SERVER_BAD_CONTENT'
  | 'SERVER_UNAUTHORIZED'
  | 'SERVER_CERT_PROBLEM'
  | 'SERVER_FORBIDDEN'
  | 'SERVER_UNREACHABLE'
  | 'SERVER_CONTENT_LENGTH_MISMATCH'
  | 'SERVER_CROSS_ORIGIN_REDIRECT'
  | 'USER_CANCELED'
  | 'USER_SHUTDOWN'
  | 'CRASH';

export function isCancellation(reason: InterruptReason): boolean {
  return reason === 'USER_CANCELED' || reason === 'USER_SHUTDOWN';
}

/** A response as the download system judges it (`HandleSuccessfulServerResponse`). */
export interface ResponseVerdictInput {
  readonly statusCode: number;
  /** The `Content-Range` header of a 206, if any. */
  readonly contentRange: string | undefined;
  /** The byte the request asked to start at (`Range: bytes=<offset>-`); 0 for a full request. */
  readonly offset: number;
}

/**
 * The interrupt reason a response status means for a download, and whether a
 * partial request was answered in full (then the download silently restarts
 * from byte 0).
 */
export function reasonFromResponse(input: ResponseVerdictInput): {
  reason: InterruptReason;
  restart: boolean;
} {
  const reason = reasonFromStatus(input.statusCode);
  if (reason !== 'NONE') return { reason, restart: false };
  if (input.offset > 0) {
    if (input.statusCode !== 206) return { reason: 'NONE', restart: true };
    const first = firstByteOf(input.contentRange);
    if (first === undefined) return { reason: 'SERVER_BAD_CONTENT', restart: false };
    return { reason: first === input.offset ? 'NONE' : 'SERVER_NO_RANGE', restart: false };
  }
  return { reason: input.statusCode === 206 ? 'SERVER_BAD_CONTENT' : 'NONE', restart: false };
}

function reasonFromStatus(status: number): InterruptReason {
  switch (status) {
    case 200:
    case 201:
    case 202:
    case 203:
    case 206:
      return 'NONE';
    case 204:
    case 205:
    case 404:
      return 'SERVER_BAD_CONTENT';
    case 416:
      return 'SERVER_NO_RANGE';
    case 401:
    case 407:
      return 'SERVER_UNAUTHORIZED';
    case 403:
      return 'SERVER_FORBIDDEN';
    default:
      return 'SERVER_FAILED';
  }
}

/** `bytes <first>-<last>/<length|*>` → first, when the header is well formed (`GetContentRangeFor206`). */
export function firstByteOf(contentRange: string | undefined): number | undefined {
  const match = /^\s*bytes\s+(\d+)\s*-\s*(\d+)\s*\/\s*(\d+|\*)\s*$/i.exec(contentRange ?? '');
  if (match === null) return undefined;
  const first = Number(match[1]);
  const last = Number(match[2]);
  const length = match[3] === '*' ? undefined : Number(match[3]);
  if (last < first || (length !== undefined && last >= length)) return undefined;
  return first;
}

/** The `length` of a valid `Content-Range` (`*` or malformed: undefined). */
export function completeLengthOf(contentRange: string | undefined): number | undefined {
  if (firstByteOf(contentRange) === undefined) return undefined;
  const length = /\/\s*(\d+)\s*$/.exec(contentRange ?? '')?.[1];
  return length === undefined ? undefined : Number(length);
}

const netErrorReasons: Partial<Record<NetErrorCode, InterruptReason>> = {
  ERR_FILE_TOO_BIG: 'FILE_TOO_LARGE',
  ERR_ACCESS_DENIED: 'FILE_ACCESS_DENIED',
  ERR_INSUFFICIENT_RESOURCES: 'FILE_TRANSIENT_ERROR',
  ERR_OUT_OF_MEMORY: 'FILE_TRANSIENT_ERROR',
  ERR_FILE_PATH_TOO_LONG: 'FILE_NAME_TOO_LONG',
  ERR_FILE_NO_SPACE: 'FILE_NO_SPACE',
  ERR_FILE_VIRUS_INFECTED: 'FILE_VIRUS_INFECTED',
  ERR_BLOCKED_BY_CLIENT: 'FILE_BLOCKED',
  ERR_TIMED_OUT: 'NETWORK_TIMEOUT',
  ERR_NETWORK_CHANGED: 'NETWORK_DISCONNECTED',
  ERR_INTERNET_DISCONNECTED: 'NETWORK_DISCONNECTED',
  ERR_CONNECTION_FAILED: 'NETWORK_SERVER_DOWN',
  ERR_REQUEST_RANGE_NOT_SATISFIABLE: 'SERVER_NO_RANGE',
  ERR_CONTENT_LENGTH_MISMATCH: 'SERVER_CONTENT_LENGTH_MISMATCH',
};

/**
 * The interrupt reason of a request that failed (`HandleRequestCompletionStatus`
 * + `ConvertNetErrorToInterruptReason`); `undefined` is a failure that is not a
 * net error. Certificate errors stand for Chromium's "aborted with a
 * certificate error status".
 */
export function reasonFromNetError(code: NetErrorCode | undefined, partialRequest: boolean): InterruptReason {
  if (code === undefined) return 'NETWORK_FAILED';
  if (code === 'ERR_ABORTED') return 'USER_CANCELED';
  if (code.startsWith('ERR_CERT_')) return 'SERVER_CERT_PROBLEM';
  if (partialRequest && code === 'ERR_CONTENT_DECODING_FAILED') return 'SERVER_NO_RANGE';
  return netErrorReasons[code] ?? 'NETWORK_FAILED';
}
