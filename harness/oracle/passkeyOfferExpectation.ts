import type { SupportSnapshot } from '../matrix/schema';
import { canUse, type WorldFacts } from './signInExpectation';

/** How long a "Not now" must hold at the least: the seed's "don't nag" made checkable. */
export const NOT_NOW_HOLDS_SECONDS = 7 * 24 * 60 * 60;

export interface PasskeyOfferExpectation {
  /** After a sign-in without a passkey on the device: must the RP offer one, must it not, or may it? */
  offer: 'required' | 'forbidden' | 'allowed';
  because: string;
}

/**
 * The seed's advice on promoting passkeys: offer one to a user who has none that works here, but
 * never to one whose passkey made on this device works here, and not again soon after "Not now".
 * A passkey made elsewhere that syncs here may go unnoticed by the RP, so the offer is then allowed;
 * so may one that stays on another device of the same system, which the RP cannot tell from this one.
 */
export function passkeyOfferExpectation(snapshot: SupportSnapshot, facts: WorldFacts, deviceName: string): PasskeyOfferExpectation {
  const device = facts.devices.find((d) => d.name === deviceName);
  if (!device) throw new Error(`No device "${deviceName}" in the world`);
  const usable = facts.passkeys.filter((passkey) => device.slots.some((slot) => canUse(snapshot, passkey, device, slot)));
  if (usable.some((passkey) => passkey.device === deviceName)) {
    return { offer: 'forbidden', because: `a passkey made on ${deviceName} works there` };
  }
  const { lastShownAt, lastDeclinedAt } = facts.passkeyOffer;
  if (lastDeclinedAt !== null && facts.elapsedSeconds - lastDeclinedAt < NOT_NOW_HOLDS_SECONDS) {
    return { offer: 'forbidden', because: `the user said "Not now" ${facts.elapsedSeconds - lastDeclinedAt} s ago` };
  }
  if (usable.length) return { offer: 'allowed', because: `a passkey made on ${usable[0]!.device} works here, which the RP may not know` };
  // The RP cannot tell one device from another of the same system: a passkey that stays on another
  // device of this kind may, as far as it can see, be this one's.
  const lookAlike = facts.passkeys.find((passkey) => !passkey.lost && passkey.sync !== 'synced' && passkey.environment.os === device.environment.os);
  if (lookAlike) return { offer: 'allowed', because: `a passkey stays on ${lookAlike.device}, a device of the same system, which the RP cannot tell from this one` };
  if (lastShownAt === null) return { offer: 'required', because: 'no passkey works here and none was offered yet' };
  return { offer: 'allowed', because: 'no passkey works here and the last "Not now" was long ago' };
}
