import type { CredentialDeviceType, Uint8Array_ } from '@simplewebauthn/server';
import type { DetectedEnvironment } from './environment';

/** One passkey of an account, as the RP keeps it. */
export type CredentialRecord = {
  /** Credential ID, base64url. */
  id: string;
  publicKey: Uint8Array_;
  counter: number;
  /** As the browser reported them at creation (usb, nfc, ble, hybrid, internal...). */
  transports: string[];
  /** Lower-case, hyphenated; all zeros when the provider does not say. */
  aaguid: string;
  deviceType: CredentialDeviceType;
  backedUp: boolean;
  createdEnvironment: DetectedEnvironment;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** A name the user gives the passkey on the account page; '' until then. */
  nickname: string;
};

export type Account = {
  /** As typed at creation. */
  username: string;
  /** WebAuthn user handle, base64url: random, never derived from the username. */
  userId: string;
  /** The name shown for the account (WebAuthn's user.displayName): the username until the user changes it. */
  displayName: string;
  credentials: CredentialRecord[];
};

/** A verified sign-in; `at` is when it was last used as recorded now (null: never). */
export type CredentialUse = { counter: number; deviceType: CredentialDeviceType; backedUp: boolean; at: Date | null };

/** Usernames are looked up case-insensitively so "Alice" cannot register beside "alice". */
function accountKey(username: string): string {
  return username.normalize('NFC').toLowerCase();
}

/** In-memory accounts and passkeys of one fixture RP instance. */
export class Store {
  private readonly accounts = new Map<string, Account>();
  /** Credential ID -> account key, so sign-in finds a passkey without a username. */
  private readonly owners = new Map<string, string>();

  findAccount(username: string): Account | undefined {
    return this.accounts.get(accountKey(username));
  }

  findCredential(credentialId: string): { account: Account; credential: CredentialRecord } | undefined {
    const owner = this.owners.get(credentialId);
    const account = owner === undefined ? undefined : this.accounts.get(owner);
    const credential = account?.credentials.find((candidate) => candidate.id === credentialId);
    return account && credential ? { account, credential } : undefined;
  }

  /**
   * Creates the account, with its first passkey when there is one (an account can also start with
   * another way in, such as a password); false when the username was taken meanwhile.
   */
  createAccount(username: string, userId: string, credential?: CredentialRecord): boolean {
    const key = accountKey(username);
    if (this.accounts.has(key)) return false;
    this.accounts.set(key, { username, userId, displayName: username, credentials: credential ? [credential] : [] });
    if (credential) this.owners.set(credential.id, key);
    return true;
  }

  addCredential(account: Account, credential: CredentialRecord): void {
    account.credentials.push(credential);
    this.owners.set(credential.id, accountKey(account.username));
  }

  /** Removes one passkey of the account; false when the account holds no such passkey. */
  removeCredential(account: Account, credentialId: string): boolean {
    const index = account.credentials.findIndex((candidate) => candidate.id === credentialId);
    if (index === -1) return false;
    account.credentials.splice(index, 1);
    this.owners.delete(credentialId);
    return true;
  }

  /** Gives one passkey of the account a name; false when the account holds no such passkey. */
  renameAccount(account: Account, displayName: string): void {
    account.displayName = displayName;
  }

  renameCredential(account: Account, credentialId: string, nickname: string): boolean {
    const credential = account.credentials.find((candidate) => candidate.id === credentialId);
    if (!credential) return false;
    credential.nickname = nickname;
    return true;
  }

  /** Records a verified sign-in: new counter, backup state (BS can change), time of use. */
  recordUse(credential: CredentialRecord, use: CredentialUse): void {
    credential.counter = use.counter;
    credential.deviceType = use.deviceType;
    credential.backedUp = use.backedUp;
    credential.lastUsedAt = use.at;
  }

  /** Only for the created-at-overwritten fault: a use stamped over the passkey's creation time. */
  overwriteCreatedAt(credential: CredentialRecord, at: Date): void {
    credential.createdAt = at;
  }
}
