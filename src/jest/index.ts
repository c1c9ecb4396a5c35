/**
 * electron-session-fake/jest: test-runner glue for Jest and Vitest.
 *
 * - `decisionMatchers`: `expect.extend(decisionMatchers)` adds
 *   `toHaveGrantedPermission`, `toHaveDeniedPermission`,
 *   `toHaveAcceptedCertificate` and `toHaveRejectedCertificate`, asserted on
 *   `fake.decisions` (or `fake`).
 * - Fixture glue, installed on import where the runner's hooks are globals
 *   (Jest; Vitest with `globals: true`): names each test's HAR fixture and
 *   fails a test whose requests found no recording. Otherwise call
 *   `installFixtureGlue({ beforeEach, afterEach, afterAll, expect })`.
 * - `guardConnections()`: in a setup file, refuses every outgoing socket when
 *   the run replays in CI and fails the test that tried one.
 */
import type { DecisionMatchers } from './matchers';
import { installOnGlobals } from './fixture-glue';

export { installFixtureGlue, type RunnerHooks } from './fixture-glue';
export { guardConnections, type GuardHooks } from './connection-guard-glue';
export type { ConnectionAttempt, ConnectionGuard } from '../connection-guard/connection-guard';
export type { RecordingReport, UnusedEntry } from '../fixtures/cassette';

installOnGlobals();

export {
  decisionMatchers,
  type DecisionMatchers,
  type DecisionMatcherResult,
  type PermissionMatcherOptions,
} from './matchers';
export type { Decision, DecisionMaker } from '../decisions/decision';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- @types/jest declares its matchers in the global `jest` namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars -- merged into @types/jest's Matchers, whose type parameters must match
    interface Matchers<R, T = {}> extends DecisionMatchers<R> {}
  }
}
