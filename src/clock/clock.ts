import type { Clock as FakeTimersClock, TimerId } from '@sinonjs/fake-timers';

/** Opaque handle returned by {@link Clock.setTimeout}. */
export type TimerHandle = { readonly __timer: true } | TimerId | NodeJS.Timeout;

/**
 * The only source of time inside the fake. Everything that depends on time
 * (cookie expiry, cache freshness, emulation latency, download progress, PAC
 * `dateRange`) reads it, so a test that controls the clock controls the fake.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** A `@sinonjs/fake-timers` clock, created with `createClock()` or `install()`. */
export type SinonClock = FakeTimersClock;

/**
 * The default clock reads the global timers *at call time*, so `jest.useFakeTimers()`
 * or sinon's `install()` made after the fake was created still control it.
 */
export function createGlobalClock(): Clock {
  return {
    now: () => globalThis.Date.now(),
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => {
      globalThis.clearTimeout(handle as NodeJS.Timeout);
    },
  };
}

/** Wraps a `@sinonjs/fake-timers` clock as the fake's {@link Clock}. */
export function fromSinonClock(clock: SinonClock): Clock {
  return {
    now: () => clock.now,
    setTimeout: (callback, ms) => clock.setTimeout(callback, ms) as TimerHandle,
    clearTimeout: (handle) => {
      clock.clearTimeout(handle as TimerId);
    },
  };
}

/** Accepts either one of our clocks or a sinon clock and returns one of ours. */
export function toClock(clock: Clock | SinonClock | undefined): Clock {
  if (clock === undefined) return createGlobalClock();
  if (typeof (clock as SinonClock).tick === 'function') return fromSinonClock(clock as SinonClock);
  return clock as Clock;
}

/** Seconds since the epoch, as Electron reports cookie and download times. */
export function nowInSeconds(clock: Clock): number {
  return clock.now() / 1000;
}

// Chromium answers many calls "on a later task" (a posted task, not a timer).
// Fake timers must not freeze those, so the real setImmediate is captured once
// at load time, before any test installs fake timers.
const realSetImmediate = globalThis.setImmediate;

/** Runs `callback` on a later task of the event loop, independent of fake time. */
export function postTask(callback: () => void): void {
  realSetImmediate(callback);
}

/** Resolves on a later task (Chromium's "PostTask then reply"). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    realSetImmediate(resolve);
  });
}
