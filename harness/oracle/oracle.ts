import type { Cell } from '../matrix/cell';
import type { MatrixData } from '../matrix/load';
import type { CapabilityId, SupportSnapshot } from '../matrix/schema';
import { anotherProvider, otherProviders } from '../matrix/support';
import { signInHelpExpectation, type SignInHelpExpectation } from './signInHelpExpectation';
import type { World } from '../world/world';
import { creationExpectation, type CreationExpectation } from './creationExpectation';
import { anotherProviderAdvice, type AnotherProviderExpectation } from './anotherProviderAdvice';
import { expectedPasskey, type ExpectedPasskey } from './expectedPasskey';
import { signInExpectation, type SignInExpectation } from './signInExpectation';
import { passkeyOfferExpectation, type PasskeyOfferExpectation } from './passkeyOfferExpectation';

export type Interruption = 'prompt-closed' | 'verification-failed' | 'prompt-left-open';

const INTERRUPTIONS: Record<Interruption, string> = {
  'prompt-closed': 'the person closed the passkey prompt',
  'verification-failed': 'the person could not be verified (fingerprint, face or PIN not accepted)',
  'prompt-left-open': 'the person left the passkey prompt open for an hour: a sign-in that old must be started again',
};

/** What the RP must show in this cell, computed from the support snapshot and the world: never asked of the RP. */
export interface Oracle {
  snapshot: SupportSnapshot;
  creation(): CreationExpectation;
  createdPasskey(): ExpectedPasskey;
  signIn(world: World, device: string, provider?: string): SignInExpectation;
  /** Whether the cell's browser has the capability, by its environment's capability profile. */
  browserHas(capability: CapabilityId): boolean;
  /** A passkey sign-in the person breaks off (closes the prompt) or fails to verify for (fingerprint, PIN). */
  interrupted(how: Interruption): SignInExpectation;
  /** Whether the RP must, must not or may offer a passkey after a sign-in without one on `device`. */
  passkeyOffer(world: World, device: string): PasskeyOfferExpectation;
  /** Whether the management page must, must not or may suggest a passkey in another provider, given the passkeys the user made. */
  anotherProviderAdvice(world: World): AnotherProviderExpectation;
  /** The provider a user here would add beside the cell's (user tip 3), or null when there is none. */
  secondProvider(): string | null;
  /** Every provider usable in the cell's environment but the cell's own, the likeliest first (secondProvider is the first). */
  otherProviders(): string[];
  /** What the RP must offer on `device` after a passkey sign-in there did not work. */
  signInHelp(world: World, device: string): SignInHelpExpectation;
}

export function oracleFor(cell: Cell, snapshot: SupportSnapshot, data: MatrixData): Oracle {
  return {
    snapshot,
    creation: () => creationExpectation(snapshot, cell, data.providers),
    createdPasskey: () => expectedPasskey(cell),
    signIn: (world, device, provider) => signInExpectation(snapshot, world.facts(), device, provider),
    browserHas: (capability) => data.capabilities[cell.environment.id]![capability],
    interrupted: (how) => ({ passkeySignIn: 'fails', because: INTERRUPTIONS[how] }),
    passkeyOffer: (world, device) => passkeyOfferExpectation(snapshot, world.facts(), device),
    anotherProviderAdvice: (world) => anotherProviderAdvice(world.facts().passkeys, data.providers),
    secondProvider: () => anotherProvider(snapshot, cell.environment, data.providers, cell.provider.id)?.id ?? null,
    otherProviders: () => otherProviders(snapshot, cell.environment, data.providers, cell.provider.id).map((p) => p.id),
    signInHelp: (world, device) => signInHelpExpectation(snapshot, data.providers, data.capabilities, world.facts(), device),
  };
}
