import { netErrorList } from '../../src/errors/net-error-list';
import {
  NetError,
  isNetError,
  isNetErrorCode,
  netErrorFromErrno,
  netErrorString,
} from '../../src/errors/net-error';

it('a net error’s message is exactly what Electron rejects with', () => {
  const error = new NetError('ERR_CONNECTION_REFUSED');
  expect(error.message).toBe('net::ERR_CONNECTION_REFUSED');
  expect(error.errno).toBe(-102);
  expect(error.code).toBe('ERR_CONNECTION_REFUSED');
  expect(error.description).toBe('A connection attempt was refused.');
});

it('netErrorString formats 0 as net::OK and known codes with their names', () => {
  expect(netErrorString(0)).toBe('net::OK');
  expect(netErrorString(-202)).toBe('net::ERR_CERT_AUTHORITY_INVALID');
  expect(netErrorString(-20)).toBe('net::ERR_BLOCKED_BY_CLIENT');
});

it('an unknown errno becomes ERR_FAILED', () => {
  const error = netErrorFromErrno(-9999);
  expect(error.code).toBe('ERR_FAILED');
  expect(error.errno).toBe(-2);
  expect(error.message).toBe('net::ERR_FAILED');
});

it('a known errno keeps its code', () => {
  expect(netErrorFromErrno(-105).message).toBe('net::ERR_NAME_NOT_RESOLVED');
});

it('instanceof and isNetError recognise errors made by a second copy of the module', () => {
  let Other: typeof NetError | undefined;
  jest.isolateModules(() => {
    Other = jest.requireActual<{ NetError: typeof NetError }>('../../src/errors/net-error').NetError;
  });
  expect(Other).toBeDefined();
  expect(Other).not.toBe(NetError);
  const foreign = new Other!('ERR_TIMED_OUT');
  expect(foreign instanceof NetError).toBe(true);
  expect(isNetError(foreign, 'ERR_TIMED_OUT')).toBe(true);
  expect(new NetError('ERR_ABORTED') instanceof Other!).toBe(true);
});

it('plain errors are not net errors', () => {
  expect(new Error('net::ERR_FAILED') instanceof NetError).toBe(false);
  expect(isNetError({ message: 'net::ERR_FAILED' })).toBe(false);
});

it('isNetErrorCode accepts only names from the table', () => {
  expect(isNetErrorCode('ERR_CERT_DATE_INVALID')).toBe(true);
  expect(isNetErrorCode('ERR_NOT_A_THING')).toBe(false);
  expect(isNetErrorCode('CERT_DATE_INVALID')).toBe(false);
});

it('the table has no duplicate names or codes', () => {
  const names = netErrorList.map(([name]) => name);
  const codes = netErrorList.map(([, code]) => code);
  expect(new Set(names).size).toBe(names.length);
  expect(new Set(codes).size).toBe(codes.length);
});

it('the table holds every entry of net_error_list.h, from IO_PENDING to BLOB_REFERENCED_FILE_UNAVAILABLE', () => {
  expect(netErrorList).toHaveLength(242);
  expect(netErrorList[0]).toEqual(['IO_PENDING', -1, expect.stringContaining('not yet complete')]);
  expect(netErrorList.at(-1)?.slice(0, 2)).toEqual(['BLOB_REFERENCED_FILE_UNAVAILABLE', -906]);
  expect(
    codesOf(['CERT_END', 'DNS_SECURE_PROBE_RECORD_INVALID', 'PROXY_UNABLE_TO_CONNECT_TO_DESTINATION']),
  ).toEqual([-220, -814, -186]);
});

it('obsolete, commented-out entries are not in the table', () => {
  expect(isNetErrorCode('ERR_H2_OR_QUIC_REQUIRED')).toBe(false);
  expect(isNetErrorCode('ERR_HTTP2_PUSHED_STREAM_NOT_AVAILABLE')).toBe(false);
  expect(isNetErrorCode('ERR_FTP_FAILED')).toBe(false);
});

it('descriptions join the comment lines above each entry into one block', () => {
  const [, , description] = netErrorList.find(([name]) => name === 'UNEXPECTED')!;
  expect(description).toBe(
    'An unexpected error.  This may be caused by a programming mistake or an invalid assumption.',
  );
  const [, , authority] = netErrorList.find(([name]) => name === 'CERT_AUTHORITY_INVALID')!;
  expect(authority).toMatch(
    /^The server responded with a certificate that is signed by an authority we don't trust\.  The could mean: 1\. /,
  );
});

it('every entry is a negative integer code with a non-empty description', () => {
  for (const [name, code, description] of netErrorList) {
    expect(name).toMatch(/^[A-Z0-9_]+$/);
    expect(Number.isInteger(code) && code < 0).toBe(true);
    expect(description.length).toBeGreaterThan(0);
  }
});

function codesOf(names: readonly string[]): number[] {
  return names.map((wanted) => netErrorList.find(([name]) => name === wanted)![1]);
}
