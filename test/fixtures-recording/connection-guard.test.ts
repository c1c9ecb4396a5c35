import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import tls from 'node:tls';
import { installConnectionGuard, type ConnectionGuard } from '../../src/connection-guard/connection-guard';
import { HarnessError } from '../../src/errors/harness-error';
import { guardConnections, type GuardHooks } from '../../src/jest/connection-guard-glue';
import {
  startRecordingServer,
  tempDir,
  testRootCertificate,
  type RecordingServer,
} from './recording-helpers';

jest.setTimeout(180_000);

const root = path.join(__dirname, '..', '..');
const inCi = { CI: '1' };

let server: RecordingServer;
let guard: ConnectionGuard | undefined;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(async () => {
  guard?.uninstall();
  guard = undefined;
  await server.close();
});

const get = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => resolve(response.resume().statusCode ?? 0))
      .on('error', reject);
  });

it('refuses and records a connection to a 127.0.0.1 server when replaying in CI', async () => {
  guard = installConnectionGuard({ env: inCi });
  expect(guard.active).toBe(true);
  const port = new URL(server.url).port;

  const error = (await get(`${server.url}/text`).catch((e: unknown) => e)) as HarnessError;
  expect(error).toBeInstanceOf(HarnessError);
  expect(error.code).toBe('LIVE_CONNECTION_IN_REPLAY');
  expect(error.message).toBe(
    `Failed to connect to 127.0.0.1:${port}: replay in CI must answer from fixtures and may not open sockets. ` +
      'Record the missing traffic locally (NET_RECORD_MODE=record-missing) and commit the fixture.',
  );
  await expect(fetch(`${server.url}/json`)).rejects.toThrow('fetch failed');
  const secure = tls.connect({ host: '127.0.0.1', port: Number(port), ca: testRootCertificate() });
  await new Promise((resolve) => secure.on('error', resolve));

  expect(guard.attempts.map((attempt) => attempt.target)).toEqual([
    `127.0.0.1:${port}`,
    `127.0.0.1:${port}`,
    `127.0.0.1:${port}`,
  ]);
  expect(guard.attempts[0]?.stack).toContain('connection-guard.test.ts');
  expect(server.connections).toBe(0);
});

it('lets connections through outside CI, when recording, and once uninstalled', async () => {
  for (const env of [{}, { CI: '1', NET_RECORD_MODE: 'record-missing' }]) {
    const inactive = installConnectionGuard({ env });
    expect(inactive.active).toBe(false);
    expect(await get(`${server.url}/text`)).toBe(200);
    expect(inactive.attempts).toEqual([]);
  }
  installConnectionGuard({ env: inCi }).uninstall();
  expect(await get(`${server.url}/text`)).toBe(200);
  expect(server.connections).toBe(2 + 1);
});

it('the Jest glue fails the test that opened a socket, naming the target, and lets the next test pass', async () => {
  const afterEachHooks: (() => void | Promise<void>)[] = [];
  const afterAllHooks: (() => void | Promise<void>)[] = [];
  const hooks: GuardHooks = {
    afterEach: (callback) => afterEachHooks.push(callback),
    afterAll: (callback) => afterAllHooks.push(callback),
  };
  guard = guardConnections(hooks, { env: inCi });
  await get(`${server.url}/text`).catch(() => undefined);

  const [afterEachHook] = afterEachHooks;
  expect(() => afterEachHook?.()).toThrow(
    expect.objectContaining({
      code: 'LIVE_CONNECTION_IN_REPLAY',
      message: expect.stringContaining(
        `Failed to replay without the network: this test tried to open 1 connection, refused because CI replays from fixtures.\n  127.0.0.1:${new URL(server.url).port}\n`,
      ) as unknown,
    }),
  );
  expect(afterEachHook?.()).toBeUndefined();
  for (const hook of afterAllHooks) await hook();
  expect(await get(`${server.url}/text`)).toBe(200);
});

// This repository's tests that replay without starting servers of their own.
const replaySuite = [
  'test/fixtures-recording/committed-fixture.test.ts',
  'test/fixtures-recording/glue-hooks.test.ts',
  'test/bad-input/part-b-recording.test.ts',
  'test/fuzz/har-file.test.ts',
];

it('the replay suite runs in CI with the guard installed and opens no socket', async () => {
  const report = tempDir();
  const reportFile = path.join(report.dir, 'guard.jsonl');
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--ci',
      '--maxWorkers=2',
      `--setupFilesAfterEnv=${path.join(__dirname, 'connection-guard-setup.ts')}`,
      '--runTestsByPath',
      ...replaySuite,
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        CI: '1',
        NET_RECORD_MODE: '',
        NET_RECORD_ALLOW_IN_CI: '',
        GUARD_REPORT: reportFile,
        FORCE_COLOR: '0',
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const lines = fs.existsSync(reportFile) ? fs.readFileSync(reportFile, 'utf8') : '';
  report.remove();

  expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('Test Suites: 4 passed') });
  const seen = lines
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { file: string; active: boolean; attempts: number })
    .map(({ file, active, attempts }) => ({ file: path.relative(root, file), active, attempts }))
    .sort((a, b) => a.file.localeCompare(b.file));
  expect(seen).toEqual([...replaySuite].sort().map((file) => ({ file, active: true, attempts: 0 })));
});
