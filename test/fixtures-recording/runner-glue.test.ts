import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { harFiles, tempDir, useServerAndFixtures } from './recording-helpers';

jest.setTimeout(90_000);

const root = path.join(__dirname, '..', '..');
const samples = 'test/fixtures-recording/glue-samples';
const setup = useServerAndFixtures();

interface Outcome {
  readonly title: string;
  readonly status: string;
  readonly failure: string;
}

function run(command: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, {
      cwd: root,
      env: {
        ...process.env,
        CI: '',
        NET_RECORD_ALLOW_IN_CI: '',
        SAMPLE_FIXTURES: setup.dir,
        SAMPLE_SERVER: setup.server.url,
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(output));
  });
}

/**
 * Runs a child test runner whose arguments end with the JSON results file,
 * and reads the results (Jest's format, which Vitest's json reporter writes too).
 */
async function runTests(args: (file: string) => string[], env: Record<string, string>): Promise<Outcome[]> {
  const results = tempDir();
  try {
    const file = path.join(results.dir, 'results.json');
    const output = await run(args(file), env);
    if (!fs.existsSync(file)) throw new Error(output);
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
    };
    return json.testResults.flatMap((result) =>
      result.assertionResults.map((a) => ({
        title: a.title,
        status: a.status,
        failure: a.failureMessages.join('\n'),
      })),
    );
  } finally {
    results.remove();
  }
}

/** The sample under a child Jest with `electron-session-fake/jest` as a setup file. */
function jestRun(env: Record<string, string>): Promise<Outcome[]> {
  const config = {
    rootDir: root,
    roots: [`<rootDir>/${samples}`],
    testMatch: ['**/*.sample.ts'],
    testEnvironment: 'node',
    transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
    setupFilesAfterEnv: ['<rootDir>/src/jest/index.ts'],
  };
  const jest = require.resolve('jest/bin/jest');
  return runTests((file) => [jest, '--config', JSON.stringify(config), '--json', '--outputFile', file], env);
}

/** The same sample under a child Vitest, with the glue installed from its setup file. */
function vitestRun(env: Record<string, string>): Promise<Outcome[]> {
  const vitest = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  return runTests(
    (file) => [vitest, 'run', '--root', samples, '--reporter=json', `--outputFile=${file}`],
    env,
  );
}

it.each([
  [
    'Jest',
    jestRun,
    'recorded.sample',
    "npx jest test/fixtures-recording/glue-samples/recorded.sample.ts -t '^swallows a failure, as app code does$'",
  ],
  [
    'Vitest',
    vitestRun,
    'recorded.vitest-sample',
    "npx vitest run test/fixtures-recording/glue-samples/recorded.vitest-sample.ts -t '^swallows a failure, as app code does$'",
  ],
] as const)(
  'under %s, names each fixture after its test and fails a test whose swallowed request found no recording',
  async (_runner, runTests, sample, rerun) => {
    const recorded = await runTests({ NET_RECORD_MODE: 'record' });
    expect(recorded.map((outcome) => outcome.status)).toEqual(['passed', 'passed']);
    const files = harFiles(setup.dir);
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(new RegExp(`^${samples}/${sample}/fetches-the-greeting-[0-9a-f]{8}\\.har$`));
    expect(files[1]).toMatch(
      new RegExp(`^${samples}/${sample}/swallows-a-failure-as-app-code-does-[0-9a-f]{8}\\.har$`),
    );
    await setup.server.close();

    const replayed = await runTests({ NET_RECORD_MODE: 'replay', SAMPLE_PAGE: '2' });
    expect(replayed.map((outcome) => outcome.status)).toEqual(['passed', 'failed']);
    const failure = replayed[1]?.failure ?? '';
    expect(failure).toContain(
      `Failed to replay GET ${setup.server.url}/json?page=2: no recorded request matches it`,
    );
    expect(failure).toContain('query.page: "2" (recorded "1")');
    expect(failure).toContain(`Record it with: NET_RECORD_MODE=record-missing ${rerun}`);
  },
);
