import { expect, test } from '@playwright/test';
import { activeFaults } from '../../rp-fixture/faults';
import { providerIcon } from '../../rp-fixture/providerIcons';
import { iconShown } from './fixtureIcons';

const none = activeFaults([]);

test('each icon the fixture draws reads back as its provider, whatever the markup says', () => {
  expect(iconShown(providerIcon('ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4', none).src)).toBe('google-password-manager');
  expect(iconShown(providerIcon('bada5566-a7aa-401f-bd96-45619a55120d', none).src)).toBe('1password');
  expect(iconShown(providerIcon('08987058-cadc-4b81-b6e1-30de50dcbe96', none).src)).toBe('windows-hello');
  expect(iconShown(providerIcon('fa2b99dc-9e39-4257-8f92-4a30d23c4118', none).src)).toBe('security-key');
  // The question mark of a provider nobody can name, and no picture at all, are no provider's.
  expect(iconShown(providerIcon('00000000-0000-0000-0000-000000000000', none).src)).toBeNull();
  expect(iconShown(null)).toBeNull();
});

test('the icon of another provider reads as that other provider', () => {
  const wrong = providerIcon('ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4', activeFaults([{ name: 'icon-of-another-provider' }]));
  expect(iconShown(wrong.src)).toBe('icloud-keychain');
});
