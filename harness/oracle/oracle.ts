import type { Cell } from '../matrix/cell';
import type { SupportSnapshot } from '../matrix/schema';
import type { World } from '../world/world';
import { creationExpectation, type CreationExpectation } from './creationExpectation';
import { expectedPasskey, type ExpectedPasskey } from './expectedPasskey';
import { signInExpectation, type SignInExpectation } from './signInExpectation';

/** What the RP must show in this cell, computed from the support snapshot and the world: never asked of the RP. */
export interface Oracle {
  snapshot: SupportSnapshot;
  creation(): CreationExpectation;
  createdPasskey(): ExpectedPasskey;
  signIn(world: World, device: string, provider?: string): SignInExpectation;
}

export function oracleFor(cell: Cell, snapshot: SupportSnapshot): Oracle {
  return {
    snapshot,
    creation: () => creationExpectation(snapshot, cell),
    createdPasskey: () => expectedPasskey(cell),
    signIn: (world, device, provider) => signInExpectation(snapshot, world.facts(), device, provider),
  };
}
