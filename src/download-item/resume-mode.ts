import type { DownloadState } from './download-state';
import type { InterruptReason } from './interrupt-reason';

/** How an interrupted download may go on (`download::ResumeMode`). */
export type ResumeMode =
  'INVALID' | 'IMMEDIATE_CONTINUE' | 'IMMEDIATE_RESTART' | 'USER_CONTINUE' | 'USER_RESTART';

const terminal = new Set<InterruptReason>([
  'NONE',
  'NETWORK_INVALID_REQUEST',
  'FILE_VIRUS_INFECTED',
  'SERVER_BAD_CONTENT',
  'USER_SHUTDOWN',
  'USER_CANCELED',
  'FILE_BLOCKED',
  'FILE_SECURITY_CHECK_FAILED',
  'SERVER_UNAUTHORIZED',
  'SERVER_CERT_PROBLEM',
  'SERVER_FORBIDDEN',
  'SERVER_CROSS_ORIGIN_REDIRECT',
  'FILE_SAME_AS_SOURCE',
]);
const forceRestart = new Set<InterruptReason>(['SERVER_NO_RANGE', 'FILE_HASH_MISMATCH', 'FILE_TOO_SHORT']);
const needUser = new Set<InterruptReason>([
  'NETWORK_FAILED',
  'NETWORK_DISCONNECTED',
  'NETWORK_SERVER_DOWN',
  'SERVER_FAILED',
  'SERVER_UNREACHABLE',
  'CRASH',
  'FILE_NO_SPACE',
]);
const needUserAndRestart = new Set<InterruptReason>([
  'FILE_FAILED',
  'FILE_ACCESS_DENIED',
  'FILE_NAME_TOO_LONG',
  'FILE_TOO_LARGE',
]);

function isHttp(url: string): boolean {
  return /^https?:/i.test(url);
}

/**
 * `GetDownloadResumeMode`: only http(s) downloads resume; the reason may force
 * a restart (the partial file is unusable) or a user action.
 */
export function resumeMode(
  url: string,
  reason: InterruptReason,
  restartRequired: boolean,
  userActionRequired: boolean,
): ResumeMode {
  if (!isHttp(url) || terminal.has(reason)) return 'INVALID';
  let restart = restartRequired;
  let user = userActionRequired;
  if (forceRestart.has(reason)) restart = true;
  if (needUser.has(reason)) user = true;
  if (needUserAndRestart.has(reason)) {
    user = true;
    restart = true;
  }
  if (user && restart) return 'USER_RESTART';
  if (restart) return 'IMMEDIATE_RESTART';
  if (user) return 'USER_CONTINUE';
  return 'IMMEDIATE_CONTINUE';
}

/** `IsDownloadDone`: `'done'` rather than `'updated'` is emitted when this holds. */
export function isDownloadDone(url: string, state: DownloadState, reason: InterruptReason): boolean {
  if (state === 'completed' || state === 'cancelled') return true;
  if (state === 'interrupted') return resumeMode(url, reason, false, false) === 'INVALID';
  return false;
}
