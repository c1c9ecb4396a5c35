/**
 * Chromium's internal download states (`DownloadItemImpl::DownloadInternalState`).
 * JS only ever sees the four strings of {@link externalState}.
 */
export type InternalState =
  | 'INITIAL'
  | 'TARGET_PENDING'
  | 'INTERRUPTED_TARGET_PENDING'
  | 'TARGET_RESOLVED'
  | 'IN_PROGRESS'
  | 'COMPLETING'
  | 'COMPLETE'
  | 'INTERRUPTED'
  | 'RESUMING'
  | 'CANCELLED';

/** What `getState()` and the `'updated'`/`'done'` events report. */
export type DownloadState = 'progressing' | 'completed' | 'cancelled' | 'interrupted';

/** Every internal state before the end is `progressing`, even a failed one awaiting its target. */
export function externalState(state: InternalState): DownloadState {
  switch (state) {
    case 'COMPLETE':
      return 'completed';
    case 'CANCELLED':
      return 'cancelled';
    case 'INTERRUPTED':
      return 'interrupted';
    default:
      return 'progressing';
  }
}

const transitions: Readonly<Record<InternalState, readonly InternalState[]>> = {
  INITIAL: ['TARGET_PENDING', 'INTERRUPTED_TARGET_PENDING'],
  TARGET_PENDING: ['INTERRUPTED_TARGET_PENDING', 'TARGET_RESOLVED', 'CANCELLED'],
  INTERRUPTED_TARGET_PENDING: ['TARGET_RESOLVED', 'CANCELLED'],
  TARGET_RESOLVED: ['IN_PROGRESS', 'INTERRUPTED', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETING', 'CANCELLED', 'INTERRUPTED'],
  COMPLETING: ['COMPLETE'],
  COMPLETE: [],
  INTERRUPTED: ['RESUMING', 'CANCELLED'],
  RESUMING: ['TARGET_PENDING', 'INTERRUPTED_TARGET_PENDING', 'TARGET_RESOLVED', 'CANCELLED'],
  CANCELLED: [],
};

/** `DownloadItemImpl::IsValidStateTransition`. */
export function isValidTransition(from: InternalState, to: InternalState): boolean {
  return transitions[from].includes(to);
}
