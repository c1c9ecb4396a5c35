// Runs every bench/cases/*.bench.mjs in its own Node process (warm-up, several
// runs, median and spread), prints a table and writes bench/results.json.
// Benchmarks measure the built package (dist/); `npm run bench` builds first.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(join(here, 'cases'))
  .filter((f) => f.endsWith('.bench.mjs') && (only.length === 0 || only.some((name) => f.includes(name))))
  .sort();

const results = [];
for (const file of files) {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', join(here, 'worker.mjs'), join(here, 'cases', file)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  for (const line of output.trim().split('\n')) if (line.startsWith('{')) results.push(JSON.parse(line));
}

const fmt = (n) =>
  n === null || n === undefined
    ? '—'
    : n >= 100
      ? Math.round(n).toLocaleString('en-US')
      : n >= 0.1 || n === 0
        ? n.toFixed(2)
        : n.toPrecision(3);
// A case with several peers prints its own figure once, then one line per peer.
const rows = results.map((r, i) => [
  ...(i > 0 && results[i - 1].name === r.name
    ? ['', '', '', '']
    : [r.name, r.unit, fmt(r.ours), `±${fmt(r.spread)}%`]),
  r.peerName ?? '—',
  fmt(r.peer),
  fmt(r.ratio),
  r.targetText,
  Object.keys(r.target).length === 0 ? '—' : r.met ? 'yes' : 'NO',
]);
const header = ['benchmark', 'unit', 'ours', 'spread', 'peer', 'peer figure', 'ratio', 'target', 'met'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
// Informational lines (no target) are left out of the count.
const targeted = results.filter((r) => Object.keys(r.target).length > 0);
writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `\n${targeted.filter((r) => r.met).length}/${targeted.length} targets met; results in bench/results.json`,
);
