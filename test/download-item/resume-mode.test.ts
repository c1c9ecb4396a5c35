import { isDownloadDone, resumeMode } from '../../src/download-item/resume-mode';
import type { InterruptReason } from '../../src/download-item/interrupt-reason';

const url = 'https://example.com/file.zip';

it.each<[InterruptReason, string]>([
  ['NETWORK_TIMEOUT', 'IMMEDIATE_CONTINUE'],
  ['FILE_TRANSIENT_ERROR', 'IMMEDIATE_CONTINUE'],
  ['SERVER_CONTENT_LENGTH_MISMATCH', 'IMMEDIATE_CONTINUE'],
  ['SERVER_NO_RANGE', 'IMMEDIATE_RESTART'],
  ['FILE_HASH_MISMATCH', 'IMMEDIATE_RESTART'],
  ['FILE_TOO_SHORT', 'IMMEDIATE_RESTART'],
  ['NETWORK_FAILED', 'USER_CONTINUE'],
  ['NETWORK_DISCONNECTED', 'USER_CONTINUE'],
  ['NETWORK_SERVER_DOWN', 'USER_CONTINUE'],
  ['SERVER_FAILED', 'USER_CONTINUE'],
  ['SERVER_UNREACHABLE', 'USER_CONTINUE'],
  ['CRASH', 'USER_CONTINUE'],
  ['FILE_NO_SPACE', 'USER_CONTINUE'],
  ['FILE_FAILED', 'USER_RESTART'],
  ['FILE_ACCESS_DENIED', 'USER_RESTART'],
  ['FILE_NAME_TOO_LONG', 'USER_RESTART'],
  ['FILE_TOO_LARGE', 'USER_RESTART'],
  ['SERVER_UNAUTHORIZED', 'INVALID'],
  ['SERVER_FORBIDDEN', 'INVALID'],
  ['SERVER_BAD_CONTENT', 'INVALID'],
  ['USER_CANCELED', 'INVALID'],
  ['FILE_BLOCKED', 'INVALID'],
  ['SERVER_CERT_PROBLEM', 'INVALID'],
  ['NETWORK_INVALID_REQUEST', 'INVALID'],
])('resumes an http download interrupted by %s in mode %s', (reason, mode) => {
  expect(resumeMode(url, reason, false, false)).toBe(mode);
});

it('combines a required restart and a required user action', () => {
  expect(resumeMode(url, 'NETWORK_TIMEOUT', true, false)).toBe('IMMEDIATE_RESTART');
  expect(resumeMode(url, 'NETWORK_TIMEOUT', false, true)).toBe('USER_CONTINUE');
  expect(resumeMode(url, 'NETWORK_TIMEOUT', true, true)).toBe('USER_RESTART');
  expect(resumeMode(url, 'NETWORK_FAILED', true, false)).toBe('USER_RESTART');
});

it('never resumes a download that is not http(s)', () => {
  expect(resumeMode('file:///tmp/a.pdf', 'NETWORK_TIMEOUT', false, false)).toBe('INVALID');
  expect(resumeMode('custom-dl://item', 'NETWORK_FAILED', false, false)).toBe('INVALID');
});

it('calls an interrupted download done only when it can never resume', () => {
  expect(isDownloadDone(url, 'interrupted', 'NETWORK_FAILED')).toBe(false);
  expect(isDownloadDone(url, 'interrupted', 'SERVER_UNAUTHORIZED')).toBe(true);
  expect(isDownloadDone('file:///missing.pdf', 'interrupted', 'NETWORK_FAILED')).toBe(true);
  expect(isDownloadDone(url, 'completed', 'NONE')).toBe(true);
  expect(isDownloadDone(url, 'cancelled', 'USER_CANCELED')).toBe(true);
  expect(isDownloadDone(url, 'progressing', 'NONE')).toBe(false);
});
