import { test, expect } from '@playwright/test';
import { loadMatrixData } from '../matrix/load';
import { signInExpectation, type WorldFacts } from './signInExpectation';
import { madeOnLaptop, NOTHING_ELSE } from './factsForTests';

const data = loadMatrixData();
const seed = data.snapshots.find((s) => s.id === '2024-12')!;
const env = (id: string) => data.environments.find((e) => e.id === id)!;
const slot = (provider: string, account = 'personal') => ({ provider, account });

function facts(passkeys: Partial<WorldFacts['passkeys'][number]>[]): WorldFacts {
  return {
    devices: [
      { name: 'laptop', environment: env('windows-chrome'), slots: [slot('google-password-manager'), slot('windows-hello')] },
      { name: 'edge', environment: env('windows-edge'), slots: [slot('windows-hello')] },
      { name: 'phone', environment: env('android-chrome'), slots: [slot('google-password-manager')] },
      { name: 'work-phone', environment: env('android-chrome'), slots: [slot('google-password-manager', 'work')] },
      { name: 'iphone', environment: env('ios-safari'), slots: [slot('icloud-keychain'), slot('1password')] },
    ],
    passkeys: passkeys.map((p) => madeOnLaptop(env('windows-chrome'), p)),
    ...NOTHING_ELSE,
  };
}

test('a synced GPM passkey reaches the phone on the same account, not the work profile', () => {
  const world = facts([{}]);
  expect(signInExpectation(seed, world, 'phone').passkeySignIn).toBe('succeeds');
  const work = signInExpectation(seed, world, 'work-phone');
  expect(work.passkeySignIn).toBe('fails');
  expect(work.because).toMatch(/account "personal", work-phone is signed in to "work"/);
});

test('Windows Hello never leaves its device; a device-bound GPM passkey neither', () => {
  const hello = facts([{ device: 'edge', environment: env('windows-edge'), provider: 'windows-hello', sync: 'device-bound' }]);
  expect(signInExpectation(seed, hello, 'edge').passkeySignIn).toBe('succeeds');
  expect(signInExpectation(seed, hello, 'laptop', 'windows-hello').passkeySignIn).toBe('fails');
  expect(signInExpectation(seed, hello, 'phone').because).toMatch(/another provider/);
  const bound = facts([{ device: 'phone', environment: env('android-chrome'), sync: 'device-bound' }]);
  expect(signInExpectation(seed, bound, 'laptop').because).toMatch(/device-bound, so it never left phone/);
});

test('a passkey backed up but not yet synced (eligible) stays where it was made', () => {
  expect(signInExpectation(seed, facts([{ sync: 'eligible' }]), 'phone').passkeySignIn).toBe('fails');
});

test('iCloud Keychain does not reach Windows; a lost passkey reaches nothing', () => {
  const apple = facts([{ device: 'iphone', environment: env('ios-safari'), provider: 'icloud-keychain' }]);
  expect(signInExpectation(seed, apple, 'laptop').passkeySignIn).toBe('fails');
  expect(signInExpectation(seed, apple, 'iphone').passkeySignIn).toBe('succeeds');
  expect(signInExpectation(seed, facts([{ lost: true }]), 'laptop')).toEqual({
    passkeySignIn: 'fails',
    because: 'the user has no passkey left',
  });
});

test('a third-party manager syncs everywhere it is installed', () => {
  const onePassword = facts([{ device: 'iphone', environment: env('ios-safari'), provider: '1password' }]);
  expect(signInExpectation(seed, onePassword, 'iphone', '1password').passkeySignIn).toBe('succeeds');
  expect(signInExpectation(seed, onePassword, 'phone').passkeySignIn).toBe('fails'); // the phone has no 1Password
});
