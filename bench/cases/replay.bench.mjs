// net.fetch through the whole pipeline, answered by the fixture transport
// replaying a 1,000-entry HAR fixture, against the floor: a bare Map lookup
// plus building a Response and reading it. Issue 10 sets the target; this
// case only measures.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createElectronFake, MemoryFixtureStore } = require('../../dist/index.js');

const entries = 1000;
const batch = 2000;
const url = (i) => `http://api.test/item/${i % entries}?lang=en`;
const bodies = new Map();
for (let i = 0; i < entries; i++) bodies.set(url(i), JSON.stringify({ id: i, title: `Item ${i}` }));
const handler = (request) =>
  new Response(bodies.get(request.url), { headers: { 'content-type': 'application/json' } });

export default {
  name: 'net.fetch replaying a 1,000-entry HAR (fixture transport)',
  unit: 'requests/s',
  async setup() {
    const store = new MemoryFixtureStore();
    const recording = createElectronFake({
      env: {},
      transport: handler,
      recording: { mode: 'record', store, name: 'bench' },
    });
    for (let i = 0; i < entries; i++) await (await recording.net.fetch(url(i))).text();
    await recording.fake.recording.finish();
    // Every URL is fetched many times over the runs, so past its one recording it repeats.
    const replaying = createElectronFake({
      env: {},
      recording: { mode: 'replay', store, name: 'bench', repeatLast: true },
    });
    return { net: replaying.net };
  },
  async ours({ net }) {
    for (let i = 0; i < batch; i++) await (await net.fetch(url(i))).text();
    return batch;
  },
  peer: {
    name: 'floor (Map + Response)',
    async run() {
      for (let i = 0; i < batch; i++) await handler({ url: url(i) }).text();
      return batch;
    },
  },
};
