import type { CDPSession } from '@playwright/test';
import type { CdpCredential } from './cdpCredential';
import type { Provider, SyncFlag } from '../matrix/schema';
import { installAaguidStamp, ZERO_AAGUID } from './aaguidStamp';
import { runRefusalOf, type Refusal } from './authenticatorRefusal';

/** The BE/BS authenticator-data flags of each sync flag. */
export const BACKUP_FLAGS: Record<SyncFlag, { backupEligibility: boolean; backupState: boolean }> = {
  synced: { backupEligibility: true, backupState: true },
  eligible: { backupEligibility: true, backupState: false },
  'device-bound': { backupEligibility: false, backupState: false },
};

/** A CDP virtual authenticator configured as one provider with one sync flag. */
export interface VirtualAuthenticator {
  id: string;
  provider: Provider;
  sync: SyncFlag;
  /** The AAGUID stamped into its passkeys. */
  aaguid: string;
  /** A fault injected into the run (--authenticator-refuses): what it refuses, or null. */
  refuses: Refusal | null;
  /** Every passkey it holds, private keys included (how a sync or a phone is emulated). */
  credentials(): Promise<CdpCredential[]>;
  addCredential(credential: CdpCredential): Promise<void>;
  /** The provider backs up its passkeys that can sync (BE=1): their backup state (BS) turns 1, as when sync is switched on later. */
  backUpAll(): Promise<void>;
  /** Sets a passkey's signature counter (its next use sends one more), as a copy of the key made at that count would have it. */
  setSignCount(credentialId: string, signCount: number): Promise<void>;
  /** Whether the person passes user verification (fingerprint, face, PIN) from now on; never while it refuses verification. */
  setUserVerified(verified: boolean): Promise<void>;
  /** Removes it; nothing to do once its page or browser is gone (a crash), so that never throws. */
  remove(): Promise<void>;
}

export interface AuthenticatorOptions {
  /** `hybrid` makes it a phone answering a cross-device sign-in; default: the provider's own. */
  transport?: 'hybrid';
  /** What it refuses; default: the run's refusal for its provider (PM_AUTHENTICATOR_REFUSES). */
  refuses?: Refusal | null;
}

/** One CDP transport: a platform provider answers as `internal`, a security key over USB. */
function cdpTransport(provider: Provider): 'internal' | 'usb' | 'nfc' | 'ble' {
  if (provider.transports.includes('internal')) return 'internal';
  const roaming = provider.transports.find((t): t is 'usb' | 'nfc' | 'ble' => t === 'usb' || t === 'nfc' || t === 'ble');
  if (!roaming) throw new Error(`Provider ${provider.id} has no transport the virtual authenticator can use`);
  return roaming;
}

/**
 * Adds the authenticator to the page's CDP session. The WebAuthn domain must be enabled first:
 * without it navigator.credentials.get hangs and ignores its timeout.
 */
export async function addVirtualAuthenticator(
  cdp: CDPSession,
  provider: Provider,
  sync: SyncFlag,
  options: AuthenticatorOptions = {},
): Promise<VirtualAuthenticator> {
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const flags = BACKUP_FLAGS[sync];
  const refuses = options.refuses === undefined ? runRefusalOf(provider.id) : options.refuses;
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      ctap2Version: 'ctap2_1',
      transport: options.transport ?? cdpTransport(provider),
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: refuses !== 'verification',
      // Off, nobody touches the authenticator: the request waits for the person until the RP's timeout.
      automaticPresenceSimulation: refuses !== 'presence',
      defaultBackupEligibility: flags.backupEligibility,
      defaultBackupState: flags.backupState,
    },
  });
  const aaguid = provider.aaguid ?? ZERO_AAGUID;
  const removeStamp = await installAaguidStamp(cdp, aaguid);
  return {
    id: authenticatorId,
    provider,
    sync,
    aaguid,
    refuses,
    async credentials() {
      return (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
    },
    async addCredential(credential) {
      await cdp.send('WebAuthn.addCredential', { authenticatorId, credential });
    },
    async backUpAll() {
      for (const { credentialId, backupEligibility } of (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials) {
        if (backupEligibility) await cdp.send('WebAuthn.setCredentialProperties', { authenticatorId, credentialId, backupEligibility: true, backupState: true });
      }
    },
    async setSignCount(credentialId, signCount) {
      await cdp.send('WebAuthn.setCredentialProperties', { authenticatorId, credentialId, signCount });
    },
    async setUserVerified(isUserVerified) {
      await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: isUserVerified && refuses !== 'verification' });
    },
    async remove() {
      try {
        await removeStamp();
        await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    },
  };
}

/** Playwright's error for a call on a page, context or browser that is closed: the session ended with it. */
function isGone(error: unknown): boolean {
  return error instanceof Error && /Target page, context or browser has been closed|Target closed|Session closed|Browser has been closed/i.test(error.message);
}
