/**
 * Chromium's net error table (`net/base/net_error_list.h`): name without the
 * `ERR_` prefix, numeric code, and the header's description.
 */
export const netErrorList = [
  ['IO_PENDING', -1, 'An asynchronous IO operation is not yet complete.'],
  ['FAILED', -2, 'A generic failure occurred.'],
  ['ABORTED', -3, 'An operation was aborted (due to user action).'],
  ['INVALID_ARGUMENT', -4, 'An argument to the function is incorrect.'],
  ['UNEXPECTED', -9, 'An unexpected error.  This may be caused by a programming mistake or an invalid assumption.'],
  ['BLOCKED_BY_CLIENT', -20, 'The request was blocked by the URL block list configured by the domain administrator.'],
  ['CONNECTION_CLOSED', -100, 'A connection was closed (corresponding to a TCP FIN).'],
  ['CONNECTION_RESET', -101, 'A connection was reset (corresponding to a TCP RST).'],
  ['CONNECTION_REFUSED', -102, 'A connection attempt was refused.'],
  ['NAME_NOT_RESOLVED', -105, 'The host name could not be resolved.'],
  ['TIMED_OUT', -7, 'An operation timed out.'],
  ['EMPTY_RESPONSE', -324, 'The server closed the connection without sending any data.'],
  ['UNKNOWN_URL_SCHEME', -302, 'The scheme of the URL is unknown.'],
  ['CERT_COMMON_NAME_INVALID', -200, 'The server responded with a certificate whose common name did not match the host name.'],
  ['CERT_DATE_INVALID', -201, 'The server responded with a certificate that, by our clock, appears to either not yet be valid or to have expired.'],
  ['CERT_AUTHORITY_INVALID', -202, 'The server responded with a certificate that is signed by an authority we don\'t trust.'],
] as const satisfies readonly (readonly [string, number, string])[];
