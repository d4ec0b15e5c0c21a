import type { BrowserId, DetectedEnvironment, OsId } from './environment';
import { faultOn, type ActiveFaults } from './faults';

/**
 * Where a new passkey will most likely be saved, told to the user before creating it.
 * Knowledge as of 2026-11 (passkeys.dev device support; Chrome and Edge announcements): Windows
 * Hello still does not sync, Chrome on iPhone and iPad can save to Google Password Manager, Edge on
 * Windows can save to Microsoft Password Manager once the person turns it on. One row per OS and
 * browser group, first match wins.
 */
export type CreationAdvice = {
  /** The most likely provider's name; "none" when the browser has no built-in one, "unknown" when undetected. */
  provider: string;
  /** Providers that may take it instead, besides any third-party password manager. */
  alternatives: string[];
  /** Whether a passkey saved in `provider` syncs to the user's other devices. */
  sync: 'synced' | 'device-bound' | 'unknown';
  text: string;
  /** Said beside the advice when the likely provider will not sync from here; null when it will (or nobody can tell). */
  syncWarning: string | null;
};

type Row = { os: OsId; browsers: readonly BrowserId[] | 'any'; advice: CreationAdvice };

const GPM = 'Google Password Manager';
const ICLOUD = 'iCloud Keychain';
const HELLO = 'Windows Hello';
const MICROSOFT_PM = 'Microsoft Password Manager';

const THIRD_PARTY_NOTE = 'If you use a password manager such as 1Password, it may offer to save the passkey instead.';

const WINDOWS_HELLO_WONT_SYNC =
  'A passkey saved by Windows Hello stays on this computer: you will not find it on your phone or your other computers, and it is gone if this computer is lost or reset. To use it elsewhere too, let a password manager that syncs save it if one offers, or add a second passkey on another device afterwards.';

const ROWS: readonly Row[] = [
  {
    os: 'windows',
    browsers: ['chrome'],
    advice: {
      provider: GPM,
      alternatives: [HELLO],
      sync: 'synced',
      text: 'Chrome will most likely save your passkey in Google Password Manager, synced with your Google Account. On a computer without a TPM, Windows Hello saves it instead, only on this computer.',
      syncWarning: null,
    },
  },
  {
    os: 'windows',
    browsers: ['edge'],
    advice: {
      provider: HELLO,
      // Edge 142+ saves to Microsoft Password Manager only once the person has turned that on.
      alternatives: [MICROSOFT_PM],
      sync: 'device-bound',
      text: 'Windows Hello will most likely save your passkey on this computer only. It will not sync to your other devices. If you turned on saving passkeys in Microsoft Password Manager, Edge saves it there instead, synced to your other Windows computers.',
      syncWarning: WINDOWS_HELLO_WONT_SYNC,
    },
  },
  {
    os: 'windows',
    browsers: ['firefox'],
    advice: {
      provider: HELLO,
      alternatives: [],
      sync: 'device-bound',
      text: 'Windows Hello will most likely save your passkey on this computer only. It will not sync to your other devices.',
      syncWarning: WINDOWS_HELLO_WONT_SYNC,
    },
  },
  {
    os: 'windows',
    browsers: 'any',
    advice: {
      provider: HELLO,
      alternatives: [],
      sync: 'device-bound',
      text: 'Your passkey will most likely be saved by Windows Hello on this computer only. It will not sync to your other devices.',
      syncWarning: WINDOWS_HELLO_WONT_SYNC,
    },
  },
  {
    os: 'macos',
    browsers: ['chrome'],
    advice: {
      provider: ICLOUD,
      alternatives: [GPM],
      sync: 'synced',
      text: 'Your passkey will most likely be saved in iCloud Keychain, synced to your Apple devices. Chrome may offer Google Password Manager instead.',
      syncWarning: null,
    },
  },
  {
    os: 'macos',
    browsers: 'any',
    advice: {
      provider: ICLOUD,
      alternatives: [],
      sync: 'synced',
      text: 'Your passkey will most likely be saved in iCloud Keychain, synced to your Apple devices.',
      syncWarning: null,
    },
  },
  {
    os: 'ios',
    browsers: ['chrome'],
    advice: {
      provider: ICLOUD,
      alternatives: [GPM],
      sync: 'synced',
      text: 'Your passkey will most likely be saved in iCloud Keychain, synced to your Apple devices. Chrome may offer Google Password Manager instead, synced with your Google Account.',
      syncWarning: null,
    },
  },
  {
    os: 'ios',
    browsers: 'any',
    advice: {
      provider: ICLOUD,
      alternatives: [],
      sync: 'synced',
      text: 'Your passkey will most likely be saved in iCloud Keychain, synced to your Apple devices.',
      syncWarning: null,
    },
  },
  {
    os: 'android',
    browsers: 'any',
    advice: {
      provider: GPM,
      alternatives: [],
      sync: 'synced',
      text: 'Your passkey will most likely be saved in Google Password Manager, synced with your Google Account.',
      syncWarning: null,
    },
  },
  {
    os: 'chromeos',
    browsers: 'any',
    advice: {
      provider: GPM,
      alternatives: [],
      sync: 'synced',
      text: 'Your passkey will most likely be saved in Google Password Manager, synced with your Google Account.',
      syncWarning: null,
    },
  },
  {
    os: 'linux',
    browsers: ['chrome'],
    advice: {
      provider: GPM,
      alternatives: [],
      sync: 'synced',
      text: 'Chrome will most likely save your passkey in Google Password Manager, synced with your Google Account.',
      syncWarning: null,
    },
  },
  {
    os: 'linux',
    browsers: 'any',
    advice: {
      provider: 'none',
      alternatives: ['Password manager extension', 'Security key'],
      sync: 'unknown',
      text: 'This browser has no built-in place for passkeys on Linux: use a password manager extension or a security key.',
      syncWarning: null,
    },
  },
];

const UNDETECTED: CreationAdvice = {
  provider: 'unknown',
  alternatives: [],
  sync: 'unknown',
  text: 'We could not tell which browser and system you are using, so we cannot say where your passkey will be saved.',
  syncWarning: null,
};

export function creationAdvice(environment: Pick<DetectedEnvironment, 'os' | 'browser'>, faults: ActiveFaults = new Map()): CreationAdvice {
  const row = ROWS.find(
    (candidate) =>
      candidate.os === environment.os && (candidate.browsers === 'any' || candidate.browsers.includes(environment.browser)),
  );
  const advice = row?.advice ?? UNDETECTED;
  // Fault no-sync-warning: a passkey that will stay on this device is announced without saying so.
  if (faultOn(faults, 'no-sync-warning')) return { ...advice, syncWarning: null };
  return advice;
}

/** The advice as one paragraph, ending with the note that a third-party manager may step in. */
export function creationAdviceText(advice: CreationAdvice): string {
  return `${advice.text} ${THIRD_PARTY_NOTE}`;
}
