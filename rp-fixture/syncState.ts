import type { CredentialDeviceType } from '@simplewebauthn/server';
import { faultOn, type ActiveFaults } from './faults';

/**
 * What the backup flags say about a passkey: synced (BE=1, BS=1), eligible (BE=1, BS=0: could
 * sync, not backed up yet) or device-bound (BE=0).
 */
export type SyncState = 'synced' | 'eligible' | 'device-bound';

const SYNC_TEXT: Record<SyncState, string> = {
  synced: 'Synced',
  eligible: 'Can sync, not backed up yet',
  'device-bound': 'Only on this device',
};

export function syncState(flags: { deviceType: CredentialDeviceType; backedUp: boolean }, faults: ActiveFaults): SyncState {
  // Fault misreport-sync: every passkey is claimed to be synced, whatever its flags say.
  if (faultOn(faults, 'misreport-sync')) return 'synced';
  if (flags.deviceType === 'singleDevice') return 'device-bound';
  return flags.backedUp ? 'synced' : 'eligible';
}

export function syncText(state: SyncState): string {
  return SYNC_TEXT[state];
}
