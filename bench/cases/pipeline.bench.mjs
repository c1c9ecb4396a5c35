// The whole request pipeline answering from an in-process handler, against the
// floor: calling the same handler directly with the Request it is given (a
// Map lookup, building the Request and the Response, reading it). The
// pipeline's own cost is the difference. Informational: issue 10's targets
// are on replay (replay.bench.mjs); here the handler's streamed body crosses
// the pipeline chunk by chunk, as a live response would.
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
    name: 'floor (handler called directly)',
    async run() {
      for (let i = 0; i < batch; i++) await handler(new Request(`http://api.test/item/${i % 100}`)).text();
      return batch;
    },
  },
};
