import { expect, test } from '@playwright/test';
import { activeFaults } from './faults';
import { providerFamily } from './providerFamily';
import { providerIcon } from './providerIcons';
import { ZERO_AAGUID } from './providerName';

const none = activeFaults([]);

const KNOWN: Record<string, string> = {
  'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4': 'google-password-manager',
  'fbfc3007-154e-4ecc-8c0b-6e020557d7bd': 'icloud-keychain',
  'dd4ec289-e01d-41c9-bb89-70fa845d4bf2': 'icloud-keychain',
  '08987058-cadc-4b81-b6e1-30de50dcbe96': 'windows-hello',
  '6028b017-b1d4-4c02-b4b3-afcdafc96bb2': 'windows-hello',
  'bada5566-a7aa-401f-bd96-45619a55120d': '1password',
  '531126d6-e717-415c-9320-3d9aa6981239': 'dashlane',
  'd548826e-79b4-db40-a3d8-11116f7e8349': 'bitwarden',
  'b84e4048-15dc-4dd0-8640-f4f60813c8af': 'nordpass',
  '0ea242b4-43c4-4a1b-8b17-dd6d0b6baec6': 'keeper',
  '53414d53-554e-4700-0000-000000000000': 'samsung-pass',
  'fa2b99dc-9e39-4257-8f92-4a30d23c4118': 'security-key', // YubiKey 5 Series with NFC
  '42b4fb4a-2866-43b2-9bf7-6c6669c2e5d3': 'security-key', // Google Titan Security Key v2
};

test('every known provider gets its own family and icon', () => {
  const sources = new Set<string>();
  for (const [aaguid, family] of Object.entries(KNOWN)) {
    expect(providerFamily(aaguid), aaguid).toBe(family);
    const icon = providerIcon(aaguid, none);
    expect(icon.id).toBe(family);
    expect(icon.src).toMatch(/^data:image\/svg\+xml,%3Csvg/);
    sources.add(icon.src);
  }
  // One icon per family (Windows Hello's and iCloud Keychain's AAGUIDs share theirs, as do security keys).
  expect(sources.size).toBe(new Set(Object.values(KNOWN)).size);
});

test('the all-zero and unlisted AAGUIDs get the neutral unknown icon; other listed ones a grey initial', () => {
  const unknown = providerIcon(ZERO_AAGUID, none);
  expect(unknown.id).toBe('unknown');
  expect(providerIcon('01020304-0506-0708-0102-030405060708', none)).toEqual(unknown);
  const other = providerIcon('adce0002-35bc-c60a-648b-0b25f1f05503', none); // "Chrome on Mac"
  expect(other.id).toBe('other');
  expect(decodeURIComponent(other.src)).toContain('>C</text>');
  expect(other.src).not.toBe(unknown.src);
});

test('icons are self-contained SVG: no external references', () => {
  for (const aaguid of [...Object.keys(KNOWN), ZERO_AAGUID]) {
    const markup = decodeURIComponent(providerIcon(aaguid, none).src.replace('data:image/svg+xml,', ''));
    expect(markup).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>[\s\S]*<\/svg>$/);
    expect(markup).not.toMatch(/href|url\(|<script|<image/i);
  }
});

test('no-provider-icon: every passkey gets the unknown icon', () => {
  const faults = activeFaults([{ name: 'no-provider-icon' }]);
  const unknown = providerIcon(ZERO_AAGUID, none);
  for (const aaguid of Object.keys(KNOWN)) expect(providerIcon(aaguid, faults)).toEqual(unknown);
});

test('icon-of-another-provider: each listed provider shows another family\'s monogram; keys and unknowns keep theirs', () => {
  const faults = activeFaults([{ name: 'icon-of-another-provider' }]);
  for (const [aaguid, family] of Object.entries(KNOWN)) {
    const shown = providerIcon(aaguid, faults);
    if (family === 'security-key') expect(shown).toEqual(providerIcon(aaguid, none));
    else expect(shown.id, aaguid).not.toBe(family);
  }
  expect(providerIcon(ZERO_AAGUID, faults)).toEqual(providerIcon(ZERO_AAGUID, none));
});
