// Runs one benchmark case: warm-up, then `runs` timed batches of ours (and the
// peer's, interleaved), reporting the median rate and the spread.
import { pathToFileURL } from 'node:url';

const file = process.argv[2];
const { default: bench } = await import(pathToFileURL(file).href);
const cases = Array.isArray(bench) ? bench : [bench];

async function rate(fn, ctx) {
  const start = process.hrtime.bigint();
  const ops = await fn(ctx);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return ops / seconds;
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const spread = median === 0 ? 0 : ((sorted.at(-1) - sorted[0]) / 2 / median) * 100;
  return { median, spread };
}

for (const c of cases) {
  const runs = c.runs ?? 7;
  const ctx = c.setup === undefined ? {} : await c.setup();
  for (let i = 0; i < (c.warmup ?? 2); i++) {
    await c.ours(ctx);
    if (c.peer !== undefined) await c.peer.run(ctx);
  }
  const ours = [];
  const peer = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    ours.push(await rate(c.ours, ctx));
    if (c.peer !== undefined) {
      globalThis.gc?.();
      peer.push(await rate(c.peer.run, ctx));
    }
  }
  await c.teardown?.(ctx);
  const o = stats(ours);
  const p = peer.length > 0 ? stats(peer) : undefined;
  const lowerIsBetter = c.lowerIsBetter === true;
  const value = (x) => (lowerIsBetter ? 1 / x : x);
  const ratio = p === undefined ? null : lowerIsBetter ? p.median / o.median : o.median / p.median;
  const t = c.target ?? {};
  const checks = [];
  if (t.atLeast !== undefined)
    checks.push([`≥ ${t.atLeast.toLocaleString('en-US')} ${c.unit}`, value(o.median) >= t.atLeast]);
  if (t.atMost !== undefined) checks.push([`≤ ${t.atMost} ${c.unit}`, value(o.median) <= t.atMost]);
  if (t.ratioAtLeast !== undefined)
    checks.push([`≥ ${t.ratioAtLeast}× peer`, ratio !== null && ratio >= t.ratioAtLeast]);
  if (t.ratioAtMost !== undefined)
    checks.push([`≤ ${t.ratioAtMost}× peer`, ratio !== null && ratio <= t.ratioAtMost]);
  console.log(
    JSON.stringify({
      name: c.name,
      unit: c.unit,
      ours: value(o.median),
      spread: o.spread,
      peerName: c.peer?.name ?? null,
      peer: p === undefined ? null : value(p.median),
      ratio,
      target: t,
      targetText: checks.map(([text]) => text).join(', ') || '—',
      met: checks.every(([, ok]) => ok),
    }),
  );
}
