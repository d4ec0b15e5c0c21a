import { expect, test } from '@playwright/test';
import { activeFaults } from './faults';
import { providerName, UNKNOWN_PROVIDER, ZERO_AAGUID } from './providerName';

const GPM = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';
const WINDOWS_HELLO = '08987058-cadc-4b81-b6e1-30de50dcbe96';
const ONE_PASSWORD = 'bada5566-a7aa-401f-bd96-45619a55120d';
const VIRTUAL = '01020304-0506-0708-0102-030405060708';
const none = activeFaults([]);

test('names listed providers from their AAGUID', () => {
  expect(providerName(GPM, none)).toBe('Google Password Manager');
  expect(providerName(WINDOWS_HELLO, none)).toBe('Windows Hello');
  expect(providerName(ONE_PASSWORD, none)).toBe('1Password');
});

test('the all-zero and unlisted AAGUIDs are "Unknown provider"', () => {
  expect(providerName(ZERO_AAGUID, none)).toBe(UNKNOWN_PROVIDER);
  expect(providerName(VIRTUAL, none)).toBe(UNKNOWN_PROVIDER);
});

test('mislabel-provider: only its AAGUID gets a wrong name; GPM becomes iCloud Keychain', () => {
  expect(providerName(VIRTUAL, activeFaults([{ name: 'mislabel-provider', arg: VIRTUAL }]))).toBe('Google Password Manager');
  const onGpm = activeFaults([{ name: 'mislabel-provider', arg: GPM }]);
  expect(providerName(GPM, onGpm)).toBe('iCloud Keychain');
  expect(providerName(WINDOWS_HELLO, onGpm)).toBe('Windows Hello');
});
