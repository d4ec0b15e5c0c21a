import { expect, test } from '@playwright/test';
import { isLastWayIn } from './lastWayIn';
import type { Account, CredentialRecord } from './store';

const passkey = { id: 'a' } as CredentialRecord;
const account = (credentials: CredentialRecord[]): Account => ({ username: 'alice', userId: 'dXNlcg', displayName: 'alice', credentials });
const noOtherWays = { waysIn: { list: () => [] } };
const password = { waysIn: { list: () => ['password + authenticator app'] } };

test('the only passkey of an account with no other way in is its last way in', () => {
  expect(isLastWayIn(noOtherWays, account([passkey]))).toBe(true);
});

test('a second passkey or any other way in means it is not', () => {
  expect(isLastWayIn(noOtherWays, account([passkey, { id: 'b' } as CredentialRecord]))).toBe(false);
  expect(isLastWayIn(password, account([passkey]))).toBe(false);
  expect(isLastWayIn(noOtherWays, account([]))).toBe(false);
});

test('the other ways in are asked of the account in question', () => {
  const seen: string[] = [];
  isLastWayIn({ waysIn: { list: (of) => (seen.push(of.username), []) } }, account([passkey]));
  expect(seen).toEqual(['alice']);
});
