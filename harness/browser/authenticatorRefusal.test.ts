import { test, expect } from '@playwright/test';
import { DataError } from '../matrix/dataError';
import { parseAuthenticatorRefusal, refusalOf } from './authenticatorRefusal';

const PROVIDERS = ['google-password-manager', '1password', 'bitwarden'];

function errorOf(value: string): string {
  try {
    parseAuthenticatorRefusal(value, PROVIDERS);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as Error).message;
  }
  throw new Error(`expected "${value}" to be refused`);
}

test('a refusal applies to every provider, or to those listed', () => {
  expect(parseAuthenticatorRefusal(undefined, PROVIDERS)).toBeNull();
  expect(parseAuthenticatorRefusal(' ', PROVIDERS)).toBeNull();
  const everyone = parseAuthenticatorRefusal('presence', PROVIDERS);
  expect(everyone).toEqual({ refuses: 'presence', providers: [] });
  expect(refusalOf(everyone, 'bitwarden')).toBe('presence');
  const some = parseAuthenticatorRefusal('verification:1password, bitwarden', PROVIDERS);
  expect(some).toEqual({ refuses: 'verification', providers: ['1password', 'bitwarden'] });
  expect(refusalOf(some, '1password')).toBe('verification');
  expect(refusalOf(some, 'google-password-manager')).toBeNull();
  expect(refusalOf(null, '1password')).toBeNull();
});

test('a bad refusal or an unknown provider is one line naming the flag, the value and what is accepted', () => {
  expect(errorOf('touch')).toBe(
    '--authenticator-refuses / PM_AUTHENTICATOR_REFUSES: "touch" is not a refusal; use presence or verification, optionally with the providers it applies to (e.g. presence:1password,bitwarden).',
  );
  expect(errorOf('Presence:1password')).toMatch(/"Presence:1password" is not a refusal/);
  expect(errorOf('presence:')).toMatch(/"presence:" names no provider after ":"/);
  expect(errorOf('presence:1password,lastpass')).toBe(
    '--authenticator-refuses / PM_AUTHENTICATOR_REFUSES: unknown provider "lastpass"; use one of google-password-manager, 1password, bitwarden.',
  );
  for (const value of ['touch', 'presence:', 'presence:lastpass']) expect(errorOf(value)).not.toContain('\n');
});
