import { expect, test } from '@playwright/test';
import { loadProviderFamilies } from './providerFamilyData';
import type { ProviderFamilyId } from './providerFamily';

/** Every family id the code knows, but 'other' and 'unknown', which no data row holds. */
const LISTED: Record<Exclude<ProviderFamilyId, 'other' | 'unknown'>, true> = {
  'google-password-manager': true,
  'icloud-keychain': true,
  'windows-hello': true,
  '1password': true,
  dashlane: true,
  bitwarden: true,
  nordpass: true,
  keeper: true,
  'samsung-pass': true,
  'proton-pass': true,
  enpass: true,
  lastpass: true,
  'security-key': true,
};

test('the data holds each family the code knows once, with AAGUIDs or a name pattern, and a monogram unless it is security keys', () => {
  const families = loadProviderFamilies();
  expect(families.map((f) => f.id).sort()).toEqual(Object.keys(LISTED).sort());
  for (const family of families) {
    expect(Boolean(family.aaguids?.length) !== Boolean(family.namePattern), family.id).toBe(true);
    expect(family.monogram === undefined, family.id).toBe(family.kind === 'security-key');
  }
  const aaguids = families.flatMap((f) => f.aaguids ?? []);
  expect(new Set(aaguids).size).toBe(aaguids.length);
  for (const aaguid of aaguids) expect(aaguid).toBe(aaguid.toLowerCase());
});
