import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { FixtureHar } from '../../src/fixtures/har';
import { tempDir, useServerAndFixtures } from './recording-helpers';

jest.setTimeout(120_000);

const root = path.join(__dirname, '..', '..');
const workers = 8;
const rounds = 3;
let compiled: ReturnType<typeof tempDir>;

// Eight workers transpiling the sources with ts-jest would spend minutes on a
// small machine; they are transpiled once here and the workers load plain JS.
beforeAll(() => {
  compiled = tempDir();
  const sources = (fs.readdirSync(path.join(root, 'src'), { recursive: true }) as string[]).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.d.ts'),
  );
  for (const file of sources) {
    const output = ts.transpileModule(fs.readFileSync(path.join(root, 'src', file), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    const target = path.join(compiled.dir, 'src', file.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, output.outputText);
  }
});
afterAll(() => compiled.remove());

const setup = useServerAndFixtures();

/**
 * One recording test file per worker. Each round, every worker fetches a page,
 * waits at a barrier until all eight have, then writes: one `record-missing`
 * merge into shared.har and one `record` rewrite of latest.har, all at once.
 */
function writerTest(worker: number): string {
  return `
const fs = require('node:fs');
const path = require('node:path');
const { createElectronFake } = require(${JSON.stringify(path.join(compiled.dir, 'src', 'create-electron-fake.js'))});
const { ESF_DIR: dir, ESF_BARRIER: barrier, ESF_BASE: base } = process.env;

async function allArrived(round) {
  fs.writeFileSync(path.join(barrier, round + '-' + ${worker}), String(process.pid));
  for (let waited = 0; ; waited += 5) {
    const arrived = fs.readdirSync(barrier).filter((f) => f.startsWith(round + '-')).length;
    if (arrived === ${workers}) return;
    if (waited > 30000) throw new Error('only ' + arrived + ' of ${workers} workers reached round ' + round);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

for (let round = 1; round <= ${rounds}; round++) {
  test('worker ${worker} records round ' + round, async () => {
    const shared = createElectronFake({ env: {}, recording: { mode: 'record-missing', dir, name: 'shared' } });
    const latest = createElectronFake({ env: {}, recording: { mode: 'record', dir, name: 'latest' } });
    const page = '${worker}-' + round;
    expect((await (await shared.net.fetch(base + '/json?page=' + page)).json()).page).toBe(page);
    expect((await (await latest.net.fetch(base + '/json?page=' + page)).json()).page).toBe(page);
    await allArrived(round);
    await Promise.all([shared.fake.recording.finish(), latest.fake.recording.finish()]);
  });
}
`;
}

/** Runs the writer files in a child Jest with eight workers; resolves with its output. */
async function runJestWorkers(): Promise<string> {
  const project = tempDir();
  const barrier = path.join(project.dir, 'barrier');
  fs.mkdirSync(barrier);
  for (let worker = 0; worker < workers; worker++)
    fs.writeFileSync(path.join(project.dir, `writer-${worker}.test.js`), writerTest(worker));
  const config = {
    rootDir: project.dir,
    testEnvironment: 'node',
    transform: {},
    modulePaths: [path.join(root, 'node_modules')],
    // A fresh cache has no timings, so Jest cannot decide to run these in band.
    cacheDirectory: path.join(project.dir, 'cache'),
    testTimeout: 60_000,
  };
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
      `--maxWorkers=${workers}`,
      '--config',
      JSON.stringify(config),
    ],
    {
      cwd: project.dir,
      env: {
        ...process.env,
        ESF_DIR: setup.dir,
        ESF_BARRIER: barrier,
        ESF_BASE: setup.server.url,
        FORCE_COLOR: '0',
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const pids = new Set(
    fs.readdirSync(barrier).map((file) => fs.readFileSync(path.join(barrier, file), 'utf8')),
  );
  project.remove();
  if (code !== 0) throw new Error(`child jest exited ${code}:\n${output}`);
  if (pids.size !== workers) throw new Error(`expected ${workers} Jest worker processes, saw ${pids.size}`);
  return output;
}

const har = (name: string): FixtureHar =>
  JSON.parse(fs.readFileSync(path.join(setup.dir, name), 'utf8')) as FixtureHar;

const pages = (name: string): string[] =>
  har(name).log.entries.map((entry) => new URL(entry.request.url).searchParams.get('page') ?? '');

it('eight Jest workers recording into one directory for three rounds leave whole fixtures with every entry', async () => {
  const output = await runJestWorkers();
  expect(output).toContain(`Tests:       ${workers * rounds} passed, ${workers * rounds} total`);

  expect(fs.readdirSync(setup.dir).sort()).toEqual(['latest.har', 'shared.har']);
  const everyPage = Array.from(
    { length: workers * rounds },
    (_, i) => `${i % workers}-${1 + Math.floor(i / workers)}`,
  );
  expect(pages('shared.har').sort()).toEqual(everyPage.sort());
  // A rewrite keeps one writer's recording whole: a page of the last round.
  expect(pages('latest.har')).toEqual([expect.stringMatching(new RegExp(`^[0-7]-${rounds}$`))]);
});
