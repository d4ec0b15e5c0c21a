import type { ChallengeStore } from './challenges';
import type { ActiveFaults } from './faults';
import type { RelyingParty } from './relyingParty';
import type { Store } from './store';

/** What every route of one fixture RP instance shares. */
export type FixtureContext = {
  rp: RelyingParty;
  store: Store;
  challenges: ChallengeStore;
  faults: ActiveFaults;
  sessionCookieName: string;
};
