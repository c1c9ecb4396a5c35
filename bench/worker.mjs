// Runs one benchmark case: warm-up, then `runs` timed batches of ours and then
// of each peer, reporting the median figure and the spread. Prints
// one JSON line per (case, peer) pair, or one for a case without peers.
import { pathToFileURL } from 'node:url';

const file = process.argv[2];
const { default: bench } = await import(pathToFileURL(file).href);
const cases = Array.isArray(bench) ? bench : [bench];

// A run returns an operation count (timed here), `{ ops, seconds }` when it
// times itself (e.g. in a child process), or `{ value }`, a figure in the unit.
async function sample(fn, ctx, lowerIsBetter) {
  const start = process.hrtime.bigint();
  const result = await fn(ctx);
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (typeof result === 'object' && 'value' in result) return result.value;
  const [ops, seconds] = typeof result === 'object' ? [result.ops, result.seconds] : [result, elapsed];
  return lowerIsBetter ? seconds / ops : ops / seconds;
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const spread = median === 0 ? 0 : ((sorted.at(-1) - sorted[0]) / 2 / median) * 100;
  return { median, spread };
}

const pick = (target, keys) =>
  Object.fromEntries(Object.entries(target ?? {}).filter(([key]) => keys.includes(key)));
const absoluteKeys = ['atLeast', 'atMost'];
const ratioKeys = ['ratioAtLeast', 'ratioAtMost'];

// `peer` (one, its ratio targets in the case's `target`) or `peers` (each with its own `target`).
function peersOf(c) {
  if (c.peers !== undefined) return c.peers;
  if (c.peer !== undefined) return [{ ...c.peer, target: pick(c.target, ratioKeys) }];
  return [];
}

function checks(target, unit, ours, ratio) {
  const list = [];
  if (target.atLeast !== undefined)
    list.push([`≥ ${target.atLeast.toLocaleString('en-US')} ${unit}`, ours >= target.atLeast]);
  if (target.atMost !== undefined)
    list.push([`≤ ${target.atMost.toLocaleString('en-US')} ${unit}`, ours <= target.atMost]);
  if (target.ratioAtLeast !== undefined)
    list.push([`≥ ${target.ratioAtLeast}× peer`, ratio !== null && ratio >= target.ratioAtLeast]);
  if (target.ratioAtMost !== undefined)
    list.push([`≤ ${target.ratioAtMost}× peer`, ratio !== null && ratio <= target.ratioAtMost]);
  return list;
}

for (const c of cases) {
  const runs = c.runs ?? 7;
  const lowerIsBetter = c.lowerIsBetter === true;
  const peers = peersOf(c);
  const ctx = c.setup === undefined ? {} : await c.setup();
  for (let i = 0; i < (c.warmup ?? 2); i++) {
    await c.ours(ctx);
    for (const peer of peers) await peer.run(ctx);
  }
  // Each party's runs go in one block after a full collection and one untimed
  // run: a forced full GC shrinks V8's young generation (the next short run
  // pays for growing it again), and interleaved parties paid for one another's
  // garbage, so neither happens inside a block.
  const block = async (fn) => {
    globalThis.gc?.();
    await fn(ctx);
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await sample(fn, ctx, lowerIsBetter));
    return samples;
  };
  const ours = await block(c.ours);
  const peerSamples = [];
  for (const peer of peers) peerSamples.push(await block(peer.run));
  await c.teardown?.(ctx);
  const o = stats(ours);
  const absolute = pick(c.target, absoluteKeys);
  // The case's absolute target goes on its first line; each peer's ratio target on its own.
  const lines =
    peers.length === 0
      ? [{ peer: undefined, target: absolute }]
      : peers.map((peer, k) => ({
          peer,
          k,
          target: k === 0 ? { ...absolute, ...peer.target } : { ...peer.target },
        }));
  for (const { peer, k, target } of lines) {
    const p = peer === undefined ? undefined : stats(peerSamples[k]);
    // ours ÷ peer in the reported unit: higher is better for rates, lower for times.
    const ratio = p === undefined ? null : o.median / p.median;
    const list = checks(target, c.unit, o.median, ratio);
    console.log(
      JSON.stringify({
        name: c.name,
        unit: c.unit,
        ours: o.median,
        spread: o.spread,
        peerName: peer?.name ?? null,
        peer: p?.median ?? null,
        peerSpread: p?.spread ?? null,
        ratio,
        target,
        targetText: list.map(([text]) => text).join(', ') || '—',
        met: list.every(([, ok]) => ok),
      }),
    );
  }
}
