import { createElectronFake } from '../../src/create-electron-fake';
import { HarnessError } from '../../src/errors/harness-error';
import { activeBackEnd } from '../../src/fixtures/back-end-slot';
import { MemoryFixtureStore } from '../../src/fixtures/memory-fixture-store';
import { installFixtureGlue, type RunnerHooks } from '../../src/jest/fixture-glue';

// A runner of its own: the glue only needs somewhere to put its hooks, and a
// name for the running test. Each "test" below runs them around its body.
type Callback = () => void | Promise<void>;
const hooks = { beforeEach: [] as Callback[], afterEach: [] as Callback[], afterAll: [] as Callback[] };
let running = { currentTestName: '', testPath: `${process.cwd()}/test/notes.test.ts` };
const runner: RunnerHooks = {
  beforeEach: (callback) => hooks.beforeEach.push(callback),
  afterEach: (callback) => hooks.afterEach.push(callback),
  afterAll: (callback) => hooks.afterAll.push(callback),
  expect: { getState: () => running },
};
installFixtureGlue(runner);

async function runTest(name: string, body: () => Promise<void>): Promise<unknown> {
  running = { ...running, currentTestName: name };
  for (const hook of hooks.beforeEach) await hook();
  await body();
  try {
    for (const hook of hooks.afterEach) await hook();
    return undefined;
  } catch (error) {
    return error;
  }
}

const store = new MemoryFixtureStore();
const handler = (request: Request): Response => new Response(new URL(request.url).pathname);
const fake = (
  mode: 'record' | 'replay',
  onUnused?: 'warn' | 'error',
): ReturnType<typeof createElectronFake> =>
  createElectronFake({
    env: {},
    transport: handler,
    recording: { mode, store, ...(onUnused === undefined ? {} : { onUnused }) },
  });

it('installs its hooks once per test file', () => {
  installFixtureGlue(runner);
  expect(hooks.beforeEach).toHaveLength(1);
  expect(hooks.afterEach).toHaveLength(1);
});

it('fails a test with the entries it did not use when onUnused is error, and only warns when it is warn', async () => {
  const both = async (electron: ReturnType<typeof fake>): Promise<void> => {
    await electron.net.fetch('https://api.test/a');
    await electron.net.fetch('https://api.test/b');
  };
  expect(await runTest('uses both', () => both(fake('record')))).toBeUndefined();
  expect(store.ids()).toEqual([expect.stringMatching(/^test\/notes\.test\/uses-both-[0-9a-f]{8}\.har$/)]);

  const strict = fake('replay', 'error');
  const error = await runTest('uses both', async () => void (await strict.net.fetch('https://api.test/a')));
  expect(error).toBeInstanceOf(HarnessError);
  expect((error as HarnessError).code).toBe('UNUSED_FIXTURE_ENTRIES');
  expect((error as HarnessError).message).toMatch(
    /: 1 entry was not requested\.\n {2}GET https:\/\/api\.test\/b\n/,
  );

  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const lenient = fake('replay', 'warn');
    expect(
      await runTest('uses both', async () => void (await lenient.net.fetch('https://api.test/b'))),
    ).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('GET https://api.test/a'));
  } finally {
    warn.mockRestore();
  }
});

it('closes a fake made inside a test after it, releasing its back end', async () => {
  await runTest('makes its own fake', async () => {
    createElectronFake({ env: {}, recording: { store, name: 'own', backEnd: 'msw' } });
    expect(activeBackEnd()).toBe('msw');
  });
  expect(activeBackEnd()).toBeUndefined();
});
