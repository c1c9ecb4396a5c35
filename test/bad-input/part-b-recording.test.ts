import fs from 'node:fs';
import path from 'node:path';
import { createElectronFake } from '../../src/create-electron-fake';
import { HarnessError } from '../../src/errors/harness-error';
import { tempDir } from '../fixtures-recording/recording-helpers';

let fixtures: ReturnType<typeof tempDir>;
beforeEach(() => {
  fixtures = tempDir();
});
afterEach(() => fixtures.remove());

it.each(['Record', 'live', ''])('recording mode %j throws INVALID_OPTION naming the modes', (mode) => {
  const make = (): unknown =>
    createElectronFake({ env: {}, recording: { mode: mode as never, dir: fixtures.dir } });
  expect(make).toThrow(HarnessError);
  expect(make).toThrow(/Use one of replay, record, record-missing, passthrough\./);
});

it('NET_RECORD_MODE that is not a mode throws INVALID_OPTION naming the variable', () => {
  expect(() =>
    createElectronFake({ env: { NET_RECORD_MODE: 'recrod' }, recording: { dir: fixtures.dir } }),
  ).toThrow('Failed to read NET_RECORD_MODE: "recrod" is not a recording mode.');
});

async function replayFrom(text: string): Promise<unknown> {
  fs.writeFileSync(path.join(fixtures.dir, 'api.har'), text);
  const { net } = createElectronFake({
    env: {},
    recording: { mode: 'replay', dir: fixtures.dir, name: 'api' },
  });
  return net.fetch('https://a.test/').catch((e: unknown) => e);
}

function fixtureError(error: unknown): HarnessError {
  const cause = error instanceof HarnessError ? error : (error as Error).cause;
  expect(cause).toBeInstanceOf(HarnessError);
  expect((cause as HarnessError).code).toBe('FIXTURE_INVALID');
  return cause as HarnessError;
}

it.each([
  ['not JSON', 'hello'],
  ['truncated', '{"log":{"entries":[{"request":'],
])(
  'a fixture that is %s fails the request with FIXTURE_INVALID saying to fix or re-record it, and leaves the file alone',
  async (_label, text) => {
    const error = fixtureError(await replayFrom(text));
    expect(error.message).toMatch(/it is not JSON .*Fix the file, or delete it and record again\./);
    expect(fs.readFileSync(path.join(fixtures.dir, 'api.har'), 'utf8')).toBe(text);
  },
);

it.each([
  ['an array', '[]', '(the document) is an array; it should be an object.'],
  ['a log without entries', '{"log":{"version":"1.2"}}', 'log.entries is missing; it should be an array.'],
  [
    'an entry without request',
    '{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[{"response":{}}]}}',
    'log.entries[0].request is missing; it should be an object.',
  ],
])(
  'a fixture that is %s fails with FIXTURE_INVALID naming the JSON path and what it should be',
  async (_label, text, where) => {
    const error = fixtureError(await replayFrom(text));
    expect(error.message).toContain(where);
    expect(error.message).toContain('Fix the file, or delete it and record again.');
  },
);

it.each(['../outside', 'a/../../outside', './here', '..'])(
  'a fixture name with "." or ".." segments (%j) throws INVALID_OPTION, and no file is written outside the folder',
  (name) => {
    const inner = path.join(fixtures.dir, 'inner');
    expect(() => createElectronFake({ env: {}, recording: { mode: 'record', dir: inner, name } })).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTION',
        message: expect.stringContaining('Use a name without them.'),
      }) as Error,
    );
    expect(fs.readdirSync(fixtures.dir)).toEqual([]);
  },
);

it.each([
  ['a number as the name', { name: 5 }, 'name 5 is not a fixture name'],
  ['an empty name', { name: '' }, 'name "" is not a fixture name'],
  ['a name of slashes only', { name: '///' }, 'name "///" is not a fixture name'],
  ['a number as the dir', { dir: 5 }, 'dir 5 is not a folder path'],
  ['an empty dir', { dir: '' }, 'dir "" is not a folder path'],
])('recording with %s throws INVALID_OPTION saying what to pass', (_label, recording, message) => {
  expect(() => createElectronFake({ env: {}, recording: { mode: 'replay', ...recording } as never })).toThrow(
    `Failed to configure recording: ${message}.`,
  );
});

it('a name starting with / is read relative to the fixture folder', async () => {
  const { net, fake } = createElectronFake({
    env: {},
    transport: () => new Response('live'),
    recording: { mode: 'record', dir: fixtures.dir, name: '/abs/api' },
  });
  expect(await (await net.fetch('https://a.test/')).text()).toBe('live');
  await fake.recording?.finish();
  expect(fs.existsSync(path.join(fixtures.dir, 'abs', 'api.har'))).toBe(true);
});
