import { expect, test } from '@playwright/test';
import { loadMatrixData } from '../matrix/load';
import { NOT_NOW_HOLDS_SECONDS, passkeyOfferExpectation } from './passkeyOfferExpectation';
import type { WorldFacts } from './signInExpectation';
import { NOTHING_ELSE } from './factsForTests';

const data = loadMatrixData();
const seed = data.snapshots.find((s) => s.id === '2024-12')!;
const env = (id: string) => data.environments.find((e) => e.id === id)!;

function facts(overrides: Partial<WorldFacts>, passkeyOn?: { device: string; environment: string; sync?: 'synced' | 'device-bound' }): WorldFacts {
  return {
    devices: [
      { name: 'laptop', environment: env('windows-chrome'), slots: [{ provider: 'google-password-manager', account: 'personal' }] },
      { name: 'phone', environment: env('android-chrome'), slots: [{ provider: 'google-password-manager', account: 'personal' }] },
    ],
    passkeys: passkeyOn
      ? [{ device: passkeyOn.device, environment: env(passkeyOn.environment), provider: 'google-password-manager', account: 'personal', sync: passkeyOn.sync ?? 'synced', lost: false }]
      : [],
    ...NOTHING_ELSE,
    waysIn: ['password'],
    ...overrides,
  };
}

test('no passkey and never offered: the offer is owed', () => {
  expect(passkeyOfferExpectation(seed, facts({}), 'laptop').offer).toBe('required');
});

test('"Not now" holds at least a week; after that the offer may come back', () => {
  const declined = { passkeyOffer: { lastShownAt: 0, lastDeclinedAt: 0 } };
  expect(passkeyOfferExpectation(seed, facts({ ...declined, elapsedSeconds: 60 }), 'laptop').offer).toBe('forbidden');
  expect(passkeyOfferExpectation(seed, facts({ ...declined, elapsedSeconds: NOT_NOW_HOLDS_SECONDS }), 'laptop').offer).toBe('allowed');
});

test('a passkey made on this device forbids the offer; one synced from elsewhere allows it', () => {
  expect(passkeyOfferExpectation(seed, facts({}, { device: 'laptop', environment: 'windows-chrome', sync: 'device-bound' }), 'laptop').offer).toBe('forbidden');
  expect(passkeyOfferExpectation(seed, facts({}, { device: 'phone', environment: 'android-chrome' }), 'laptop').offer).toBe('allowed');
  // A device-bound passkey on the phone does not work on the laptop: the offer is owed.
  expect(passkeyOfferExpectation(seed, facts({}, { device: 'phone', environment: 'android-chrome', sync: 'device-bound' }), 'laptop').offer).toBe('required');
  // One on another computer of the same system may be this one's as far as the RP can tell: allowed either way.
  expect(passkeyOfferExpectation(seed, facts({}, { device: 'phone', environment: 'windows-edge', sync: 'device-bound' }), 'laptop').offer).toBe('allowed');
});
