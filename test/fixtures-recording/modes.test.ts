import fs from 'node:fs';
import path from 'node:path';
import { createElectronFake, type ElectronFake } from '../../src/create-electron-fake';
import { HarnessError } from '../../src/errors/harness-error';
import type { FixtureHar } from '../../src/fixtures/har';
import type { RecordingMode } from '../../src/fixtures/recording-mode';
import { harFiles, useServerAndFixtures } from './recording-helpers';

const setup = useServerAndFixtures();

function fake(
  mode: RecordingMode | undefined,
  env: Record<string, string> = {},
  allowInCI?: boolean,
): ElectronFake {
  return createElectronFake({
    env,
    recording: {
      dir: setup.dir,
      name: 'modes',
      ...(mode === undefined ? {} : { mode }),
      ...(allowInCI === undefined ? {} : { allowInCI }),
    },
  });
}

const entriesOf = (): string[] =>
  (JSON.parse(fs.readFileSync(path.join(setup.dir, 'modes.har'), 'utf8')) as FixtureHar).log.entries.map(
    (entry) => `${entry.request.method} ${new URL(entry.request.url).pathname}`,
  );

it.each(['record', 'record-missing', 'passthrough'] as const)('refuses %s mode when CI is set', (mode) => {
  const attempt = (): ElectronFake => fake(mode, { CI: 'true' });
  expect(attempt).toThrow(HarnessError);
  expect(attempt).toThrow(
    `Failed to start recording in ${mode} mode: CI is set, and this mode would reach real servers`,
  );
  expect(attempt).toThrow('force it with NET_RECORD_ALLOW_IN_CI=1 or recording: { allowInCI: true }');
});

it('records in CI only when forced, and always replays there', () => {
  expect(fake('record', { CI: '1', NET_RECORD_ALLOW_IN_CI: '1' }).fake.recording?.mode).toBe('record');
  expect(fake('record', { CI: '1' }, true).fake.recording?.mode).toBe('record');
  expect(fake('replay', { CI: '1' }).fake.recording?.mode).toBe('replay');
  expect(fake('record', { CI: 'false' }).fake.recording?.mode).toBe('record');
});

it('refuses a recording mode chosen through NET_RECORD_MODE in CI too', () => {
  expect(() => fake('replay', { CI: 'true', NET_RECORD_MODE: 'record' })).toThrow(
    expect.objectContaining({ code: 'RECORDING_REFUSED_IN_CI' }),
  );
});

it('replays by default, and NET_RECORD_MODE overrides the configured mode', () => {
  expect(fake(undefined).fake.recording?.mode).toBe('replay');
  expect(fake('replay', { NET_RECORD_MODE: 'record-missing' }).fake.recording?.mode).toBe('record-missing');
  expect(() => fake('replay', { NET_RECORD_MODE: 'rerecord' })).toThrow(
    'Failed to read NET_RECORD_MODE: "rerecord" is not a recording mode. Use one of replay, record, record-missing, passthrough.',
  );
});

it('record-missing replays what is recorded and records only what is not', async () => {
  const first = fake('record');
  await first.net.fetch(`${setup.server.url}/text`);
  await first.fake.recording?.finish();
  setup.server.requests.length = 0;

  const second = fake('record-missing');
  expect(await (await second.net.fetch(`${setup.server.url}/text`)).text()).toBe('plain text ✓');
  expect((await second.net.fetch(`${setup.server.url}/json?page=1`)).status).toBe(200);
  expect((await second.net.fetch(`${setup.server.url}/text`)).status).toBe(200);
  const report = await second.fake.recording?.finish();
  expect(setup.server.requests).toEqual(['GET /json?page=1', 'GET /text']);
  expect(report).toMatchObject({ replayed: 1, recorded: 2, misses: [] });
  expect(entriesOf()).toEqual(['GET /json', 'GET /text', 'GET /text']);
});

it('record rewrites the file with only this run, dropping what it no longer requests', async () => {
  const first = fake('record');
  await first.net.fetch(`${setup.server.url}/text`);
  await first.net.fetch(`${setup.server.url}/binary`);
  await first.fake.recording?.finish();
  const second = fake('record');
  await second.net.fetch(`${setup.server.url}/json?page=1`);
  await second.fake.recording?.finish();
  expect(entriesOf()).toEqual(['GET /json']);
});

it('passthrough reaches the server and writes nothing', async () => {
  const electron = fake('passthrough');
  expect(await (await electron.net.fetch(`${setup.server.url}/text`)).text()).toBe('plain text ✓');
  await electron.fake.recording?.finish();
  expect(setup.server.requests).toEqual(['GET /text']);
  expect(harFiles(setup.dir)).toEqual([]);
});

it('records a failed request and replays the same failure', async () => {
  await setup.server.close();
  const recording = fake('record');
  await expect(recording.net.fetch(`${setup.server.url}/text`)).rejects.toThrow(
    'net::ERR_CONNECTION_REFUSED',
  );
  await recording.fake.recording?.finish();
  const replaying = fake('replay');
  await expect(replaying.net.fetch(`${setup.server.url}/text`)).rejects.toThrow(
    'net::ERR_CONNECTION_REFUSED',
  );
});

it('keeps recording into the same fixture after fake.restart()', async () => {
  const electron = fake('record');
  await electron.net.fetch(`${setup.server.url}/text`);
  const restarted = electron.fake.restart();
  await restarted.net.fetch(`${setup.server.url}/binary`);
  expect(restarted.fake.recording).toBe(electron.fake.recording);
  await restarted.fake.recording?.finish();
  expect(entriesOf()).toEqual(['GET /binary', 'GET /text']);
});
