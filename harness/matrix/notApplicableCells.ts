import type { Environment, Provider, SupportSnapshot, SyncFlag } from './schema';
import { makeCell } from './cell';

/**
 * The provider and sync pairs the support data rules out in an environment: the matrix runs no
 * test for them (each would only be skipped), and the report lists them with the reason.
 */
export function notApplicablePairs(environment: Environment, providers: Provider[], syncs: SyncFlag[], snapshot: SupportSnapshot): { provider: Provider; sync: SyncFlag }[] {
  return providers.flatMap((provider) =>
    syncs.filter((sync) => makeCell(environment, provider, sync, snapshot).notApplicableReason !== null).map((sync) => ({ provider, sync })),
  );
}
