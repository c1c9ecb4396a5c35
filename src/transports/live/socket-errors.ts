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
 * Maps a socket or parser error to Chromium's net error. `gotResponseBytes`
 * tells a reset mid-response (ERR_CONNECTION_RESET) from a server that closed
 * without answering (ERR_EMPTY_RESPONSE, as Electron's net spec expects).
 */
export function netErrorFromSocketError(error: unknown, gotResponseBytes: boolean): NetError {
  if (error instanceof NetError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (code === 'ECONNRESET' && !gotResponseBytes)
      return new NetError('ERR_EMPTY_RESPONSE', { cause: error });
    const mapped = byErrno[code];
    if (mapped !== undefined) return new NetError(mapped, { cause: error });
    if (code.startsWith('ERR_SSL_')) return new NetError('ERR_SSL_PROTOCOL_ERROR', { cause: error });
    if (code.startsWith('HPE_')) return new NetError('ERR_INVALID_HTTP_RESPONSE', { cause: error });
  }
  return new NetError('ERR_FAILED', { cause: error });
}
