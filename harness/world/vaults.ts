import type { CdpCredential } from '../browser/cdpCredential';

export type StoredCredential = CdpCredential;

/**
 * Where each passkey lives: a backed-up passkey of a syncing provider lives in the provider account
 * (and so on every device signed in to it, where the provider syncs); any other lives on one device.
 */
export class Vaults {
  private readonly vaults = new Map<string, StoredCredential[]>();

  static accountKey(provider: string, account: string): string {
    return `${provider}|${account}`;
  }

  static deviceKey(provider: string, account: string, device: string): string {
    return `${provider}|${account}|${device}`;
  }

  get(key: string): StoredCredential[] {
    return this.vaults.get(key) ?? [];
  }

  /** Puts the credential in `key`, replacing an older copy of it anywhere (counters move on). */
  put(key: string, credential: StoredCredential): void {
    this.remove(credential.credentialId);
    this.vaults.set(key, [...this.get(key), credential]);
  }

  remove(credentialId: string): boolean {
    let removed = false;
    for (const [key, list] of this.vaults) {
      const kept = list.filter((c) => c.credentialId !== credentialId);
      if (kept.length !== list.length) {
        removed = true;
        this.vaults.set(key, kept);
      }
    }
    return removed;
  }

  all(): StoredCredential[] {
    return [...this.vaults.values()].flat();
  }
}
