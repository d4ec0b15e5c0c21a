import { expect, test } from '@playwright/test';
import { activeFaults } from './faults';
import { DEFAULT_POLICY, policyFrom, PolicyError } from './policy';
import { requireUserVerification } from './userVerification';

test('user verification defaults to preferred; the three WebAuthn values are accepted', () => {
  expect(policyFrom()).toEqual(DEFAULT_POLICY);
  expect(DEFAULT_POLICY.userVerification).toBe('preferred');
  for (const value of ['required', 'preferred', 'discouraged'] as const) expect(policyFrom({ userVerification: value }).userVerification).toBe(value);
});

test('anything else is refused in one line that lists the values', () => {
  const bogus = { userVerification: 'always' } as unknown as Parameters<typeof policyFrom>[0];
  expect(() => policyFrom(bogus)).toThrow(PolicyError);
  expect(() => policyFrom(bogus)).toThrow('Invalid user verification "always": use required, preferred, discouraged.');
});

test('UV is required only under "required"; ignore-user-verification drops it', () => {
  const none = activeFaults([]);
  expect(requireUserVerification(policyFrom({ userVerification: 'required' }), none)).toBe(true);
  expect(requireUserVerification(policyFrom({ userVerification: 'preferred' }), none)).toBe(false);
  expect(requireUserVerification(policyFrom({ userVerification: 'discouraged' }), none)).toBe(false);
  expect(requireUserVerification(policyFrom({ userVerification: 'required' }), activeFaults([{ name: 'ignore-user-verification' }]))).toBe(false);
});
