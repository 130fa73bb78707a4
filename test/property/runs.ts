/**
 * Run counts for the property tests: small enough that `test/property` stays fast on
 * a two-core machine. PROPERTY_RUNS_FACTOR=20 (for example) makes a longer hunt;
 * the tests that talk to a real database scale their time limit with it.
 */
const factor = Math.max(1, Number(process.env.PROPERTY_RUNS_FACTOR ?? '1') || 1);

export function runs(count: number): number {
  return Math.round(count * factor);
}

/** A test's time limit for `runs()` runs: vitest's 20 s, times the factor. */
export const scaledTimeout = 20_000 * factor;
