import type { Environment } from '../matrix/schema';
import type { RegisteredPasskey, WorldFacts } from './signInExpectation';

/** What the oracle's unit tests leave at rest: no other way in, no passkey offer, no time let pass. */
export const NOTHING_ELSE: Pick<WorldFacts, 'waysIn' | 'passkeyOffer' | 'elapsedSeconds'> = {
  waysIn: [],
  passkeyOffer: { lastShownAt: null, lastDeclinedAt: null },
  elapsedSeconds: 0,
};

/** A synced Google Password Manager passkey made on "laptop" in `environment`, with the test's overrides. */
export function madeOnLaptop(environment: Environment, overrides: Partial<RegisteredPasskey>): RegisteredPasskey {
  return { device: 'laptop', environment, provider: 'google-password-manager', account: 'personal', sync: 'synced', lost: false, ...overrides };
}
