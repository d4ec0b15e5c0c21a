/**
 * Checks the cell's provider and sync state cannot reach run once per environment (or once per
 * environment and sync state), not in every cell. A forged CSRF request, a planted session id or a
 * malformed body tests how the RP reads requests: the endpoints and the checks are the same whichever
 * provider made the passkey. Running them in each of an environment's cells would repeat the same
 * requests a dozen times; the report gives every cell of the environment the verdict of the one cell
 * that ran it, and names that cell.
 *
 * Which cell runs it depends only on the run's selection (the support data's order: providers, then
 * sync states), never on which test ran first, so a shard or a filtered run still runs it once in each
 * environment it covers: the run's plan (harness/plan/matrixPlan.ts) says which.
 */

/** How often a check runs: once per environment, or once per environment and sync state. */
export type CheckedOnce = 'environment' | 'environment-and-sync';

/** The test tags that declare it: `test(title, { tag: ONCE_PER.environment }, ...)`. */
export const ONCE_PER: Record<CheckedOnce, string> = {
  environment: '@once-per-environment',
  'environment-and-sync': '@once-per-environment-and-sync',
};

/** How often a test with these tags runs; null for one that runs in every cell. */
export function checkedOnce(tags: readonly string[]): CheckedOnce | null {
  const found = (Object.keys(ONCE_PER) as CheckedOnce[]).find((scope) => tags.includes(ONCE_PER[scope]));
  return found ?? null;
}
