/**
 * Where the malformed-body run goes. What it tries is the RP's handling of request bodies, which the
 * cell's provider and sync state do not reach: the endpoints and the bodies are the same in every
 * cell of an environment. So it runs once per environment, in the first cell of the run's selection
 * that can exist (the support data's order: providers, then sync states), and every other cell says
 * where it ran. The choice depends only on the selection, never on which test ran first, so a shard
 * or a filtered run still runs it once in each environment it covers.
 */
import { expandCells, type Cell } from '../matrix/cell';
import type { Environment, Provider, SupportSnapshot, SyncFlag } from '../matrix/schema';

export function malformedBodiesCell(environment: Environment, providers: Provider[], syncs: readonly SyncFlag[], snapshot: SupportSnapshot): Cell | null {
  return expandCells([environment], providers, snapshot).find((cell) => syncs.includes(cell.sync) && cell.notApplicableReason === null) ?? null;
}
