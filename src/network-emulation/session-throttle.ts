import type { SessionInternals } from '../session/session-internals';
import { HarnessError } from '../errors/harness-error';
import { NetworkThrottle } from './network-throttle';

/**
 * How `enableNetworkEmulation` acts on requests: `'chromium'` applies the
 * conditions as Chromium's throttle would; `'electron-actual'` only stores
 * them, as Electron 7 and later do (electron/electron#21250).
 */
export type EmulationFidelity = 'chromium' | 'electron-actual';

/** Reads `createElectronFake({ emulation })`. */
export function emulationFidelity(value: unknown): EmulationFidelity {
  if (value === undefined || value === 'chromium') return 'chromium';
  if (value === 'electron-actual') return value;
  throw new HarnessError(
    'INVALID_OPTION',
    `Failed to create the fake: emulation must be 'chromium' or 'electron-actual', not ${JSON.stringify(value)}. Leave it out for Chromium's throttling.`,
  );
}

const throttles = new WeakMap<SessionInternals, NetworkThrottle>();

function applies(internals: SessionInternals): boolean {
  return internals.runtime.emulation !== 'electron-actual';
}

/** The session's throttle while its conditions apply to requests, else undefined. */
export function sessionThrottle(internals: SessionInternals): NetworkThrottle | undefined {
  return applies(internals) ? throttles.get(internals) : undefined;
}

/** Hands the session's current `enableNetworkEmulation` conditions (or none) to its throttle. */
export function applyNetworkConditions(internals: SessionInternals): void {
  if (!applies(internals)) return;
  const conditions = internals.emulation;
  let throttle = throttles.get(internals);
  if (throttle === undefined) {
    if (conditions === undefined) return;
    throttle = new NetworkThrottle(internals.runtime.clock);
    throttles.set(internals, throttle);
  }
  throttle.update(
    conditions === undefined
      ? undefined
      : {
          offline: conditions.offline === true,
          latency: conditions.latency ?? 0,
          downloadThroughput: conditions.downloadThroughput ?? 0,
          uploadThroughput: conditions.uploadThroughput ?? 0,
        },
  );
}
