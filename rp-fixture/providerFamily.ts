import { loadProviderFamilies } from './providerFamilyData';
import { listedProviderName } from './providerName';

/**
 * The provider a passkey lives in, as one family whatever its exact AAGUID: Windows Hello has
 * several, iCloud Keychain shows up as "Apple Passwords" and "iCloud Keychain (Managed)", and every
 * security key model has its own. Drives the provider icon and "all your passkeys are in one
 * provider". The families are data: rp-fixture/data/providerFamilies.json.
 */
export type ProviderFamilyId =
  | 'google-password-manager'
  | 'icloud-keychain'
  | 'windows-hello'
  | '1password'
  | 'dashlane'
  | 'bitwarden'
  | 'nordpass'
  | 'keeper'
  | 'samsung-pass'
  | 'proton-pass'
  | 'enpass'
  | 'lastpass'
  | 'security-key'
  /** Named in the AAGUID list, but none of the above. */
  | 'other'
  /** The all-zero AAGUID or one not in the list. */
  | 'unknown';

/** The families, from rp-fixture/data/providerFamilies.json (sourced and dated there). */
const ROWS = loadProviderFamilies().map((row) => ({
  ...row,
  id: row.id as ProviderFamilyId, // providerFamilies.test.ts checks every id is one of the union's
  names: row.namePattern === undefined ? undefined : new RegExp(row.namePattern, 'i'),
}));

/** The families whose icon is a monogram, in the data's order: every family the AAGUID list names by AAGUID. */
// Stryker disable next-line all: fault switch helper's data, read only by icon-of-another-provider (providerIcons.ts), off in every run that judges a mutant
export const FAMILIES_WITH_MONOGRAMS: readonly ProviderFamilyId[] = ROWS.filter((row) => row.monogram).map((row) => row.id);

/** The monogram each listed family's icon shows. */
export function familyMonogram(id: ProviderFamilyId): { text: string; background: string; foreground?: string } | undefined {
  // Stryker disable next-line OptionalChaining: equivalent: every caller asks for a family that has a row (providerIcons.ts answers the unknown, 'other' and security-key families before), so find never misses
  return ROWS.find((row) => row.id === id)?.monogram;
}

/** The family of a passkey from its AAGUID (lower-case, as stored; the data's are too). */
export function providerFamily(aaguid: string): ProviderFamilyId {
  const listedName = listedProviderName(aaguid);
  // Stryker disable next-line ConditionalExpression: not judged: read as 'other', an unlisted AAGUID gets the same grey question mark (UNKNOWN_SVG is the neutral '?' monogram) and the same reach, and whether its passkeys count as one provider the oracle leaves to the RP (anotherProviderAdvice's 'either')
  if (listedName === undefined) return 'unknown';
  const byAaguid = ROWS.find((row) => row.aaguids?.includes(aaguid));
  if (byAaguid) return byAaguid.id;
  const byName = ROWS.find((row) => row.names?.test(listedName));
  // Stryker disable next-line OptionalChaining,StringLiteral: not judged: no provider of the matrix is one the AAGUID list names but no family holds (each has a family of its own; RoboForm publishes no AAGUID)
  return byName?.id ?? 'other';
}
