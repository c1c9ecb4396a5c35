import { HarnessError, type HarnessErrorCode } from '../errors/harness-error';
import type { RecordingReport } from '../fixtures/cassette';
import { currentTest, liveRecorders, setCurrentTest, type CurrentTest } from '../fixtures/test-context';

type Hook = (callback: () => void | Promise<void>) => void;

/** The runner functions the glue uses: Jest's globals, or Vitest's imports. */
export interface RunnerHooks {
  readonly beforeEach: Hook;
  readonly afterEach: Hook;
  readonly afterAll: Hook;
  readonly expect: { getState(): { currentTestName?: string | undefined; testPath?: string | undefined } };
}

const installedKey = Symbol.for('electron-session-fake.fixture-glue.v1');

function sameTest(a: CurrentTest | undefined, b: CurrentTest | undefined): boolean {
  return a !== undefined && b !== undefined && a.name === b.name && a.testPath === b.testPath;
}

function unusedProblem(report: RecordingReport): string {
  const rows = report.unused.map(
    ({ method, url, seq }) => `  ${method} ${url}${seq > 0 ? ` (#${seq + 1})` : ''}`,
  );
  return (
    `Failed to use every recorded request in ${report.fixture}: ${report.unused.length} ` +
    `${report.unused.length === 1 ? 'entry was' : 'entries were'} not requested.\n${rows.join('\n')}\n` +
    "Record the test again to drop them (NET_RECORD_MODE=record), or set recording.onUnused to 'ignore'."
  );
}

/** Ends the running test's recordings: writes fixtures, and collects misses and unused entries. */
async function finishTest(
  test: CurrentTest | undefined,
): Promise<{ code: HarnessErrorCode; message: string }[]> {
  const problems: { code: HarnessErrorCode; message: string }[] = [];
  for (const recorder of liveRecorders()) {
    try {
      const report = await recorder.finish();
      for (const miss of report?.misses ?? []) problems.push({ code: miss.code, message: miss.message });
      if (report !== undefined && report.unused.length > 0 && recorder.onUnused !== 'ignore') {
        if (recorder.onUnused === 'error')
          problems.push({ code: 'UNUSED_FIXTURE_ENTRIES', message: unusedProblem(report) });
        else console.warn(unusedProblem(report));
      }
    } catch (error) {
      if (!(error instanceof HarnessError)) throw error;
      problems.push({ code: error.code, message: error.message });
    } finally {
      // A fake made inside this test lives as long as the test.
      if (sameTest(recorder.createdDuring, test)) await recorder.close();
    }
  }
  return problems;
}

/**
 * Installs the fixture hooks: before each test, the recording fixture is
 * named from the test (`expect.getState().currentTestName` and `testPath`);
 * after it, each recording is written and the test fails for every request
 * that found no recording, even one whose rejection the app swallowed. After
 * the file, interception back ends are closed. Installing twice in one test
 * file is a no-op.
 * @example
 * // vitest.setup.ts (Vitest without `globals: true`)
 * import { afterAll, afterEach, beforeEach, expect } from 'vitest';
 * import { installFixtureGlue } from 'electron-session-fake/jest';
 * installFixtureGlue({ beforeEach, afterEach, afterAll, expect });
 */
export function installFixtureGlue(hooks: RunnerHooks): void {
  const realm = globalThis as { [installedKey]?: true };
  if (realm[installedKey] === true) return;
  realm[installedKey] = true;
  const runner = process.env['VITEST'] === undefined ? 'jest' : 'vitest';
  hooks.beforeEach(() => {
    const state = hooks.expect.getState();
    setCurrentTest({ name: state.currentTestName ?? '', testPath: state.testPath, runner });
  });
  hooks.afterEach(async () => {
    const test = currentTest();
    const problems = await finishTest(test);
    setCurrentTest(undefined);
    const [first] = problems;
    if (first === undefined) return;
    throw new HarnessError(first.code, problems.map((problem) => problem.message).join('\n\n'));
  });
  hooks.afterAll(async () => {
    for (const recorder of liveRecorders()) await recorder.close();
  });
}

/** Installs the glue on the runner's globals (Jest, Vitest with `globals: true`); does nothing without them. */
export function installOnGlobals(): void {
  const runner = globalThis as Partial<RunnerHooks>;
  if (
    typeof runner.beforeEach !== 'function' ||
    typeof runner.afterEach !== 'function' ||
    typeof runner.afterAll !== 'function' ||
    typeof runner.expect?.getState !== 'function'
  ) {
    return;
  }
  installFixtureGlue(runner as RunnerHooks);
}
