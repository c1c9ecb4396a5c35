import { createElectronFake, type ElectronFake } from '../../src/create-electron-fake';
import { HarnessError } from '../../src/errors/harness-error';
import { NetError } from '../../src/errors/net-error';
import { setCurrentTest } from '../../src/fixtures/test-context';
import { useServerAndFixtures } from './recording-helpers';

const setup = useServerAndFixtures();
afterEach(() => {
  setCurrentTest(undefined);
});

function fake(mode: 'record' | 'replay', recording: object = {}): ElectronFake {
  return createElectronFake({ env: {}, recording: { mode, dir: setup.dir, name: 'api', ...recording } });
}

async function record(paths: string[], recording: object = {}): Promise<void> {
  const electron = fake('record', recording);
  for (const path of paths) await (await electron.net.fetch(`${setup.server.url}${path}`)).text();
  await electron.fake.recording?.finish();
}

async function missOf(request: Promise<unknown>): Promise<HarnessError> {
  const error = await request.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NetError);
  expect((error as NetError).message).toBe('net::ERR_FAILED');
  const cause = (error as NetError).cause;
  expect(cause).toBeInstanceOf(HarnessError);
  return cause as HarnessError;
}

it('names the request, the file, its entry count, the nearest recordings with what differs, and the command', async () => {
  await record(['/json?page=1&size=10', '/json?page=2&size=10', '/text', '/binary']);
  setCurrentTest({
    name: "lists the second page's items",
    testPath: `${process.cwd()}/test/api.test.ts`,
    runner: 'jest',
  });
  const electron = fake('replay');
  const miss = await missOf(electron.net.fetch(`${setup.server.url}/json?page=3&size=10`));
  expect(miss.code).toBe('UNHANDLED_REQUEST');
  const lines = miss.message.split('\n');
  expect(lines[0]).toBe(
    `Failed to replay GET ${setup.server.url}/json?page=3&size=10: no recorded request matches it in ${setup.dir}/api.har (4 entries, mode replay).`,
  );
  expect(lines[1]).toBe('Nearest recorded requests:');
  expect(lines[2]).toMatch(
    /^ {2}1\. GET .*\/json\?page=1&size=10 \(entry \d\): query\.page: "3" \(recorded "1"\)$/,
  );
  expect(lines[3]).toMatch(
    /^ {2}2\. GET .*\/json\?page=2&size=10 \(entry \d\): query\.page: "3" \(recorded "2"\)$/,
  );
  expect(lines[4]).toMatch(
    /^ {2}3\. GET .*\/(text|binary) \(entry \d\): path: \/json \(recorded \/(text|binary)\); query\.page: "3" \(not recorded\); query\.size: "10" \(not recorded\)$/,
  );
  expect(lines[5]).toBe(
    `Record it with: NET_RECORD_MODE=record-missing npx jest test/api.test.ts -t '^lists the second page'\\''s items$'`,
  );
});

it('says when an identical request was recorded fewer times than it is made', async () => {
  await record(['/text']);
  const electron = fake('replay');
  expect(await (await electron.net.fetch(`${setup.server.url}/text`)).text()).toBe('plain text ✓');
  const miss = await missOf(electron.net.fetch(`${setup.server.url}/text`));
  expect(miss.message).toContain('it was recorded 1 time');
  expect(miss.message).toContain('this is request 2');
  expect(miss.message).toContain('recording: { repeatLast: true }');
});

it('replays identical requests in recorded order, and repeats the last one only when asked', async () => {
  await record(['/json?page=1']);
  const strict = fake('replay');
  await strict.net.fetch(`${setup.server.url}/json?page=1`);
  await expect(strict.net.fetch(`${setup.server.url}/json?page=1`)).rejects.toThrow('net::ERR_FAILED');
  const lenient = fake('replay', { repeatLast: true });
  for (let i = 0; i < 3; i++)
    expect((await lenient.net.fetch(`${setup.server.url}/json?page=1`)).status).toBe(200);
});

it('says when there is no fixture file at all, with the command that records it', async () => {
  const electron = fake('replay');
  const miss = await missOf(electron.net.fetch(`${setup.server.url}/text`));
  expect(miss.code).toBe('FIXTURE_NOT_FOUND');
  expect(miss.message).toBe(
    `Failed to replay GET ${setup.server.url}/text: there is no fixture ${setup.dir}/api.har (mode replay). ` +
      'Record it with: NET_RECORD_MODE=record (then run this test again)',
  );
});

it('keeps misses for the end of the test even when the app swallowed the rejection', async () => {
  await record(['/text']);
  const electron = fake('replay');
  await electron.net.fetch(`${setup.server.url}/other`).catch(() => undefined);
  const report = await electron.fake.recording?.finish();
  expect(report?.misses.map((miss) => miss.code)).toEqual(['UNHANDLED_REQUEST']);
  expect(report?.misses[0]?.message).toContain(`GET ${setup.server.url}/other`);
});

it('reports the recorded entries a test did not use', async () => {
  await record(['/text', '/json?page=1', '/binary']);
  const electron = fake('replay');
  await electron.net.fetch(`${setup.server.url}/text`);
  const report = await electron.fake.recording?.finish();
  expect(report?.unused).toEqual([
    { method: 'GET', url: `${setup.server.url}/binary`, seq: 0 },
    { method: 'GET', url: `${setup.server.url}/json?page=1`, seq: 0 },
  ]);
});

it('matches on allow-listed headers and ignores listed query parameters', async () => {
  const match = { headers: ['x-tenant'], ignoreQuery: ['_'] };
  const recording = fake('record', { match });
  await recording.net.fetch(`${setup.server.url}/text?_=123`, { headers: { 'x-tenant': 'blue' } });
  await recording.fake.recording?.finish();
  const electron = fake('replay', { match });
  expect(
    (await electron.net.fetch(`${setup.server.url}/text?_=456`, { headers: { 'x-tenant': 'blue' } })).status,
  ).toBe(200);
  const miss = await missOf(
    electron.net.fetch(`${setup.server.url}/text?_=789`, { headers: { 'x-tenant': 'red' } }),
  );
  expect(miss.message).toContain('header x-tenant: "red" (recorded "blue")');
});

it('compares bodies after the configured normaliser, and names the JSON fields that differ', async () => {
  const match = { normaliseBody: (body: string) => body.replace(/"at":\d+/, '"at":0') };
  const post = (electron: ElectronFake, body: object): Promise<Response> =>
    electron.net.fetch(`${setup.server.url}/echo`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
  const recording = fake('record', { match });
  await post(recording, { at: 1, page: 2 });
  await recording.fake.recording?.finish();
  const electron = fake('replay', { match });
  expect((await post(electron, { page: 2, at: 99 })).status).toBe(200);
  const miss = await missOf(post(electron, { at: 5, page: 3 }));
  expect(miss.message).toContain('body $.page: 3 (recorded 2)');
});

it('files requests under a custom key', async () => {
  const match = { key: (request: { url: string }) => new URL(request.url).pathname };
  const recording = fake('record', { match });
  await recording.net.fetch(`${setup.server.url}/json?page=1`);
  await recording.fake.recording?.finish();
  const electron = fake('replay', { match });
  expect(await (await electron.net.fetch(`${setup.server.url}/json?page=anything`)).json()).toEqual({
    items: [1, 2, 3],
    page: '1',
  });
});

it('answers identical requests with their recordings in the order they were made', async () => {
  let count = 0;
  const counter = (): Response => new Response(`answer ${++count}`);
  const recording = createElectronFake({
    env: {},
    transport: counter,
    recording: { mode: 'record', dir: setup.dir, name: 'api' },
  });
  for (let i = 0; i < 3; i++) await (await recording.net.fetch('https://api.test/next')).text();
  await recording.fake.recording?.finish();
  const electron = fake('replay');
  const answers: string[] = [];
  for (let i = 0; i < 3; i++) answers.push(await (await electron.net.fetch('https://api.test/next')).text());
  expect(answers).toEqual(['answer 1', 'answer 2', 'answer 3']);
  expect(count).toBe(3);
});
