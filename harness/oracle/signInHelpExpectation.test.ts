import { test, expect } from '@playwright/test';
import { loadMatrixData } from '../matrix/load';
import { signInHelpExpectation } from './signInHelpExpectation';
import type { WorldFacts } from './signInExpectation';
import { madeOnLaptop, NOTHING_ELSE } from './factsForTests';

const data = loadMatrixData();
const seed = data.snapshots.find((s) => s.id === '2024-12')!;
const env = (id: string) => data.environments.find((e) => e.id === id)!;

function facts(here: string, passkeys: Partial<WorldFacts['passkeys'][number]>[]): WorldFacts {
  return {
    devices: [{ name: 'here', environment: env(here), slots: [{ provider: 'google-password-manager', account: 'personal' }] }],
    passkeys: passkeys.map((p) => madeOnLaptop(env('windows-chrome'), p)),
    ...NOTHING_ELSE,
  };
}

const help = (here: string, passkeys: Partial<WorldFacts['passkeys'][number]>[]) =>
  signInHelpExpectation(seed, data.providers, data.capabilities, facts(here, passkeys), 'here');

test('a synced passkey may be called reachable; one not backed up yet only "maybe"', () => {
  expect(help('android-chrome', [{}]).providers).toEqual([
    { provider: 'google-password-manager', names: ['Google Password Manager'], reachable: ['yes', 'maybe'] },
  ]);
  expect(help('android-chrome', [{ sync: 'eligible' }]).providers[0]!.reachable).toEqual(['maybe', 'no']);
});

test('Windows Hello from a phone, iCloud Keychain from Windows: only "no" is true', () => {
  const hello = { provider: 'windows-hello', environment: env('windows-edge'), sync: 'device-bound' as const };
  expect(help('android-chrome', [hello]).providers[0]!.reachable).toEqual(['no']);
  expect(help('windows-chrome', [hello]).providers[0]!.reachable).toEqual(['maybe', 'no']);
  const keychain = { provider: 'icloud-keychain', environment: env('ios-safari') };
  expect(help('windows-edge', [keychain]).providers[0]).toMatchObject({ names: ['iCloud Keychain', 'Apple Passwords', 'iCloud Keychain (Managed)'], reachable: ['no'] });
});

test('a provider with no public AAGUID must be named as unknown; a lost passkey is still on the RP\'s records', () => {
  expect(help('windows-chrome', [{ provider: 'roboform' }]).providers[0]).toMatchObject({ names: [], reachable: ['yes', 'maybe'] });
  expect(help('windows-chrome', [{ lost: true }]).providers[0]!.reachable).toEqual(['yes', 'maybe', 'no']);
});

test('a phone is owed only where the browser can be a hybrid client', () => {
  expect(help('windows-edge', [{}]).crossDevice).toBe(true);
  expect(help('linux-firefox', [{}]).crossDevice).toBe(false);
});
