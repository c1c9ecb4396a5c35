// The whole request pipeline answering from an in-process handler, against the
// floor: a bare Map lookup plus building a Response and reading it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createElectronFake } = require('../../dist/index.js');

const batch = 2000;
const bodies = new Map();
for (let i = 0; i < 100; i++) bodies.set(`http://api.test/item/${i}`, JSON.stringify({ id: i }));
const handler = (request) =>
  new Response(bodies.get(request.url), { headers: { 'content-type': 'application/json' } });

export default {
  name: 'net.fetch through the pipeline (in-process transport)',
  unit: 'requests/s',
  setup() {
    return { net: createElectronFake({ transport: handler }).net };
  },
  async ours({ net }) {
    for (let i = 0; i < batch; i++) await (await net.fetch(`http://api.test/item/${i % 100}`)).text();
    return batch;
  },
  peer: {
    name: 'floor (Map + Response)',
    async run() {
      for (let i = 0; i < batch; i++) await handler({ url: `http://api.test/item/${i % 100}` }).text();
      return batch;
    },
  },
  target: { ratioAtLeast: 0.5 },
};
