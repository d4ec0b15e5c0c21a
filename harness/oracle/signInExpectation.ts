import type { Environment, SupportSnapshot, SyncFlag } from '../matrix/schema';
import { isUsable, syncsHere } from '../matrix/support';
import type { WayIn } from '../rp/adapter';

/** A passkey the user created, as the user would tell it: where, with what, and whether it is gone. */
export interface RegisteredPasskey {
  device: string;
  environment: Environment;
  provider: string;
  account: string;
  sync: SyncFlag;
  lost: boolean;
}

/** What the user has: their devices, the providers on each, the passkeys they made, and what the RP offered them. */
export interface WorldFacts {
  devices: { name: string; environment: Environment; slots: { provider: string; account: string }[] }[];
  passkeys: RegisteredPasskey[];
  /** The account's ways in besides its passkeys. */
  waysIn: WayIn[];
  /** When the RP last offered a passkey and when the user last said "Not now", in seconds of the world's clock. */
  passkeyOffer: { lastShownAt: number | null; lastDeclinedAt: number | null };
  /** Seconds the scenario let pass on the RP's clock. */
  elapsedSeconds: number;
}

export interface SignInExpectation {
  /** Whether a passkey sign-in on the device, with the provider the user picks there, must work. */
  passkeySignIn: 'succeeds' | 'fails';
  /** Why, in words for the report. */
  because: string;
}

/**
 * Whether a passkey made elsewhere can be used on `device` with `provider`: it is the same device
 * and provider account, or it is a backed-up passkey of a provider that syncs both where it was
 * made and here, under the same account. Computed from the support snapshot alone.
 */
export function canUse(snapshot: SupportSnapshot, passkey: RegisteredPasskey, device: WorldFacts['devices'][number], slot: { provider: string; account: string }): boolean {
  if (passkey.lost || passkey.provider !== slot.provider || passkey.account !== slot.account) return false;
  if (!isUsable(snapshot, device.environment, slot.provider)) return false;
  if (passkey.device === device.name) return true;
  return (
    passkey.sync === 'synced' &&
    syncsHere(snapshot, passkey.environment, passkey.provider) &&
    syncsHere(snapshot, device.environment, slot.provider)
  );
}

export function signInExpectation(snapshot: SupportSnapshot, facts: WorldFacts, deviceName: string, provider?: string): SignInExpectation {
  const device = facts.devices.find((d) => d.name === deviceName);
  if (!device) throw new Error(`No device "${deviceName}" in the world`);
  const slot = provider ? device.slots.find((s) => s.provider === provider) : device.slots[0];
  if (!slot) throw new Error(`Device "${deviceName}" has no provider "${provider}"`);
  const usable = facts.passkeys.filter((p) => canUse(snapshot, p, device, slot));
  if (usable.length) {
    return { passkeySignIn: 'succeeds', because: `${slot.provider} (${slot.account}) on ${device.name} holds a passkey made on ${usable[0]!.device}` };
  }
  const mine = facts.passkeys.filter((p) => !p.lost);
  const why = facts.passkeys.length === 0 ? 'the user never made a passkey' : mine.length === 0 ? 'the user has no passkey left' : mine.map((p) => unreachableReason(snapshot, p, device, slot)).join('; ');
  return { passkeySignIn: 'fails', because: why };
}

function unreachableReason(snapshot: SupportSnapshot, passkey: RegisteredPasskey, device: WorldFacts['devices'][number], slot: { provider: string; account: string }): string {
  const where = `the ${passkey.provider} passkey made on ${passkey.device}`;
  if (passkey.provider !== slot.provider) return `${where} is in another provider than ${slot.provider}`;
  if (passkey.account !== slot.account) return `${where} is under account "${passkey.account}", ${device.name} is signed in to "${slot.account}"`;
  if (passkey.sync !== 'synced') return `${where} is ${passkey.sync}, so it never left ${passkey.device}`;
  if (!syncsHere(snapshot, passkey.environment, passkey.provider)) return `${where} does not sync from ${passkey.environment.label}`;
  return `${passkey.provider} does not sync to ${device.environment.label}`;
}
