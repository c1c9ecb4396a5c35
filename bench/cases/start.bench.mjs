// P6: what starting the fake costs. `require` of the built package plus
// createElectronFake(), timed inside a fresh Node process (so nothing is
// cached), and the heap one more session takes (1,000 from fromPartition).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const sessions = 1000;

const child = `
const start = process.hrtime.bigint();
const { createElectronFake } = require(${JSON.stringify(dist)});
createElectronFake();
process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));
`;

function heapAfterGc() {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

let round = 0;

export default [
  {
    name: 'P6 require + createElectronFake() in a fresh process',
    unit: 'ms',
    runs: 9,
    warmup: 1,
    ours: () => ({ value: Number(execFileSync(process.execPath, ['-e', child], { encoding: 'utf8' })) }),
    target: { atMost: 100 },
  },
  {
    name: 'P6 heap per extra session (1,000 from fromPartition)',
    unit: 'KB/session',
    runs: 5,
    warmup: 1,
    async ours() {
      const { createElectronFake } = require('../../dist/index.js');
      const { session } = createElectronFake();
      round++;
      const before = heapAfterGc();
      const made = Array.from({ length: sessions }, (_, i) => session.fromPartition(`bench-${round}-${i}`));
      const after = heapAfterGc();
      // Keep them reachable up to the second measurement.
      if (made.length !== sessions) throw new Error('fromPartition returned fewer sessions');
      return { value: (after - before) / sessions / 1024 };
    },
    target: { atMost: 200 },
  },
];
