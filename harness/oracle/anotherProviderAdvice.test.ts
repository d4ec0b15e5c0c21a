import { expect, test } from '@playwright/test';
import { loadMatrixData } from '../matrix/load';
import type { SyncFlag } from '../matrix/schema';
import { anotherProviderAdvice } from './anotherProviderAdvice';
import type { RegisteredPasskey } from './signInExpectation';

const data = loadMatrixData();
const passkey = (provider: string, sync: SyncFlag): RegisteredPasskey => ({
  device: 'laptop',
  environment: data.environments[0]!,
  provider,
  account: 'personal',
  sync,
  lost: false,
});
const advice = (...passkeys: RegisteredPasskey[]) => anotherProviderAdvice(passkeys, data.providers).owed;
const full = (...passkeys: RegisteredPasskey[]) => anotherProviderAdvice(passkeys, data.providers);

test('one provider holding every passkey, or none syncing: the advice is owed', () => {
  expect(advice(passkey('google-password-manager', 'synced'))).toBe('required');
  expect(advice(passkey('windows-hello', 'device-bound'), passkey('security-key', 'device-bound'))).toBe('required');
});

test('passkeys spread over providers the RP can tell apart: the advice would be untrue', () => {
  expect(advice(passkey('google-password-manager', 'synced'), passkey('1password', 'synced'))).toBe('forbidden');
  expect(advice(passkey('security-key', 'device-bound'), passkey('icloud-keychain', 'synced'))).toBe('forbidden');
});

test('a provider with no public AAGUID cannot be told apart: either is fine', () => {
  expect(advice(passkey('roboform', 'synced'))).toBe('either');
});

test('an account with no passkey: advice about its passkeys would be untrue', () => {
  expect(full()).toEqual({ owed: 'forbidden', trueReasons: [], oneProvider: null });
});

test('the reasons the page may give are the true ones, and the one provider is the one holding them all', () => {
  const windowsHello = data.providers.find((p) => p.id === 'windows-hello');
  expect(full(passkey('windows-hello', 'device-bound'))).toEqual({ owed: 'required', trueReasons: ['none-syncs', 'one-provider'], oneProvider: windowsHello });
  expect(full(passkey('windows-hello', 'device-bound'), passkey('security-key', 'device-bound'))).toEqual({ owed: 'required', trueReasons: ['none-syncs'], oneProvider: null });
  expect(full(passkey('security-key', 'device-bound'))).toEqual({ owed: 'required', trueReasons: ['none-syncs'], oneProvider: null });
  expect(full(passkey('1password', 'synced')).trueReasons).toEqual(['one-provider']);
  expect(full(passkey('1password', 'synced'), passkey('windows-hello', 'device-bound'))).toEqual({ owed: 'forbidden', trueReasons: [], oneProvider: null });
  expect(full(passkey('roboform', 'device-bound')).trueReasons).toEqual(['none-syncs']);
});
