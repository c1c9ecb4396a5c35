/** Runs per property in `npm run test:fuzz`, which sets FUZZ_RUNS. */
export const FUZZ_RUNS_LONG = 10_000;

/**
 * How many cases a property runs: `defaultRuns` (a few hundred) in the
 * ordinary suite, `FUZZ_RUNS` when set (`npm run test:fuzz` sets 10,000).
 * The seed stays fixed so a failure reproduces; FUZZ_SEED changes it.
 */
export function fuzzParameters(seed: number, defaultRuns = 300): { numRuns: number; seed: number } {
  const runs = Number(process.env['FUZZ_RUNS']);
  const seedOverride = Number(process.env['FUZZ_SEED']);
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
    seed: Number.isInteger(seedOverride) ? seedOverride : seed,
  };
}

/** A regular-expression group matching exactly one of `texts`, for building error-message patterns. */
export function anyOf(texts: readonly string[]): string {
  return `(${texts.map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
}
