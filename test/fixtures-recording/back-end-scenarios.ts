import fs from 'node:fs';
import path from 'node:path';
import { createElectronFake, type ElectronFake } from '../../src/create-electron-fake';
import type { FixtureHar } from '../../src/fixtures/har';
import { guardSockets, httpRequest, largeText, useServerAndFixtures } from './recording-helpers';

/**
 * What an interception back end owes: main-process traffic that bypasses the
 * fake is recorded into the test's fixture and replayed offline, and a replay
 * miss fails the request (with `fetchMiss` as the message global fetch shows)
 * and is kept for the end of the test.
 */
export function backEndScenarios(backEnd: 'msw' | 'nock', fetchMiss: (url: string) => string): void {
  const setup = useServerAndFixtures();

  function fake(mode: 'record' | 'replay'): ElectronFake {
    return createElectronFake({ env: {}, recording: { mode, dir: setup.dir, name: 'bypass', backEnd } });
  }

  /** Main-process code beside the fake: an axios-style http.request, a global fetch, and the fake's net.fetch. */
  async function mainProcess(electron: ElectronFake, base: string): Promise<unknown[]> {
    return [
      await httpRequest(`${base}/gzip`),
      await (await fetch(`${base}/json?page=1`)).json(),
      await httpRequest(`${base}/echo`, {
        method: 'POST',
        body: '{"q":1}',
        headers: { 'content-type': 'application/json' },
      }),
      await (await electron.net.fetch(`${base}/text`)).text(),
    ];
  }

  it(`${backEnd}: records http.request and fetch made outside the fake into the test fixture, and replays them offline`, async () => {
    const base = setup.server.url;
    const recording = fake('record');
    let live: unknown[];
    try {
      live = await mainProcess(recording, base);
      await recording.fake.recording?.finish();
    } finally {
      await recording.fake.recording?.close();
    }
    expect(live).toEqual([
      { status: 200, encoding: 'gzip', body: largeText },
      { items: [1, 2, 3], page: '1' },
      { status: 200, encoding: undefined, body: '{"q":1}' },
      'plain text ✓',
    ]);
    const har = JSON.parse(fs.readFileSync(path.join(setup.dir, 'bypass.har'), 'utf8')) as FixtureHar;
    // The fake's own request is recorded once, by the fixture transport, not again by the back end.
    expect(
      har.log.entries.map((entry) => `${entry.request.method} ${entry.request.url.replace(base, '')}`),
    ).toEqual(['POST /echo', 'GET /gzip', 'GET /json?page=1', 'GET /text']);
    expect(har.log.entries[1]?.response.content.text).toBe(largeText);
    await setup.server.close();

    const guard = guardSockets();
    const replaying = fake('replay');
    try {
      expect(await mainProcess(replaying, base)).toEqual(live);
      expect((await replaying.fake.recording?.finish())?.misses).toEqual([]);
      expect(guard.attempts).toEqual([]);
    } finally {
      guard.restore();
      await replaying.fake.recording?.close();
    }
  });

  it(`${backEnd}: fails a request that has no recording, and keeps the miss for the end of the test`, async () => {
    const electron = fake('replay');
    try {
      await expect(fetch(`${setup.server.url}/json?page=9`)).rejects.toThrow(
        fetchMiss(`${setup.server.url}/json?page=9`),
      );
      await expect(httpRequest(`${setup.server.url}/text`)).rejects.toThrow();
      const report = await electron.fake.recording?.finish();
      expect(report?.misses.map((miss) => miss.message.slice(0, miss.message.indexOf(': there')))).toEqual([
        `Failed to replay GET ${setup.server.url}/json?page=9`,
        `Failed to replay GET ${setup.server.url}/text`,
      ]);
      expect(setup.server.requests).toEqual([]);
    } finally {
      await electron.fake.recording?.close();
    }
  });
}
