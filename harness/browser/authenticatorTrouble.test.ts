import { test, expect } from '@playwright/test';
import { authenticatorTrouble } from './authenticatorTrouble';

test('a refusing authenticator is blamed only for a request it refused or left unanswered', () => {
  const created = { kind: 'create', outcome: 'answered', error: null } as const;
  expect(authenticatorTrouble('1Password', null, [{ kind: 'get', outcome: 'pending', error: null }])).toBeNull();
  expect(authenticatorTrouble('1Password', 'verification', [created])).toBeNull();
  expect(authenticatorTrouble('1Password', 'verification', [])).toBeNull();
  expect(authenticatorTrouble('1Password', 'presence', [created, { kind: 'get', outcome: 'pending', error: null }])).toBe(
    "the passkey provider's authenticator (1Password) refused: no user presence, so navigator.credentials.get was never answered",
  );
  expect(authenticatorTrouble('Bitwarden', 'verification', [{ kind: 'create', outcome: 'rejected', error: 'NotAllowedError' }])).toBe(
    "the passkey provider's authenticator (Bitwarden) refused: user verification failed, so navigator.credentials.create was refused (NotAllowedError)",
  );
});
