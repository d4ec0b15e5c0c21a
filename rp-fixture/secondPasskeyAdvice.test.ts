import { expect, test } from '@playwright/test';
import { activeFaults } from './faults';
import { ZERO_AAGUID } from './providerName';
import { secondPasskeyAdvice, type PasskeySummary } from './secondPasskeyAdvice';

const none = activeFaults([]);
const gpm = (sync: PasskeySummary['sync'] = 'synced'): PasskeySummary => ({ aaguid: 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4', provider: 'Google Password Manager', sync });
const icloud: PasskeySummary = { aaguid: 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd', provider: 'Apple Passwords', sync: 'synced' };
const icloudManaged: PasskeySummary = { aaguid: 'dd4ec289-e01d-41c9-bb89-70fa845d4bf2', provider: 'iCloud Keychain (Managed)', sync: 'synced' };
const hello: PasskeySummary = { aaguid: '08987058-cadc-4b81-b6e1-30de50dcbe96', provider: 'Windows Hello', sync: 'device-bound' };
const hello2: PasskeySummary = { aaguid: '9ddd1817-af5a-4672-a2b9-3e3dd95000a9', provider: 'Windows Hello', sync: 'device-bound' };
const yubikey: PasskeySummary = { aaguid: 'fa2b99dc-9e39-4257-8f92-4a30d23c4118', provider: 'YubiKey 5 Series with NFC', sync: 'device-bound' };
const unknown: PasskeySummary = { aaguid: ZERO_AAGUID, provider: 'Unknown provider', sync: 'synced' };

test('all passkeys in one provider (family): one-provider, named', () => {
  expect(secondPasskeyAdvice([gpm()], none)).toEqual({ allDeviceBound: false, oneProvider: 'Google Password Manager' });
  expect(secondPasskeyAdvice([gpm(), gpm()], none).oneProvider).toBe('Google Password Manager');
  expect(secondPasskeyAdvice([icloud, icloudManaged], none).oneProvider).toBe('Apple Passwords');
});

test('passkeys in two providers: no one-provider advice', () => {
  expect(secondPasskeyAdvice([gpm(), icloud], none)).toEqual({ allDeviceBound: false, oneProvider: null });
});

test('every passkey device-bound: all-device-bound, whatever the providers', () => {
  expect(secondPasskeyAdvice([hello, yubikey], none)).toEqual({ allDeviceBound: true, oneProvider: null });
  expect(secondPasskeyAdvice([hello, hello2], none)).toEqual({ allDeviceBound: true, oneProvider: 'Windows Hello' });
  expect(secondPasskeyAdvice([hello, gpm()], none).allDeviceBound).toBe(false);
});

test('security keys are each their own device; an unnamed provider is never "one provider"', () => {
  expect(secondPasskeyAdvice([yubikey, yubikey], none).oneProvider).toBeNull();
  expect(secondPasskeyAdvice([unknown, unknown], none).oneProvider).toBeNull();
  expect(secondPasskeyAdvice([], none)).toEqual({ allDeviceBound: false, oneProvider: null });
});

test('no-second-provider-suggestion: neither suggestion, ever', () => {
  const faults = activeFaults([{ name: 'no-second-provider-suggestion' }]);
  expect(secondPasskeyAdvice([hello, hello2], faults)).toEqual({ allDeviceBound: false, oneProvider: null });
  expect(secondPasskeyAdvice([gpm()], faults)).toEqual({ allDeviceBound: false, oneProvider: null });
});
