// P2: a 100,000-entry HAR file on disk, replayed through the public path
// (createElectronFake, file fixtures, replay mode). Loading it, up to the first
// request answered, and the cost of one replayed request at 100,000 entries
// against the same at 100 (the index must make a lookup O(1)).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { createElectronFake, MemoryFixtureStore } = require('../../dist/index.js');
// The recorder's own serialiser and key, so the file is what recording 100,000 requests would write.
const { serialiseHar } = require('../../dist/fixtures/har-file.js');
const { keyDigest, requestKey } = require('../../dist/fixtures/canonical-request.js');
const { recordedRequest } = require('../../dist/fixtures/replay-response.js');

const big = 100_000;
const small = 100;
const batch = 4000;
const url = (i) => `http://api.test/item/${i}?lang=en`;
const body = (i) => JSON.stringify({ id: i, title: `Item ${i}` });
// A fixed stride over every entry, so requests do not stay on a few hot keys.
const spread = (k, size) => (k * 7919) % size;

async function recordedTemplate() {
  const store = new MemoryFixtureStore();
  const fake = createElectronFake({
    env: {},
    transport: () => new Response(body(0), { headers: { 'content-type': 'application/json' } }),
    recording: { mode: 'record', store, name: 'template' },
  });
  await (await fake.net.fetch(url(0))).text();
  await fake.fake.recording.finish();
  return JSON.parse(await store.find('template.har')).log.entries[0];
}

function entryFor(template, i) {
  const text = body(i);
  const entry = {
    ...template,
    request: { ...template.request, url: url(i) },
    response: { ...template.response, content: { ...template.response.content, size: text.length, text } },
  };
  return { ...entry, _key: keyDigest(requestKey(recordedRequest(entry), {}).key) };
}

function writeFixture(dir, name, template, size) {
  const entries = Array.from({ length: size }, (_, i) => entryFor(template, i));
  writeFileSync(join(dir, `${name}.har`), serialiseHar(entries));
}

async function replaying(dir, name) {
  const fake = createElectronFake({ env: {}, recording: { mode: 'replay', dir, name, repeatLast: true } });
  await (await fake.net.fetch(url(0))).text();
  return fake.net;
}

async function microsPerRequest(net, size) {
  const start = process.hrtime.bigint();
  for (let k = 0; k < batch; k++) await (await net.fetch(url(spread(k, size)))).text();
  return { value: Number(process.hrtime.bigint() - start) / 1e3 / batch };
}

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'esf-bench-scale-'));
  const template = await recordedTemplate();
  writeFixture(dir, 'big', template, big);
  writeFixture(dir, 'small', template, small);
  return { dir };
}

const teardown = ({ dir }) => rmSync(dir, { recursive: true, force: true });

export default [
  {
    name: 'P2 loading a 100,000-entry HAR file (replay, first request answered)',
    unit: 's',
    lowerIsBetter: true,
    runs: 5,
    warmup: 1,
    setup,
    async ours({ dir }) {
      await replaying(dir, 'big');
      return 1;
    },
    target: { atMost: 2 },
    teardown,
  },
  {
    name: 'P2 replayed request at 100,000 entries vs at 100',
    unit: 'µs/request',
    runs: 7,
    async setup() {
      const ctx = await setup();
      return { ...ctx, big: await replaying(ctx.dir, 'big'), small: await replaying(ctx.dir, 'small') };
    },
    ours: ({ big: net }) => microsPerRequest(net, big),
    peers: [
      {
        name: 'same at 100 entries',
        target: { ratioAtMost: 1.5 },
        run: ({ small: net }) => microsPerRequest(net, small),
      },
    ],
    teardown,
  },
];
