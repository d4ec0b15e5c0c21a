import type { WaysIn } from './context';
import type { Account } from './store';

/** A password, always with its second factor: an authenticator app (TOTP). */
export type PasswordWay = {
  /** `passwords.ts` format: salted scrypt. */
  hash: string;
  /** Base32 TOTP secret. */
  totpSecret: string;
  /** The last TOTP time step accepted, so a code works once. */
  lastTotpStep: number | null;
};

/** An email address for sign-in links; a way in only once a link sent to it was opened. */
export type EmailWay = { address: string; verifiedAt: Date | null };

/** When the passkey offer was last shown and last declined ("Not now"). */
export type PromotionState = { offeredAt: Date | null; dismissedAt: Date | null };

export type AccountWays = {
  account: Account;
  password?: PasswordWay | undefined;
  email?: EmailWay | undefined;
  promotion: PromotionState;
};

/** What a way in is called on the pages. */
export const WAY_NAMES = {
  password: 'Password and authenticator app',
  email: 'Email sign-in link',
} as const;

function emailKey(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * The ways into each account besides its passkeys, kept beside the passkey store (keyed by the
 * account's user handle, which never changes), and each account's passkey-offer history.
 */
export class WaysInStore {
  private readonly byUserId = new Map<string, AccountWays>();

  /** The account's record, created empty on first use. */
  of(account: Account): AccountWays {
    let ways = this.byUserId.get(account.userId);
    if (!ways) {
      ways = { account, promotion: { offeredAt: null, dismissedAt: null } };
      this.byUserId.set(account.userId, ways);
    }
    return ways;
  }

  setPassword(account: Account, hash: string, totpSecret: string, firstTotpStep: number | null): void {
    this.of(account).password = { hash, totpSecret, lastTotpStep: firstTotpStep };
  }

  removePassword(account: Account): void {
    this.of(account).password = undefined;
  }

  /** A TOTP step was used: no code of it or of an earlier step is accepted again. */
  recordTotpStep(account: Account, step: number): void {
    const password = this.of(account).password;
    if (password) password.lastTotpStep = step;
  }

  /** A new address starts unverified; setting the same address again keeps its verification. */
  setEmail(account: Account, address: string): EmailWay {
    const ways = this.of(account);
    if (ways.email && emailKey(ways.email.address) === emailKey(address)) return ways.email;
    ways.email = { address: address.trim(), verifiedAt: null };
    return ways.email;
  }

  /** Marks the address verified if it is still the account's address; false otherwise. */
  verifyEmail(account: Account, address: string, at: Date): boolean {
    const email = this.of(account).email;
    if (!email || emailKey(email.address) !== emailKey(address)) return false;
    email.verifiedAt ??= at;
    return true;
  }

  removeEmail(account: Account): void {
    this.of(account).email = undefined;
  }

  /** Accounts that verified this address (several accounts may share one). */
  accountsWithEmail(address: string): Account[] {
    const key = emailKey(address);
    return [...this.byUserId.values()]
      .filter((ways) => ways.email?.verifiedAt && emailKey(ways.email.address) === key)
      .map((ways) => ways.account);
  }

  /** The ways in besides passkeys, by kind. */
  kinds(account: Account): Array<keyof typeof WAY_NAMES> {
    const ways = this.byUserId.get(account.userId);
    return [...(ways?.password ? (['password'] as const) : []), ...(ways?.email?.verifiedAt ? (['email'] as const) : [])];
  }
}

/** The context's `waysIn`: "how else can this account get in?", in words for the pages. */
export function waysInList(store: WaysInStore): WaysIn {
  return {
    list: (account) =>
      store.kinds(account).map((kind) => (kind === 'email' ? `${WAY_NAMES.email} to ${store.of(account).email?.address ?? ''}` : WAY_NAMES[kind])),
  };
}
