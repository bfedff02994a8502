// How many cases each fast-check property tries. One number for the whole suite: 1,000 in
// `npm test`, more with `FC_RUNS` (`npm run test:deep` sets 100,000).
//
//   fc.assert(fc.property(arb, check), { numRuns: RUNS });
//
// tests/setup.ts also makes it fast-check's global default, so a property without options runs
// as many cases as one with them.
import fc from "fast-check";

function runsFromEnv(value: string | undefined): number {
  const runs = Number(value ?? 1000);
  return Number.isInteger(runs) && runs > 0 ? runs : 1000;
}

export const RUNS = runsFromEnv(process.env.FC_RUNS);

/** A time limit for the heaviest properties, growing with the number of runs. */
export const PROPERTY_TIMEOUT_MS = Math.max(30_000, RUNS * 30);

export function configureProperties(): void {
  fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: RUNS });
}
