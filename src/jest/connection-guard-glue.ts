import {
  installConnectionGuard,
  type ConnectionAttempt,
  type ConnectionGuard,
} from '../connection-guard/connection-guard';
import { HarnessError } from '../errors/harness-error';

type Hook = (callback: () => void | Promise<void>) => void;

/** The runner hooks the guard uses: Jest's globals, or Vitest's imports. */
export interface GuardHooks {
  readonly afterEach: Hook;
  readonly afterAll: Hook;
}

function problem(attempts: readonly ConnectionAttempt[]): string {
  const rows = attempts.map(
    ({ target, stack }) => `  ${target}\n${stack.split('\n').slice(0, 3).join('\n')}`,
  );
  return (
    `Failed to replay without the network: this test tried to open ${attempts.length} ` +
    `${attempts.length === 1 ? 'connection' : 'connections'}, refused because CI replays from fixtures.\n` +
    `${rows.join('\n')}\nRecord the missing traffic locally (NET_RECORD_MODE=record-missing) and commit the fixture.`
  );
}

/**
 * Refuses every outgoing TCP connection for the rest of the test file when the
 * run replays in CI (`CI` set, `NET_RECORD_MODE` unset or `replay`), and fails
 * each test that tried one, naming where. Does nothing outside CI or replay.
 * Call it from a setup file (`setupFilesAfterEnv`); Vitest passes its hooks.
 * @example
 * // jest.setup.ts
 * import { guardConnections } from 'electron-session-fake/jest';
 * guardConnections();
 */
export function guardConnections(
  hooks: GuardHooks = globalThis as unknown as GuardHooks,
  options: { env?: Readonly<Record<string, string | undefined>> } = {},
): ConnectionGuard {
  if (typeof hooks.afterEach !== 'function' || typeof hooks.afterAll !== 'function') {
    throw new HarnessError(
      'INVALID_OPTION',
      'Failed to guard connections: the runner has no global afterEach and afterAll. Pass them: guardConnections({ afterEach, afterAll }).',
    );
  }
  const guard = installConnectionGuard(options);
  if (!guard.active) return guard;
  hooks.afterEach(() => {
    const attempts = guard.take();
    if (attempts.length > 0) throw new HarnessError('LIVE_CONNECTION_IN_REPLAY', problem(attempts));
  });
  hooks.afterAll(() => guard.uninstall());
  return guard;
}
