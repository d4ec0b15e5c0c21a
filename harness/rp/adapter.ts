import type { Page } from '@playwright/test';
import type { OsId, BrowserId, SyncFlag } from '../matrix/schema';

/** How a user starts a passkey sign-in. */
export type SignInMethod =
  /** "Sign in with a passkey": no username, the authenticator offers its discoverable passkeys. */
  | 'discoverable'
  /** Username first, then a passkey for that account. */
  | 'username-first'
  /** The passkey picked from the username field's autofill list (conditional mediation). */
  | 'autofill'
  /** A phone's passkey, over the QR code the RP offers when the passkey is not on this device (hybrid). */
  | 'cross-device';

/** A way into an account besides its passkeys. */
export type WayIn = 'password' | 'email-link';

/** Where the RP took the user after a sign-in without a passkey. */
export interface AfterSignIn {
  /** The RP offered to create a passkey. */
  passkeyOffered: boolean;
}

/** The RP's clock, for scenarios about time (the passkey offer's interval): a test hook the RP provides. */
export interface RpClock {
  /** Lets `seconds` pass on the RP's clock. */
  advance(page: Page, baseUrl: string, seconds: number): Promise<void>;
  /** The RP's time now, by which it stamps what it shows (when a passkey was made and last used). */
  now(page: Page, baseUrl: string): Promise<Date>;
}

/** Why a page suggests a passkey in another provider: no passkey of the account syncs; every passkey is in one provider. */
export type AnotherProviderReason = 'none-syncs' | 'one-provider';

/** The management page's suggestion to add a passkey in another provider. */
export interface AnotherProviderSuggestion {
  /** The reasons the page gives; empty when the adapter cannot tell them apart (one message for both). */
  reasons: AnotherProviderReason[];
  /** The provider the page says holds every passkey, as the page names it; null when it names none. */
  provider: string | null;
}

/** What became of a delete on the management page. */
export type DeleteOutcome = 'deleted' | 'refused';

/** One passkey as the RP's management page shows it to the user. */
export interface PasskeyView {
  credentialId: string;
  /** The provider name the user is shown; null when the RP says it does not know the provider. */
  providerName: string | null;
  /**
   * Whose icon is shown, as the provider's id in the matrix data (`1password`, `windows-hello`, ...;
   * the adapter maps the RP's image to it); null when the RP shows a generic icon.
   */
  providerIcon: string | null;
  /** The sync state the user is shown, or 'unknown' when the page does not say. */
  sync: SyncFlag | 'unknown';
  /** Where the RP says the passkey was created. */
  createdIn: { os: OsId | 'unknown'; browser: BrowserId | 'unknown'; label: string };
  /** When the RP says the passkey was made; null when the page does not say. */
  createdAt: Date | null;
  /** When the RP says it was last used, 'never', or null when the page does not say. */
  lastUsedAt: Date | 'never' | null;
  /** passkey-rename: the name the user gave it, null when it has none; left out where the page shows no names. */
  name?: string | null;
}

/** What the RP tells the user around creating a passkey, before and after. */
export interface CreationView {
  /** Before: the providers the RP says will most likely save the passkey, most likely first; empty when it names none. */
  expectedProviders: string[];
  /** Before: the RP warned that the passkey will not sync from here. */
  wontSyncWarning: boolean;
  /**
   * After: where the RP says the passkey was saved (providerName null: it says it does not know) and
   * whether it syncs; null when the RP says nothing at all about the passkey it just made.
   */
  saved: { providerName: string | null; sync: SyncFlag | 'unknown' } | null;
  /** After: the RP advised adding a passkey elsewhere because this one stays on this device. */
  deviceBoundAdvice: boolean;
  /**
   * After: the RP warned that this passkey can sync but is not backed up yet (so it is only on this
   * device until it is), and said what to do; left out where the adapter does not read such advice.
   */
  notBackedUpAdvice?: boolean;
}

/** Whether the RP says a provider's passkeys can be used from here. */
export type Reachability = 'yes' | 'no' | 'maybe';

/** What the RP tells a user whose passkey sign-in did not work. */
export interface SignInHelpView {
  /** The providers named as holding the account's passkeys (name null: the RP says it does not know it). */
  providers: {
    name: string | null;
    reachable: Reachability;
    /** What the page says about reaching it from here, in its words; left out where the adapter cannot tell it apart. */
    why?: string;
  }[];
  /** A cross-device sign-in (QR code, "use a phone") is offered. */
  crossDevice: boolean;
  /** Other ways in offered. */
  otherWays: WayIn[];
  /** The RP explains how to recover an account that only passkeys sign in to (e.g. support). */
  recoveryPath: boolean;
  /** What the help says went wrong with the sign-in that led there, in its words; left out where the help does not repeat it. */
  whatFailed?: string;
  /** The help page's own title (the browser's tab, what a screen reader announces first), without the site's name; left out where the adapter cannot tell the two apart. */
  title?: string;
}

/**
 * What an RP may not have. A scenario that needs a feature the RP lacks is not applicable there, with
 * the adapter's reason in the report: never silently green.
 */
export type RpFeature =
  | 'several-passkeys'
  | 'management-page'
  | 'sign-in-help'
  | 'other-ways-in'
  | 'passkey-offer'
  | 'autofill-sign-in'
  | 'cross-device-sign-in'
  | 'email-link'
  | 'second-factor'
  | 'clock'
  | 'passkey-rename'
  | 'account-name';

/**
 * How the harness drives one RP through its pages, exactly as a user's browser would: it only
 * ever reaches the RP over HTTP, through the page. One implementation per RP; scenarios never
 * change per RP. The methods of a feature the RP lacks are left out, and the feature declared in
 * `lacks` with the reason.
 */
export interface RpAdapter {
  readonly name: string;
  /** Features the RP does not have, each with why, in words for the report. */
  readonly lacks?: Partial<Record<RpFeature, string>>;
  /** Creates an account with its first passkey and leaves the user signed in. */
  register(page: Page, baseUrl: string, username: string): Promise<CreationView>;
  /**
   * Optional, for speed: the same as `register` then `signOut` (an account with its first passkey,
   * made by the same passkey ceremony from one of the RP's pages, and the user signed out), through
   * the RP's own API rather than its buttons and page loads. Scenarios use it only where creating the
   * passkey is not what they check; without it they take `register` and `signOut`.
   */
  arrangePasskeyAccount?(page: Page, baseUrl: string, username: string): Promise<void>;
  signOut(page: Page, baseUrl: string): Promise<void>;
  /** Signs in with a passkey; resolves once signed in, throws RpStepError with what the RP said otherwise. */
  signIn(page: Page, baseUrl: string, method: SignInMethod, username: string): Promise<void>;
  /** The username the RP shows as signed in, or null. */
  signedInAs(page: Page, baseUrl: string): Promise<string | null>;
  /** several-passkeys: signed in, adds another passkey to the account, from the page where the RP offers it. */
  addPasskey?(page: Page, baseUrl: string): Promise<CreationView>;
  /** management-page: every passkey of the signed-in account, as the management page shows them. */
  listPasskeys?(page: Page, baseUrl: string): Promise<PasskeyView[]>;
  /**
   * management-page: the page's suggestion to add a passkey in another provider (every passkey in one
   * provider, or none syncs), as far as the adapter can read it; null when the page suggests nothing.
   */
  suggestsAnotherProvider?(page: Page, baseUrl: string): Promise<AnotherProviderSuggestion | null>;
  /**
   * management-page: deletes one passkey. When the RP warns that it is the account's last way in,
   * `confirmLosingAccess` says whether the user confirms; without confirmation it must refuse.
   */
  deletePasskey?(page: Page, baseUrl: string, credentialId: string, confirmLosingAccess: boolean): Promise<DeleteOutcome>;
  /**
   * management-page, optional: the account's ways in besides its passkeys, as the management page
   * lists them to the signed-in user (read from its words); an empty list where it lists none. Left
   * out where the adapter cannot read them: the check is then skipped, saying so.
   */
  otherWaysListed?(page: Page, baseUrl: string): Promise<WayIn[]>;
  /**
   * passkey-rename: gives one passkey a name on the management page; resolves once the RP confirms,
   * throws RpStepError with what it said when it refuses. `listPasskeys` then shows it as `name`.
   */
  renamePasskey?(page: Page, baseUrl: string, credentialId: string, name: string): Promise<void>;
  /**
   * account-name: signed in, changes the name the RP shows for the account (WebAuthn's
   * user.displayName, which providers show beside the passkey); resolves once the RP confirms,
   * throws RpStepError with what it said when it refuses.
   */
  renameAccount?(page: Page, baseUrl: string, displayName: string): Promise<void>;
  /**
   * sign-in-help: what the RP offers the user after a passkey sign-in for `username` did not work,
   * reached as the user reaches it: from the page the failed sign-in left open, by the RP's own link
   * (never a URL typed in). Throws RpStepError with what the page said when it offers no way onward.
   */
  signInHelp?(page: Page, baseUrl: string, username: string): Promise<SignInHelpView>;
  /**
   * other-ways-in: creates an account without a passkey, by another way in (the adapter picks which;
   * it keeps what it needs to sign in again, such as a password and an authenticator app's secret),
   * and leaves the user signed in, or on the passkey offer.
   */
  signUpWithoutPasskey?(page: Page, baseUrl: string, username: string): Promise<AfterSignIn & { way: WayIn }>;
  /** other-ways-in: signs in by the way in `signUpWithoutPasskey` made. */
  signInWithoutPasskey?(page: Page, baseUrl: string, username: string): Promise<AfterSignIn>;
  /**
   * email-link: signed in, adds the user's email address as a way in, and confirms it from the
   * user's mailbox (the adapter reads the mailbox however the RP's test setup offers it).
   */
  addEmailWayIn?(page: Page, baseUrl: string, username: string): Promise<void>;
  /** email-link: asks for a sign-in link to `username`'s address; returns the link as it arrived in the mailbox. */
  requestEmailLink?(page: Page, baseUrl: string, username: string): Promise<string>;
  /** email-link: opens a sign-in link and signs in; throws RpStepError with what the RP said when it refuses the link. */
  openEmailLink?(page: Page, baseUrl: string, link: string): Promise<AfterSignIn>;
  /**
   * email-link: how long, in seconds, the RP tells users its sign-in links work. With a clock, a link is
   * then opened 30 s before that time (it must work) and at it (it must not); without this member, only
   * a link a day old is tried.
   */
  readonly emailLinkLifetimeSeconds?: number;
  /**
   * second-factor: for an account `signUpWithoutPasskey` made with a password, signs in with the right
   * password and a wrong second-factor code (as someone who stole the password would). Throws
   * RpStepError with what the RP said when it refuses; resolves only if the RP let them in.
   */
  signInWithWrongCode?(page: Page, baseUrl: string, username: string): Promise<AfterSignIn>;
  /**
   * second-factor: the right password and a code someone watching the user could have seen: the one
   * the user typed last (`'just-used'`), or the one their authenticator app showed `secondsAgo`
   * seconds ago by the RP's clock. Throws RpStepError with what the RP said when it refuses;
   * resolves only if the RP let them in.
   */
  signInWithPastCode?(page: Page, baseUrl: string, username: string, code: PastCode): Promise<AfterSignIn>;
  /**
   * second-factor: a password one character off the user's (a near guess), with a second-factor code
   * the RP would take: one not used before, else the code alone is refused and the password is never
   * judged. Throws RpStepError with what the RP said when it refuses; resolves only if it let them in.
   */
  signInWithWrongPassword?(page: Page, baseUrl: string, username: string): Promise<AfterSignIn>;
  /** passkey-offer: on the offer to create a passkey, the user says "Not now" and goes on. */
  declinePasskeyOffer?(page: Page, baseUrl: string): Promise<void>;
  /** clock: the RP's clock, where the RP offers a test hook to move it. */
  readonly clock?: RpClock;
  /**
   * The words in which the RP tells the user which system and browser it thinks they are on (a
   * footer, a settings page), from the page the adapter opens for it; null where it says nothing.
   * A page that fails with a 5xx needs no check here: the cell is then an error, never not applicable.
   * Left out where the adapter cannot read them: the check is then not applicable, saying so.
   */
  environmentShown?(page: Page, baseUrl: string): Promise<string | null>;
}

/** A second-factor code seen before: the one just used, or the one shown some seconds ago. */
export type PastCode = 'just-used' | { secondsAgo: number };

/** Each feature in words: "<RP> has no <label>". */
export const FEATURE_LABELS: Record<RpFeature, string> = {
  'several-passkeys': 'way to add a second passkey',
  'management-page': 'passkey management page',
  'sign-in-help': 'help after a failed passkey sign-in',
  'other-ways-in': 'way in besides passkeys',
  'passkey-offer': 'offer to create a passkey',
  'autofill-sign-in': 'passkey autofill',
  'cross-device-sign-in': 'sign-in with a phone (QR code)',
  'email-link': 'sign-in by email link',
  'second-factor': 'second factor on its password sign-in',
  clock: 'clock a test can move',
  'passkey-rename': 'way to rename a passkey',
  'account-name': "way to change the account's name",
};

/** Which adapter members each feature needs. */
export const FEATURE_MEMBERS: Record<RpFeature, (keyof RpAdapter)[]> = {
  'several-passkeys': ['addPasskey'],
  'management-page': ['listPasskeys', 'suggestsAnotherProvider', 'deletePasskey'],
  'sign-in-help': ['signInHelp'],
  'other-ways-in': ['signUpWithoutPasskey', 'signInWithoutPasskey'],
  'passkey-offer': ['declinePasskeyOffer'],
  'autofill-sign-in': [],
  'cross-device-sign-in': [],
  'email-link': ['addEmailWayIn', 'requestEmailLink', 'openEmailLink'],
  'second-factor': ['signInWithWrongCode', 'signInWithPastCode', 'signInWithWrongPassword'],
  clock: ['clock'],
  'passkey-rename': ['renamePasskey'],
  'account-name': ['renameAccount'],
};

/** The RP refused or failed a step; carries what the user was shown. */
export class RpStepError extends Error {
  override name = 'RpStepError';
  constructor(
    readonly step: string,
    readonly shown: string,
  ) {
    super(`${step} failed; the RP said: ${shown}`);
  }
}

/** The RP gave no answer to a step in time: no verdict on the RP, the cell is an error. */
export class RpNoAnswerError extends Error {
  override name = 'RpNoAnswerError';
  constructor(
    readonly step: string,
    detail: string,
  ) {
    super(`${step}: the RP gave no answer (${detail})`);
  }
}
