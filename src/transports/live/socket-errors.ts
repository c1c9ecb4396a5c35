import { NetError, type NetErrorCode } from '../../errors/net-error';

// Node/libuv and OpenSSL failures → the net error Chromium reports for them.
const byErrno: Record<string, NetErrorCode> = {
  ECONNREFUSED: 'ERR_CONNECTION_REFUSED',
  ECONNRESET: 'ERR_CONNECTION_RESET',
  ECONNABORTED: 'ERR_CONNECTION_ABORTED',
  EPIPE: 'ERR_CONNECTION_RESET',
  ETIMEDOUT: 'ERR_CONNECTION_TIMED_OUT',
  ENOTFOUND: 'ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'ERR_NAME_NOT_RESOLVED',
  EAI_NONAME: 'ERR_NAME_NOT_RESOLVED',
  EHOSTUNREACH: 'ERR_ADDRESS_UNREACHABLE',
  ENETUNREACH: 'ERR_INTERNET_DISCONNECTED',
  EADDRNOTAVAIL: 'ERR_ADDRESS_INVALID',
  HPE_INVALID_CONSTANT: 'ERR_INVALID_HTTP_RESPONSE',
  HPE_INVALID_STATUS: 'ERR_INVALID_HTTP_RESPONSE',
  HPE_INVALID_HEADER_TOKEN: 'ERR_INVALID_HTTP_RESPONSE',
  HPE_HEADER_OVERFLOW: 'ERR_RESPONSE_HEADERS_TOO_BIG',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH',
  ERR_SSL_NO_CIPHERS_AVAILABLE: 'ERR_SSL_VERSION_OR_CIPHER_MISMATCH',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'ERR_SSL_VERSION_OR_CIPHER_MISMATCH',
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'ERR_SSL_VERSION_OR_CIPHER_MISMATCH',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'ERR_SSL_VERSION_OR_CIPHER_MISMATCH',
  ERR_SSL_WRONG_VERSION_NUMBER: 'ERR_SSL_PROTOCOL_ERROR',
};

/**
 * Node's own ECONNRESET for a peer that closed the connection ('socket hang up',
 * 'aborted'), as opposed to a TCP reset, which comes from a syscall ('read ECONNRESET').
 */
function isPeerClose(error: unknown): boolean {
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  return code === 'ECONNRESET' && syscall === undefined;
}

/**
 * Maps a socket or parser error to Chromium's net error, as
 * HttpStreamParser::DoReadHeadersComplete does: a server that closed without
 * answering is ERR_EMPTY_RESPONSE (as Electron's net spec expects), one that
 * closed in the middle of an HTTPS response head ERR_RESPONSE_HEADERS_TRUNCATED;
 * every other error, a reset included, passes through.
 */
export function netErrorFromSocketError(
  error: unknown,
  gotResponse: boolean,
  secureHeadStarted = false,
): NetError {
  if (error instanceof NetError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (!gotResponse && isPeerClose(error))
      return new NetError(secureHeadStarted ? 'ERR_RESPONSE_HEADERS_TRUNCATED' : 'ERR_EMPTY_RESPONSE', {
        cause: error,
      });
    const mapped = byErrno[code];
    if (mapped !== undefined) return new NetError(mapped, { cause: error });
    if (code.startsWith('ERR_SSL_')) return new NetError('ERR_SSL_PROTOCOL_ERROR', { cause: error });
    if (code.startsWith('HPE_')) return new NetError('ERR_INVALID_HTTP_RESPONSE', { cause: error });
  }
  return new NetError('ERR_FAILED', { cause: error });
}

/**
 * The error for a response body cut short. When the server closed the
 * connection before the Content-Length it announced, or before the last chunk,
 * Chromium reports the framing (HttpStreamParser::DoReadBodyComplete); a reset,
 * which Node reports on the request (`resetError`), stays ERR_CONNECTION_RESET.
 */
export function netErrorForBody(
  error: unknown,
  resetError: unknown,
  headers: { readonly 'transfer-encoding'?: string | undefined },
): NetError {
  if (!isPeerClose(error)) return netErrorFromSocketError(error, true);
  if (resetError !== undefined) return netErrorFromSocketError(resetError, true);
  return /chunked/i.test(headers['transfer-encoding'] ?? '')
    ? new NetError('ERR_INCOMPLETE_CHUNKED_ENCODING', { cause: error })
    : new NetError('ERR_CONTENT_LENGTH_MISMATCH', { cause: error });
}
