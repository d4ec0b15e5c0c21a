import type { Environment, Provider, SupportSnapshot, SyncFlag } from './schema';
import { expandCells, type Cell } from './cell';

/**
 * The cells of an environment the support data rules out, among the run's providers and sync flags:
 * the matrix runs no test for them (each would only be skipped), and the report lists them with the reason.
 */
export function notApplicableCells(environment: Environment, providers: Provider[], syncs: readonly SyncFlag[], snapshot: SupportSnapshot): Cell[] {
  return expandCells([environment], providers, snapshot).filter((cell) => syncs.includes(cell.sync) && cell.notApplicableReason !== null);
}
