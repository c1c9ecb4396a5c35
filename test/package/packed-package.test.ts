// Packs the package exactly as npm publishes it, installs the tarball into an
// empty project, and runs a plain Jest test there whose only set-up is
// `moduleNameMapper: { '^electron$': 'electron-session-fake/electron' }`.
// Jest itself comes from this repository; the consumer installs nothing else.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command; on failure the error carries its stderr, so a failing step explains itself. */
function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stderr ?? ''}\n${stdout ?? ''}`);
  }
}

let work: string;
let project: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'esf-package-'));
  project = path.join(work, 'consumer');
  fs.mkdirSync(project);
  // `npm pack` runs the prepack script, which builds dist/ (CJS + ESM wrappers).
  // npm prints lifecycle output before the JSON report; the report is the last top-level array.
  const report = run(npm, ['pack', '--json', '--pack-destination', work], root);
  const packed = JSON.parse(report.slice(report.lastIndexOf('\n[') + 1)) as { filename: string }[];
  const tarball = path.join(work, packed[0]?.filename ?? '');
  fs.writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
  );
  run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], project);
}, 180_000);

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

it('ships only dist and the README', () => {
  const installed = path.join(project, 'node_modules', 'electron-session-fake');
  expect(fs.readdirSync(installed).sort()).toEqual(['README.md', 'dist', 'package.json']);
  expect(fs.existsSync(path.join(installed, 'dist', 'electron.d.ts'))).toBe(true);
});

it('lets unmodified app code use the fake in a fresh Jest project through moduleNameMapper', () => {
  fs.writeFileSync(
    path.join(project, 'jest.config.js'),
    "module.exports = { testEnvironment: 'node', transform: {}, moduleNameMapper: { '^electron$': 'electron-session-fake/electron' } };\n",
  );
  fs.writeFileSync(
    path.join(project, 'main.js'),
    [
      "const { app, session } = require('electron');",
      'module.exports = async function setUp() {',
      '  await app.whenReady();',
      "  const ses = session.fromPartition('persist:main');",
      "  ses.setUserAgent('Notes/1.0');",
      '  return ses;',
      '};',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(project, 'main.test.js'),
    [
      "const setUp = require('./main');",
      "const { fake } = require('electron-session-fake/electron');",
      "const { decisionMatchers } = require('electron-session-fake/jest');",
      'expect.extend(decisionMatchers);',
      "it('runs against the fake', async () => {",
      '  const ses = await setUp();',
      "  expect(ses.getUserAgent()).toBe('Notes/1.0');",
      '  expect(ses.isPersistent()).toBe(true);',
      "  fake.storage(ses).set('https://notes.test', 'localStorage', 'k', 'v');",
      "  await ses.clearStorageData({ storages: ['localstorage'] });",
      '  expect(fake.storage(ses).snapshot()).toEqual({});',
      "  fake.checkPermission(ses, 'midi', 'https://notes.test');",
      "  expect(fake.decisions).toHaveGrantedPermission('midi', { origin: 'https://notes.test' });",
      '});',
      '',
    ].join('\n'),
  );
  const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  const results = JSON.parse(
    run(process.execPath, [jest, '--ci', '--json', '--rootDir', project], project),
  ) as {
    numPassedTests: number;
    numFailedTests: number;
  };
  expect([results.numPassedTests, results.numFailedTests]).toEqual([1, 0]);
}, 60_000);

it('works through import as well as require', () => {
  const script = [
    "import { createElectronFake, NetError } from 'electron-session-fake';",
    "import electron, { session, fake } from 'electron-session-fake/electron';",
    "import { decisionMatchers } from 'electron-session-fake/jest';",
    "if (typeof decisionMatchers.toHaveRejectedCertificate !== 'function') throw new Error('bad jest entry');",
    'const own = createElectronFake({ ready: false });',
    "if (own.app.isReady()) throw new Error('expected not ready');",
    "if (electron.session !== session || typeof fake.storage !== 'function') throw new Error('bad exports');",
    "if (new NetError('ERR_FAILED').message !== 'net::ERR_FAILED') throw new Error('bad NetError');",
    "console.log('ok');",
  ].join('\n');
  expect(run(process.execPath, ['--input-type=module', '-e', script], project).trim()).toBe('ok');
});
