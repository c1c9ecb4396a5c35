import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { FixtureHar } from '../../src/fixtures/har';
import { tempDir, useServerAndFixtures } from './recording-helpers';

jest.setTimeout(60_000);

const root = path.join(__dirname, '..', '..');
let compiled: ReturnType<typeof tempDir>;

// Eight ts-node processes on a small machine spend most of a minute loading
// TypeScript; the sources are transpiled once here and the writers run plain JS.
beforeAll(() => {
  compiled = tempDir();
  const sources = [
    ...(fs.readdirSync(path.join(root, 'src'), { recursive: true }) as string[]).map((f) =>
      path.join('src', f),
    ),
    path.join('test', 'fixtures-recording', 'parallel-writer.ts'),
  ].filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  for (const file of sources) {
    const output = ts.transpileModule(fs.readFileSync(path.join(root, file), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    const target = path.join(compiled.dir, file.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, output.outputText);
  }
});
afterAll(() => compiled.remove());

const setup = useServerAndFixtures();

const writers = 8;

/** Starts the writers, lets them all write at once when each is ready, and waits for them to exit. */
async function writeAtOnce(mode: 'record' | 'record-missing'): Promise<void> {
  const go = path.join(setup.dir, 'go');
  let ready = 0;
  const exits = Array.from({ length: writers }, (_, worker) => {
    const script = path.join(compiled.dir, 'test', 'fixtures-recording', 'parallel-writer.js');
    const child = spawn(process.execPath, [script, setup.dir, mode, String(worker), setup.server.url, go], {
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready') && ++ready === writers) fs.writeFileSync(go, '');
    });
    return new Promise<void>((resolve, reject) =>
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`writer ${worker} exited ${code}: ${stderr}`)),
      ),
    );
  });
  await Promise.all(exits);
}

function shared(): FixtureHar {
  return JSON.parse(fs.readFileSync(path.join(setup.dir, 'shared.har'), 'utf8')) as FixtureHar;
}

const leftovers = (): string[] => fs.readdirSync(setup.dir).filter((file) => /\.(tmp|lock)$/.test(file));

it('eight processes recording into one fixture at once leave one whole file', async () => {
  await writeAtOnce('record');
  const { entries } = shared().log;
  expect(entries).toHaveLength(1);
  expect(entries[0]?.request.url).toMatch(/\/json\?page=[0-7]$/);
  expect(leftovers()).toEqual([]);
});

it('eight processes adding to one fixture at once lose no entry', async () => {
  await writeAtOnce('record-missing');
  const pages = shared()
    .log.entries.map((entry) => new URL(entry.request.url).searchParams.get('page'))
    .sort();
  expect(pages).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
  expect(leftovers()).toEqual([]);
});
