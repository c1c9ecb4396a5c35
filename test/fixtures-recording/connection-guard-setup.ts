// setupFilesAfterEnv of the child run in connection-guard.test.ts: the guard as
// a user installs it, plus a line per test file in $GUARD_REPORT of what it saw.
import fs from 'node:fs';
import { guardConnections } from '../../src/jest/connection-guard-glue';

const guard = guardConnections();

afterAll(() => {
  const report = process.env['GUARD_REPORT'];
  if (report === undefined) return;
  const line = { file: expect.getState().testPath, active: guard.active, attempts: guard.attempts.length };
  fs.appendFileSync(report, `${JSON.stringify(line)}\n`);
});
