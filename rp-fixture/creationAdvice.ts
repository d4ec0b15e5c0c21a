import type { BrowserId, DetectedEnvironment, OsId } from './environment';

/**
 * Where a new passkey will most likely be saved, told to the user before creating it.
 * Knowledge as of the end of 2024; one row per OS and browser group, first match wins.
 */
export type CreationAdvice = {
  /** The most likely provider's name; "none" when the browser has no built-in one, "unknown" when undetected. */
  provider: string;
  /** Providers that may take it instead, besides any third-party password manager. */
  alternatives: string[];
  /** Whether a passkey saved in `provider` syncs to the user's other devices. */
  sync: 'synced' | 'device-bound' | 'unknown';
  text: string;
};

type Row = { os: OsId; browsers: readonly BrowserId[] | 'any'; advice: CreationAdvice };

const GPM = 'Google Password Manager';
const ICLOUD = 'iCloud Keychain';
const HELLO = 'Windows Hello';

const THIRD_PARTY_NOTE = 'If you use a password manager such as 1Password, it may offer to save the passkey instead.';

const ROWS: readonly Row[] = [
  {
    os: 'windows',
    browsers: ['chrome'],
    advice: {
      provider: GPM,
      alternatives: [HELLO],
      sync: 'synced',
      text: 'Chrome will most likely save your passkey in Google Password Manager, synced with your Google Account. On a computer without a TPM, Windows Hello saves it instead, only on this computer.',
    },
  },
  {
    os: 'windows',
    browsers: ['edge', 'firefox'],
    advice: {
      provider: HELLO,
      alternatives: [],
      sync: 'device-bound',
      text: 'Windows Hello will most likely save your passkey on this computer only. It will not sync to your other devices.',
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
    },
  },
];

const UNDETECTED: CreationAdvice = {
  provider: 'unknown',
  alternatives: [],
  sync: 'unknown',
  text: 'We could not tell which browser and system you are using, so we cannot say where your passkey will be saved.',
};

export function creationAdvice(environment: Pick<DetectedEnvironment, 'os' | 'browser'>): CreationAdvice {
  const row = ROWS.find(
    (candidate) =>
      candidate.os === environment.os && (candidate.browsers === 'any' || candidate.browsers.includes(environment.browser)),
  );
  return row?.advice ?? UNDETECTED;
}

/** The advice as one paragraph, ending with the note that a third-party manager may step in. */
export function creationAdviceText(advice: CreationAdvice): string {
  return `${advice.text} ${THIRD_PARTY_NOTE}`;
}
