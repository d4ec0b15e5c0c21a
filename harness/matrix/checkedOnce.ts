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
 * environment it covers.
 */
import { expandCells, type Cell } from './cell';
import type { Environment, Provider, SupportSnapshot, SyncFlag } from './schema';

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

/** The cells that can exist, among the run's providers and sync states, that share a check with a cell of `environment` and `sync`. */
function sharingCells(environment: Environment, sync: SyncFlag, scope: CheckedOnce, providers: Provider[], syncs: readonly SyncFlag[], snapshot: SupportSnapshot): Cell[] {
  return expandCells([environment], providers, snapshot).filter(
    (cell) => syncs.includes(cell.sync) && cell.notApplicableReason === null && (scope === 'environment' || cell.sync === sync),
  );
}

/** The cell that runs the check for a cell of `environment` and `sync`: the first of the selection that can exist; null when none can. */
export function checkingCell(environment: Environment, sync: SyncFlag, scope: CheckedOnce, providers: Provider[], syncs: readonly SyncFlag[], snapshot: SupportSnapshot): Cell | null {
  return sharingCells(environment, sync, scope, providers, syncs, snapshot)[0] ?? null;
}

/** The other cells that take the verdict of `checking`, which ran the check. */
export function cellsTakingVerdict(checking: Cell, scope: CheckedOnce, providers: Provider[], syncs: readonly SyncFlag[], snapshot: SupportSnapshot): Cell[] {
  return sharingCells(checking.environment, checking.sync, scope, providers, syncs, snapshot).filter((cell) => cell.id !== checking.id);
}

/** The cells of `environment` that do not run a check of `scope` themselves: the config leaves their tests out. */
export function cellsCheckedElsewhere(environment: Environment, scope: CheckedOnce, providers: Provider[], syncs: readonly SyncFlag[], snapshot: SupportSnapshot): Cell[] {
  return expandCells([environment], providers, snapshot).filter((cell) => {
    if (!syncs.includes(cell.sync) || cell.notApplicableReason !== null) return false;
    return checkingCell(environment, cell.sync, scope, providers, syncs, snapshot)?.id !== cell.id;
  });
}
