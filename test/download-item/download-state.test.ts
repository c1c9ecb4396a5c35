import { externalState, isValidTransition, type InternalState } from '../../src/download-item/download-state';

it.each<[InternalState, string]>([
  ['INITIAL', 'progressing'],
  ['TARGET_PENDING', 'progressing'],
  ['INTERRUPTED_TARGET_PENDING', 'progressing'],
  ['TARGET_RESOLVED', 'progressing'],
  ['IN_PROGRESS', 'progressing'],
  ['COMPLETING', 'progressing'],
  ['COMPLETE', 'completed'],
  ['INTERRUPTED', 'interrupted'],
  ['RESUMING', 'progressing'],
  ['CANCELLED', 'cancelled'],
])('reports the internal state %s as %s', (state, external) => {
  expect(externalState(state)).toBe(external);
});

it('allows only the transitions Chromium allows', () => {
  expect(isValidTransition('INITIAL', 'TARGET_PENDING')).toBe(true);
  expect(isValidTransition('INITIAL', 'INTERRUPTED_TARGET_PENDING')).toBe(true);
  expect(isValidTransition('INTERRUPTED_TARGET_PENDING', 'TARGET_RESOLVED')).toBe(true);
  expect(isValidTransition('TARGET_RESOLVED', 'INTERRUPTED')).toBe(true);
  expect(isValidTransition('IN_PROGRESS', 'COMPLETING')).toBe(true);
  expect(isValidTransition('INTERRUPTED', 'RESUMING')).toBe(true);
  expect(isValidTransition('RESUMING', 'TARGET_PENDING')).toBe(true);
  expect(isValidTransition('TARGET_PENDING', 'IN_PROGRESS')).toBe(false);
  expect(isValidTransition('TARGET_PENDING', 'INTERRUPTED')).toBe(false);
  expect(isValidTransition('IN_PROGRESS', 'COMPLETE')).toBe(false);
  expect(isValidTransition('INTERRUPTED', 'IN_PROGRESS')).toBe(false);
});

it('never leaves COMPLETE or CANCELLED', () => {
  const all: InternalState[] = [
    'INITIAL',
    'TARGET_PENDING',
    'INTERRUPTED_TARGET_PENDING',
    'TARGET_RESOLVED',
    'IN_PROGRESS',
    'COMPLETING',
    'COMPLETE',
    'INTERRUPTED',
    'RESUMING',
    'CANCELLED',
  ];
  for (const to of all) {
    expect(isValidTransition('COMPLETE', to)).toBe(false);
    expect(isValidTransition('CANCELLED', to)).toBe(false);
  }
});
