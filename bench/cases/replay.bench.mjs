// One workload, 1,000 recorded GETs replayed over and over, run by: ours
// (net.fetch through a fake session, whole pipeline, fixture transport), Polly.js
// (fetch adapter + fs persister, replay mode, from a recording made here into a
// temp dir), nock (a persisted scope with the same 1,000 interceptors), an msw
// catch-all handler (for orientation) and the floor (Map lookup + Response).
// Peers other than ours intercept the global fetch, so each runs with its own
// interception switched on and leaves it off for the next.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { createElectronFake, MemoryFixtureStore } = require('../../dist/index.js');
const nock = require('nock');
const { http, HttpResponse } = require('msw');
const { setupServer } = require('msw/node');
const { Polly } = require('@pollyjs/core');
const FetchAdapter = require('@pollyjs/adapter-fetch');
const FSPersister = require('@pollyjs/persister-fs');

// nock 14 intercepts on require; it is switched on only around its own runs.
nock.restore();

const entries = 1000;
const batch = 2000;
// nock answers ~180 requests/s (it scans its interceptors), so it runs a smaller batch.
const nockBatch = 100;
const json = { 'content-type': 'application/json' };
const pathOf = (i) => `/item/${i % entries}`;
const bodyOf = (i) => JSON.stringify({ id: i % entries, title: `Item ${i % entries}` });

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

async function fetchAll(fetch, url, count) {
  for (let i = 0; i < count; i++) await (await fetch(url(i))).text();
  return count;
}

async function recordPolly(origin, url, recordingsDir) {
  const server = createServer((req, res) => {
    res.writeHead(200, json).end(bodyOf(Number(new URL(req.url, origin).pathname.split('/')[2])));
  });
  const port = await listen(server);
  Polly.register(FetchAdapter);
  Polly.register(FSPersister);
  const config = {
    adapters: ['fetch'],
    adapterOptions: { fetch: { context: globalThis } },
    persister: 'fs',
    persisterOptions: { fs: { recordingsDir } },
    // Every URL is requested many times over the runs, as repeatLast does for ours.
    matchRequestsBy: { order: false },
    logLevel: 'silent',
  };
  const recording = new Polly('replay-bench', { ...config, mode: 'record' });
  await fetchAll(globalThis.fetch, (i) => `http://127.0.0.1:${port}${pathOf(i)}?lang=en`, entries);
  await recording.stop();
  await new Promise((resolve) => server.close(resolve));
  const polly = new Polly('replay-bench', { ...config, mode: 'replay' });
  // Load the recording outside the timed runs: the first replayed request reads the file.
  await fetchAll(globalThis.fetch, (i) => `http://127.0.0.1:${port}${pathOf(i)}?lang=en`, 1);
  polly.disconnectFrom('fetch');
  return { polly, pollyUrl: (i) => `http://127.0.0.1:${port}${pathOf(i)}?lang=en` };
}

export default {
  name: 'P1 net.fetch replaying a 1,000-entry HAR (fixture transport, whole pipeline)',
  unit: 'requests/s',
  async setup() {
    const origin = 'http://api.test';
    const url = (i) => `${origin}${pathOf(i)}?lang=en`;
    const bodies = new Map(Array.from({ length: entries }, (_, i) => [url(i), bodyOf(i)]));
    const handler = (request) => new Response(bodies.get(request.url), { headers: json });

    const store = new MemoryFixtureStore();
    const recording = createElectronFake({
      env: {},
      transport: handler,
      recording: { mode: 'record', store, name: 'bench' },
    });
    await fetchAll(recording.net.fetch, url, entries);
    await recording.fake.recording.finish();
    const replaying = createElectronFake({
      env: {},
      recording: { mode: 'replay', store, name: 'bench', repeatLast: true },
    });

    nock.activate();
    nock.disableNetConnect();
    const scope = nock(origin).persist();
    for (let i = 0; i < entries; i++) scope.get(pathOf(i)).query({ lang: 'en' }).reply(200, bodyOf(i), json);
    nock.restore();

    const msw = setupServer(
      http.get('*', ({ request }) => HttpResponse.text(bodies.get(request.url), { headers: json })),
    );

    const recordingsDir = mkdtempSync(join(tmpdir(), 'esf-bench-polly-'));
    return {
      url,
      handler,
      net: replaying.net,
      msw,
      recordingsDir,
      ...(await recordPolly(origin, url, recordingsDir)),
    };
  },
  async ours({ net, url }) {
    return fetchAll(net.fetch, url, batch);
  },
  peers: [
    {
      name: 'Polly.js 6 (fetch adapter, fs persister, replay)',
      target: { ratioAtLeast: 5 },
      async run({ polly, pollyUrl }) {
        polly.connectTo('fetch');
        try {
          return await fetchAll(globalThis.fetch, pollyUrl, batch);
        } finally {
          polly.disconnectFrom('fetch');
        }
      },
    },
    {
      name: 'nock 14 (persisted scope, 1,000 interceptors)',
      target: { ratioAtLeast: 100 },
      async run({ url }) {
        nock.activate();
        try {
          return await fetchAll(globalThis.fetch, url, nockBatch);
        } finally {
          nock.restore();
        }
      },
    },
    {
      name: 'msw 2 catch-all handler (for orientation)',
      async run({ msw, url }) {
        msw.listen({ onUnhandledRequest: 'error' });
        try {
          return await fetchAll(globalThis.fetch, url, batch);
        } finally {
          msw.close();
        }
      },
    },
    {
      name: 'floor (Map + Response)',
      target: { ratioAtLeast: 0.5 },
      async run({ handler, url }) {
        for (let i = 0; i < batch; i++) await handler({ url: url(i) }).text();
        return batch;
      },
    },
  ],
  target: { atLeast: 20_000 },
  async teardown({ polly, recordingsDir }) {
    await polly.stop();
    rmSync(recordingsDir, { recursive: true, force: true });
  },
};
