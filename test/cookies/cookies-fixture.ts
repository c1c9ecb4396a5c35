import type * as nodeFs from 'node:fs';
import { createClock } from '@sinonjs/fake-timers';
import { Volume, createFsFromVolume } from 'memfs';
import { fromSinonClock, type SinonClock } from '../../src/clock/clock';
import { Cookies, type CookiesOptions } from '../../src/cookies/cookies';
import type { Cookie } from '../../src/structures/cookie';

/** 2026-01-01T00:00:00Z: every test starts its fake clock here. */
export const start = Date.UTC(2026, 0, 1);
export const url = 'http://127.0.0.1';

export interface Fixture {
  readonly cookies: Cookies;
  readonly clock: SinonClock;
  /** Seconds since the epoch on the fake clock, as Electron apps compute `expirationDate`. */
  readonly nowSeconds: () => number;
}

export function createCookies(
  options: Partial<Omit<CookiesOptions, 'clock'>> = {},
  clock = createClock(start),
): Fixture {
  const cookies = new Cookies({ ...options, clock: fromSinonClock(clock) });
  return { cookies, clock, nowSeconds: () => clock.now / 1000 };
}

export interface RecordedChange {
  readonly cause: string;
  readonly name: string;
  readonly value: string;
  readonly removed: boolean;
}

/** Collects `'changed'` events in the shape Electron's spec compares. */
export function recordChanges(cookies: Cookies): RecordedChange[] {
  const changes: RecordedChange[] = [];
  cookies.on('changed', (_event, cookie: Cookie, cause, removed) => {
    changes.push({ cause, name: cookie.name, value: cookie.value, removed });
  });
  return changes;
}

export function memoryFs(): typeof nodeFs {
  return createFsFromVolume(new Volume()) as unknown as typeof nodeFs;
}
