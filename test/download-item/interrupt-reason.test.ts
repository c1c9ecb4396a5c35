import { reasonFromNetError, reasonFromResponse } from '../../src/download-item/interrupt-reason';
import type { NetErrorCode } from '../../src/errors/net-error';

it.each([
  [200, 'NONE'],
  [201, 'NONE'],
  [202, 'NONE'],
  [203, 'NONE'],
  [204, 'SERVER_BAD_CONTENT'],
  [205, 'SERVER_BAD_CONTENT'],
  [404, 'SERVER_BAD_CONTENT'],
  [401, 'SERVER_UNAUTHORIZED'],
  [407, 'SERVER_UNAUTHORIZED'],
  [403, 'SERVER_FORBIDDEN'],
  [416, 'SERVER_NO_RANGE'],
  [500, 'SERVER_FAILED'],
  [410, 'SERVER_FAILED'],
])('a %d answer to a full request means %s', (statusCode, reason) => {
  expect(reasonFromResponse({ statusCode, contentRange: undefined, offset: 0 })).toEqual({
    reason,
    restart: false,
  });
});

it('restarts from zero when a partial request is answered in full', () => {
  expect(reasonFromResponse({ statusCode: 200, contentRange: undefined, offset: 100 })).toEqual({
    reason: 'NONE',
    restart: true,
  });
});

it('accepts a 206 only for the byte it asked for', () => {
  expect(reasonFromResponse({ statusCode: 206, contentRange: 'bytes 100-199/200', offset: 100 }).reason).toBe(
    'NONE',
  );
  expect(reasonFromResponse({ statusCode: 206, contentRange: 'bytes 50-199/200', offset: 100 }).reason).toBe(
    'SERVER_NO_RANGE',
  );
  expect(reasonFromResponse({ statusCode: 206, contentRange: undefined, offset: 100 }).reason).toBe(
    'SERVER_BAD_CONTENT',
  );
  expect(reasonFromResponse({ statusCode: 206, contentRange: 'bytes 100-99/200', offset: 100 }).reason).toBe(
    'SERVER_BAD_CONTENT',
  );
  expect(reasonFromResponse({ statusCode: 206, contentRange: 'bytes 0-99/100', offset: 0 }).reason).toBe(
    'SERVER_BAD_CONTENT',
  );
});

it.each<[NetErrorCode, string]>([
  ['ERR_TIMED_OUT', 'NETWORK_TIMEOUT'],
  ['ERR_INTERNET_DISCONNECTED', 'NETWORK_DISCONNECTED'],
  ['ERR_NETWORK_CHANGED', 'NETWORK_DISCONNECTED'],
  ['ERR_CONNECTION_FAILED', 'NETWORK_SERVER_DOWN'],
  ['ERR_REQUEST_RANGE_NOT_SATISFIABLE', 'SERVER_NO_RANGE'],
  ['ERR_CONTENT_LENGTH_MISMATCH', 'SERVER_CONTENT_LENGTH_MISMATCH'],
  ['ERR_FILE_NO_SPACE', 'FILE_NO_SPACE'],
  ['ERR_ACCESS_DENIED', 'FILE_ACCESS_DENIED'],
  ['ERR_BLOCKED_BY_CLIENT', 'FILE_BLOCKED'],
  ['ERR_ABORTED', 'USER_CANCELED'],
  ['ERR_CERT_AUTHORITY_INVALID', 'SERVER_CERT_PROBLEM'],
  ['ERR_CONNECTION_RESET', 'NETWORK_FAILED'],
  ['ERR_CONNECTION_REFUSED', 'NETWORK_FAILED'],
  ['ERR_FILE_NOT_FOUND', 'NETWORK_FAILED'],
])('a request failing with %s interrupts with %s', (code, reason) => {
  expect(reasonFromNetError(code, false)).toBe(reason);
});

it('takes a decoding failure of a range request for a server without ranges', () => {
  expect(reasonFromNetError('ERR_CONTENT_DECODING_FAILED', true)).toBe('SERVER_NO_RANGE');
  expect(reasonFromNetError('ERR_CONTENT_DECODING_FAILED', false)).toBe('NETWORK_FAILED');
  expect(reasonFromNetError(undefined, false)).toBe('NETWORK_FAILED');
});
