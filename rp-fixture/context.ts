import type { ChallengeStore } from './challenges';
import type { RpConfig } from './config';
import type { EmailLinks } from './emailLinks';
import type { ActiveFaults } from './faults';
import type { Policy } from './policy';
import type { RelyingParty } from './relyingParty';
import type { Mailer } from './mailer';
import type { Account, Store } from './store';
import type { WaysInStore } from './waysInStore';

/** What every route of one fixture RP instance shares. */
export type FixtureContext = {
  rp: RelyingParty;
  store: Store;
  challenges: ChallengeStore;
  faults: ActiveFaults;
  sessionCookieName: string;
  /** Security settings: user verification. */
  policy: Policy;
  /** The other ways into an account besides its passkeys (e.g. "password + authenticator app", "email link"). */
  waysIn: WaysIn;
  /** Configuration (`config.ts`): passkey-only accounts, promotion interval, mail server, clock. */
  config: RpConfig;
  /** Passwords with their authenticator app, email addresses, passkey-offer history. */
  waysInStore: WaysInStore;
  /** Single-use links sent by email. */
  emailLinks: EmailLinks;
  mailer: Mailer;
};

/** Answers "how else can this account get in?", e.g. before its last passkey is deleted. */
export type WaysIn = { list(account: Account): string[] };
