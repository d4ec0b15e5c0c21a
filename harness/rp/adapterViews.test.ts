import { expect, test } from '@playwright/test';
import { PasskeyListSchema, shapeProblem, SignInHelpViewSchema } from './adapterViews';

const passkey = {
  credentialId: 'abc',
  providerName: 'Google Password Manager',
  providerIcon: 'google-password-manager',
  sync: 'synced',
  createdIn: { os: 'windows', browser: 'chrome', label: 'Chrome on Windows' },
  createdAt: new Date('2026-01-01T00:00:00Z'),
  lastUsedAt: 'never',
};

test('a passkey list of the contract shape has no problem', () => {
  expect(shapeProblem(PasskeyListSchema, [passkey, { ...passkey, name: null, lastUsedAt: null, createdAt: null }])).toBeNull();
});

test('a date the page could not be read into (Invalid Date) is named with its place', () => {
  expect(shapeProblem(PasskeyListSchema, [{ ...passkey, createdAt: new Date('yesterday') }])).toMatch(/^0\.createdAt: /);
});

test('an environment the matrix does not know is the wrong shape: the adapter maps it to "unknown"', () => {
  expect(shapeProblem(PasskeyListSchema, [{ ...passkey, createdIn: { ...passkey.createdIn, os: 'Windows 11' } }])).toMatch(/^0\.createdIn\.os: .*\(got "Windows 11"\)$/);
});

test('a help view with reachability in words other than yes, no, maybe is the wrong shape', () => {
  const help = { providers: [{ name: 'Apple Passwords', reachable: 'should work' }], crossDevice: false, otherWays: [], recoveryPath: true };
  expect(shapeProblem(SignInHelpViewSchema, help)).toMatch(/^providers\.0\.reachable: /);
  expect(shapeProblem(SignInHelpViewSchema, { ...help, providers: [{ name: null, reachable: 'maybe' }] })).toBeNull();
});
