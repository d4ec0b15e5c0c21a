import type { Cell } from '../matrix/cell';
import { loadMatrixData, type MatrixData } from '../matrix/load';
import type { SupportSnapshot } from '../matrix/schema';
import { beforeCreation, creationExpectation } from '../oracle/creationExpectation';
import { expectedPasskey } from '../oracle/expectedPasskey';
import { anotherProviderAdvice } from '../oracle/anotherProviderAdvice';
import { anotherProvider, defaultSyncFlag } from '../matrix/support';
import { signInHelpExpectation } from '../oracle/signInHelpExpectation';
import { BACKUP_FLAGS } from '../browser/virtualAuthenticator';
import type { Dimension } from '../report/dimension';

export interface PredictionContext {
  data: MatrixData;
  snapshot: SupportSnapshot;
}

/** One fault switch, the scenarios about it, the cells to run, and which of them the oracle says must go red. */
export interface CoveredFault {
  fault: string;
  scenarios: string[];
  envs: string[];
  providers: string[];
  /** Of the applicable cells run, those that must fail with the fault on; all others must stay green. */
  red(cell: Cell, context: PredictionContext): boolean;
  because: string;
  /** The dimensions whose checks catch it: the fault must turn each of them red, and no other. */
  dimensions: Dimension[];
  /** How the fixture RP is set up for both runs, as a user would in their shell (e.g. its user verification policy). */
  rpEnv?: Record<string, string>;
}

/** A fault switch no scenario checks yet, and why. */
export interface UncoveredFault {
  fault: string;
  uncovered: string;
}

export type FaultCase = CoveredFault | UncoveredFault;

/** The provider the mislabel switch targets, by its public AAGUID from the provider data. */
const ONE_PASSWORD_AAGUID = loadMatrixData().providers.find((p) => p.id === '1password')!.aaguid!;

const everyApplicableCell = () => true;

/** What the help page may truthfully say, from the oracle, of a passkey made in the cell and sought on a second device of the same kind. */
function yesIsAFalseReach(cell: Cell, { data, snapshot }: PredictionContext): boolean {
  const slot = { provider: cell.provider.id, account: 'personal' };
  const facts = {
    devices: [
      { name: 'home', environment: cell.environment, slots: [slot] },
      { name: 'work', environment: cell.environment, slots: [{ ...slot, account: 'work' }] },
    ],
    passkeys: [{ device: 'home', environment: cell.environment, provider: cell.provider.id, account: 'personal', sync: cell.sync, lost: false }],
    waysIn: [],
    passkeyOffer: { lastShownAt: null, lastDeclinedAt: null },
    elapsedSeconds: 0,
  };
  const [hint] = signInHelpExpectation(snapshot, data.providers, data.capabilities, facts, 'work').providers;
  return !hint!.reachable.includes('yes');
}

/**
 * Every fault switch of the fixture RP (rp-fixture/faults.ts). A covered one names the scenarios
 * that must catch it and predicts, from the support data and the oracle alone, which cells go red.
 */
export const FAULT_CASES: FaultCase[] = [
  {
    fault: `mislabel-provider=${ONE_PASSWORD_AAGUID}`,
    scenarios: ['register-and-sign-in', 'management-page-names-the-provider'],
    envs: ['windows-edge', 'android-chrome'],
    providers: ['1password', 'bitwarden'],
    red: (cell) => cell.provider.aaguid === ONE_PASSWORD_AAGUID,
    because: "1Password's passkeys are shown under another name",
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'misreport-sync',
    scenarios: ['management-page-names-the-provider'],
    envs: ['windows-edge'],
    providers: ['windows-hello', '1password'],
    red: (cell) => expectedPasskey(cell).sync !== 'synced',
    because: 'a passkey that is not synced is shown as synced',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'misdetect-environment',
    scenarios: ['management-page-names-the-provider'],
    envs: ['windows-chrome', 'macos-safari'],
    providers: ['1password'],
    red: (cell) => {
      const { os, browser } = expectedPasskey(cell).createdIn;
      return os !== 'windows' || browser !== 'chrome';
    },
    because: 'every passkey is said to be made in Chrome on Windows',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'no-sync-warning',
    scenarios: ['register-and-sign-in'],
    envs: ['windows-edge', 'windows-chrome', 'macos-safari'],
    providers: ['windows-hello', 'icloud-keychain'],
    red: (cell, { snapshot }) => beforeCreation(snapshot, cell.environment).noSyncWarning === 'required',
    because: 'where no built-in provider syncs, the "will not sync" warning is owed',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'no-device-bound-advice',
    scenarios: ['register-and-sign-in'],
    envs: ['linux-chrome'],
    providers: ['security-key', 'google-password-manager'],
    red: (cell, { snapshot, data }) => creationExpectation(snapshot, cell, data.providers).deviceBoundAdvice,
    because: 'a device-bound passkey is owed the advice to add a second one',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'no-not-backed-up-advice',
    scenarios: ['register-and-sign-in'],
    envs: ['linux-chrome'],
    providers: ['google-password-manager', 'security-key'],
    red: (cell, { snapshot, data }) => creationExpectation(snapshot, cell, data.providers).notBackedUpAdvice,
    because: 'a passkey that can sync but is not backed up yet is owed the warning that it is only on this device until it is',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'delete-last-passkey-silently',
    scenarios: ['deleted-passkey-tidied'],
    envs: ['windows-edge'],
    providers: ['windows-hello', 'security-key'],
    red: everyApplicableCell,
    because: 'the last way in goes without the user confirming',
    dimensions: ['leaves-a-way-in'],
  },
  {
    fault: 'no-fallback-link',
    scenarios: ['app-unlock-is-not-a-passkey'],
    envs: ['android-chrome'],
    providers: ['google-password-manager'],
    red: everyApplicableCell,
    because: 'the password the account has is not offered after a failed passkey sign-in',
    dimensions: ['leaves-a-way-in'],
  },
  {
    fault: 'dead-end-on-failure',
    scenarios: ['passkey-only-account-lost'],
    envs: ['ios-safari'],
    providers: ['icloud-keychain'],
    red: everyApplicableCell,
    because: 'the help names no provider and no way to recover',
    dimensions: ['tells-the-truth', 'leaves-a-way-in'],
  },
  {
    fault: 'no-help-after-failure',
    scenarios: ['passkey-only-account-lost', 'sign-in-interrupted'],
    envs: ['windows-edge', 'android-firefox'],
    providers: ['google-password-manager', 'bitwarden'],
    red: everyApplicableCell,
    because: 'a failed sign-in says so but leaves the user no link onward to the help',
    dimensions: ['leaves-a-way-in'],
  },
  {
    fault: 'no-provider-hints',
    scenarios: ['passkey-only-account-lost'],
    envs: ['macos-chrome'],
    providers: ['google-password-manager'],
    red: everyApplicableCell,
    because: 'the help does not name the provider that held the passkey',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'wrong-reachability',
    scenarios: ['same-provider-other-account'],
    envs: ['windows-chrome'],
    providers: ['google-password-manager', 'windows-hello'],
    red: yesIsAFalseReach,
    because: 'a passkey that never leaves its device is said to be reachable',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'no-cross-device',
    scenarios: ['sign-in-with-a-phone'],
    envs: ['windows-chrome', 'linux-firefox'],
    providers: ['1password'],
    red: (cell, { data }) => data.capabilities[cell.environment.id]!['hybrid-client'],
    because: 'no phone is offered where the browser could use one',
    dimensions: ['works'],
  },
  {
    fault: 'nag-every-login',
    scenarios: ['passkey-offer-does-not-nag'],
    envs: ['windows-chrome'],
    providers: ['google-password-manager'],
    red: everyApplicableCell,
    because: 'the passkey offer comes back right after "Not now"',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'promote-despite-passkey',
    scenarios: ['passkey-offer-does-not-nag'],
    envs: ['macos-safari'],
    providers: ['icloud-keychain'],
    red: everyApplicableCell,
    because: 'the offer comes although a passkey made here works',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'no-provider-icon',
    scenarios: ['management-page-names-the-provider'],
    envs: ['windows-chrome'],
    providers: ['google-password-manager', 'roboform'],
    red: (cell) => expectedPasskey(cell).providerNames.length > 0,
    because: 'a provider the RP can name is shown with a generic icon',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'icon-of-another-provider',
    scenarios: ['management-page-names-the-provider'],
    envs: ['macos-chrome'],
    providers: ['icloud-keychain', '1password', 'roboform', 'security-key'],
    // The fixture RP's security keys share one key icon, which the fault leaves alone.
    red: (cell) => expectedPasskey(cell).providerIcon !== null && cell.provider.id !== 'security-key',
    because: "a listed provider's passkey is shown with the next provider's icon",
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'last-used-not-updated',
    scenarios: ['management-page-names-the-provider'],
    envs: ['android-chrome'],
    providers: ['google-password-manager', 'security-key'],
    red: everyApplicableCell,
    because: 'a sign-in does not move "last used", which stays "never"',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'created-at-overwritten',
    scenarios: ['management-page-names-the-provider'],
    envs: ['linux-firefox'],
    providers: ['bitwarden', 'roboform'],
    red: everyApplicableCell,
    because: 'a sign-in an hour later is shown as when the passkey was made',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'stale-sync-state',
    scenarios: ['management-page-names-the-provider'],
    envs: ['android-chrome'],
    providers: ['google-password-manager'],
    red: (cell) => cell.sync === 'eligible',
    because: 'a passkey backed up after it was made is still shown as not syncing',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'no-exclude-credentials',
    scenarios: ['passkeys-in-several-providers'],
    envs: ['windows-chrome'],
    providers: ['google-password-manager', 'security-key'],
    red: everyApplicableCell,
    because: 'a provider that holds a passkey of the account is let make a second one',
    dimensions: ['works'],
  },
  {
    fault: 'no-second-provider-suggestion',
    scenarios: ['passkeys-in-several-providers'],
    envs: ['macos-safari'],
    providers: ['icloud-keychain', 'roboform'],
    red: (cell, { data, snapshot }) => {
      const made = (provider: string, sync: Cell['sync']) => ({ device: 'here', environment: cell.environment, provider, account: 'personal', sync, lost: false });
      const first = made(cell.provider.id, cell.sync);
      const second = anotherProvider(snapshot, cell.environment, data.providers, cell.provider.id)!;
      const owed = [anotherProviderAdvice([first], data.providers).owed, anotherProviderAdvice([first, made(second.id, defaultSyncFlag(snapshot, cell.environment, second))], data.providers).owed];
      return owed.includes('required');
    },
    because: 'every passkey in one provider, and no suggestion to add one in another',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'no-signal-on-delete',
    scenarios: ['deleted-passkey-tidied'],
    envs: ['windows-chrome', 'windows-firefox'],
    providers: ['1password'],
    red: (cell, { data }) => data.capabilities[cell.environment.id]!['signal-api'],
    because: 'a deleted passkey is not signalled to the provider, which keeps offering it',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'no-signal-unknown-credential',
    scenarios: ['deleted-passkey-tidied'],
    envs: ['android-chrome', 'android-firefox'],
    providers: ['google-password-manager'],
    red: (cell, { data }) => data.capabilities[cell.environment.id]!['signal-api'],
    because: 'a passkey the RP no longer knows is refused without telling the provider to forget it',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'reusable-email-link',
    scenarios: ['email-link-way-back-in'],
    envs: ['android-chrome'],
    providers: ['google-password-manager', 'security-key'],
    red: everyApplicableCell,
    because: 'a used email sign-in link signs in again',
    dimensions: ['safe'],
  },
  {
    fault: 'totp-not-checked',
    scenarios: ['a-stolen-password-is-not-enough'],
    envs: ['windows-firefox'],
    providers: ['windows-hello'],
    red: everyApplicableCell,
    because: 'the password with any authenticator-app code gets in',
    dimensions: ['safe'],
  },
  {
    fault: 'totp-wide-window',
    scenarios: ['a-stolen-password-is-not-enough'],
    envs: ['macos-chrome'],
    providers: ['google-password-manager'],
    red: everyApplicableCell,
    because: 'the password with the code from three minutes ago gets in',
    dimensions: ['safe'],
  },
  {
    fault: 'totp-code-reusable',
    scenarios: ['a-stolen-password-is-not-enough'],
    envs: ['android-chrome'],
    providers: ['google-password-manager'],
    red: everyApplicableCell,
    because: 'the password with the code the user just typed gets in again',
    dimensions: ['safe'],
  },
  {
    fault: 'ignore-client-hints',
    scenarios: ['system-and-browser-named'],
    envs: ['windows-chrome', 'macos-safari', 'android-chrome'],
    providers: ['1password'],
    red: (cell) => cell.environment.clientHints !== null,
    because: 'the site names the browser version in the user agent string (Chrome as x.0.0.0), not the one the browser told it, and no system version though the browser told it',
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'no-signal-rename',
    scenarios: ['account-name-reaches-the-provider'],
    envs: ['windows-chrome', 'windows-firefox', 'android-chrome'],
    providers: ['google-password-manager', '1password'],
    red: (cell, { data }) => data.capabilities[cell.environment.id]!['signal-api'],
    because: "the account's new name is not signalled, so the provider keeps showing the old one (where the browser has the Signal API)",
    dimensions: ['tells-the-truth'],
  },
  {
    fault: 'replayable-challenge',
    scenarios: ['security-forged-responses'],
    envs: ['windows-chrome'],
    providers: ['windows-hello', '1password'],
    red: everyApplicableCell,
    because: 'a sign-in answer caught on its way signs in from another browser',
    dimensions: ['safe'],
  },
  {
    fault: 'expired-form-dead-end',
    scenarios: ['security-csrf'],
    envs: ['windows-chrome', 'ios-safari'],
    providers: ['google-password-manager', 'icloud-keychain'],
    red: everyApplicableCell,
    because: 'the rename form left open across a new sign-in is refused by a page whose only link back leads nowhere',
    dimensions: ['leaves-a-way-in'],
  },
  {
    fault: 'one-challenge-at-a-time',
    scenarios: ['security-forged-responses'],
    envs: ['windows-chrome', 'android-chrome'],
    providers: ['google-password-manager', '1password'],
    red: everyApplicableCell,
    because: "a sign-in answered after another person's whole sign-in is refused: the RP kept only the newest challenge",
    dimensions: ['safe'],
  },
  {
    fault: 'challenge-never-expires',
    scenarios: ['security-forged-responses'],
    envs: ['macos-chrome'],
    providers: ['google-password-manager', 'security-key'],
    red: everyApplicableCell,
    because: "a sign-in answer that arrives 11 minutes after its options, past the longest timeout WebAuthn recommends, signs in",
    dimensions: ['safe'],
  },
  {
    fault: 'challenge-survives-failure',
    scenarios: ['security-forged-responses'],
    envs: ['linux-chrome'],
    providers: ['google-password-manager', 'security-key'],
    red: everyApplicableCell,
    because: 'the genuine answer caught on its way signs in from the same session after a refused try',
    dimensions: ['safe'],
  },
  {
    fault: 'skip-origin-check',
    scenarios: ['security-forged-responses'],
    envs: ['android-chrome'],
    providers: ['google-password-manager', 'security-key'],
    red: everyApplicableCell,
    because: 'an answer made on a phishing site signs in',
    dimensions: ['safe'],
  },
  {
    fault: 'origin-prefix-match',
    scenarios: ['security-forged-responses'],
    envs: ['windows-firefox'],
    providers: ['windows-hello', 'bitwarden'],
    red: everyApplicableCell,
    because: "an answer made on a look-alike site (the RP's origin and more) signs in",
    dimensions: ['safe'],
  },
  {
    fault: 'skip-rpid-check',
    scenarios: ['security-forged-responses'],
    envs: ['macos-safari'],
    providers: ['icloud-keychain'],
    red: everyApplicableCell,
    because: "an answer for another site's RP ID signs in",
    dimensions: ['safe'],
  },
  {
    fault: 'skip-owner-check',
    scenarios: ['security-forged-responses'],
    envs: ['linux-firefox'],
    providers: ['1password', 'security-key'],
    red: everyApplicableCell,
    because: "another account's passkey signs in to the account asked for",
    dimensions: ['safe'],
  },
  {
    fault: 'ignore-user-verification',
    scenarios: ['security-forged-responses'],
    envs: ['windows-edge'],
    providers: ['windows-hello', 'bitwarden'],
    red: everyApplicableCell,
    because: 'with user verification required, an answer without it signs in',
    dimensions: ['safe'],
    rpEnv: { RP_USER_VERIFICATION: 'required' },
  },
  {
    fault: 'ignore-counter',
    scenarios: ['security-forged-responses'],
    envs: ['windows-chrome', 'linux-chrome'],
    providers: ['windows-hello', 'security-key', '1password'],
    red: (cell) => !BACKUP_FLAGS[cell.sync].backupEligibility,
    because: "a device-bound passkey whose counter went back (a copy of the key) signs in; counters of passkeys that may sync are not judged",
    dimensions: ['safe'],
  },
  {
    fault: 'counter-equal-accepted',
    scenarios: ['security-forged-responses'],
    envs: ['windows-edge'],
    providers: ['windows-hello', 'security-key', 'bitwarden'],
    red: (cell) => !BACKUP_FLAGS[cell.sync].backupEligibility,
    because: 'a device-bound passkey answering with the counter it last had (a copy of the key used once) signs in; counters of passkeys that may sync are not judged',
    dimensions: ['safe'],
  },
  {
    fault: 'keep-session-id',
    scenarios: ['security-session'],
    envs: ['android-firefox'],
    providers: ['google-password-manager', 'dashlane'],
    red: everyApplicableCell,
    because: 'the session id from before sign-up and sign-in stays signed in',
    dimensions: ['safe'],
  },
  {
    fault: 'keep-session-at-sign-out',
    scenarios: ['security-session'],
    envs: ['macos-chrome'],
    providers: ['icloud-keychain', '1password'],
    red: everyApplicableCell,
    because: 'a copy of the session cookie taken while signed in still signs in after sign-out',
    dimensions: ['safe'],
  },
  {
    fault: 'no-csrf',
    scenarios: ['security-csrf'],
    envs: ['ios-safari'],
    providers: ['icloud-keychain', '1password'],
    red: everyApplicableCell,
    because: "a delete or rename with the user's cookies but without the page's token goes through",
    dimensions: ['safe'],
  },
  {
    fault: 'csrf-any-token',
    scenarios: ['security-csrf'],
    envs: ['android-chrome'],
    providers: ['google-password-manager', 'bitwarden'],
    red: everyApplicableCell,
    because: "a delete or rename with the user's cookies and a made-up token goes through",
    dimensions: ['safe'],
  },
  {
    fault: 'crash-on-malformed',
    scenarios: ['security-malformed-bodies'],
    envs: ['windows-chrome', 'android-firefox'],
    providers: ['google-password-manager', 'security-key'],
    red: everyApplicableCell,
    because: 'a malformed verify body is a 500 (sent once per environment, its verdict is every cell\'s there)',
    dimensions: ['safe'],
  },
];

export function isCovered(fault: FaultCase): fault is CoveredFault {
  return 'scenarios' in fault;
}
