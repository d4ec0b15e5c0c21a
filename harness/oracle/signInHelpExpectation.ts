import type { CapabilityProfile, Provider, SupportSnapshot } from '../matrix/schema';
import type { Reachability, WayIn } from '../rp/adapter';
import { isUsable, syncsHere } from '../matrix/support';
import type { RegisteredPasskey, WorldFacts } from './signInExpectation';

/** One provider the RP must name after a failed sign-in, and the reachability claims that are true. */
export interface ProviderHintExpectation {
  provider: string;
  /** Names the RP may show; empty when the provider has no public AAGUID (the RP must say it does not know). */
  names: string[];
  /** What the RP may truthfully say of reaching it from this device. */
  reachable: Reachability[];
}

/** The seed's "never a dead end", made checkable: what the help after a failed passkey sign-in must hold. */
export interface SignInHelpExpectation {
  providers: ProviderHintExpectation[];
  /** Cross-device sign-in must be offered where the browser can be a hybrid client. */
  crossDevice: boolean;
  /** The account's other ways in: the RP must offer them, and no other (it would be a dead end); with none, a way to recover. */
  otherWays: WayIn[];
}

/**
 * What may truthfully be said of reaching a passkey from `environment`. The RP cannot tell one
 * device from another, so a passkey that never leaves its device may be "maybe" on the same kind
 * of system; a security key and a third-party manager travel with the user, so "yes" or "maybe".
 * Where a passkey travels, "maybe" stays true even where the support data says the provider works
 * (Google Password Manager in Chrome on Android): the RP cannot see whether this device is signed in
 * to the account the passkey is in. "yes" is the more useful answer, not the only true one.
 */
function truthfulReach(snapshot: SupportSnapshot, passkey: RegisteredPasskey, provider: Provider, here: WorldFacts['devices'][number]): Reachability[] {
  if (provider.kind === 'security-key') return ['yes', 'maybe'];
  if (!isUsable(snapshot, here.environment, provider.id)) return ['no'];
  if (provider.kind === 'third-party') return ['yes', 'maybe'];
  const travels = passkey.sync === 'synced' && syncsHere(snapshot, passkey.environment, provider.id) && syncsHere(snapshot, here.environment, provider.id);
  if (travels) return ['yes', 'maybe'];
  // Backed up later (BS can turn 1), it would travel: "maybe" is true, "yes" is not.
  if (passkey.sync === 'eligible' && syncsHere(snapshot, here.environment, provider.id)) return ['maybe', 'no'];
  return passkey.environment.os === here.environment.os ? ['maybe', 'no'] : ['no'];
}

export function signInHelpExpectation(
  snapshot: SupportSnapshot,
  providers: Provider[],
  capabilities: Record<string, CapabilityProfile>,
  facts: WorldFacts,
  deviceName: string,
): SignInHelpExpectation {
  const here = facts.devices.find((d) => d.name === deviceName);
  if (!here) throw new Error(`No device "${deviceName}" in the world`);
  const hints = new Map<string, ProviderHintExpectation>();
  // A lost passkey is still on the RP's records (it cannot know), so it is still named; any reach claim stands.
  for (const passkey of facts.passkeys) {
    const provider = providers.find((p) => p.id === passkey.provider)!;
    const reach: Reachability[] = passkey.lost ? ['yes', 'maybe', 'no'] : truthfulReach(snapshot, passkey, provider, here);
    const known = hints.get(provider.id);
    // Several passkeys in one provider: any claim true of one of them is true of the provider.
    const reachable = known ? [...new Set([...known.reachable, ...reach])] : reach;
    hints.set(provider.id, { provider: provider.id, names: provider.aaguid ? [provider.name, ...provider.aliases] : [], reachable });
  }
  return { providers: [...hints.values()], crossDevice: capabilities[here.environment.id]!['hybrid-client'], otherWays: [...facts.waysIn] };
}
