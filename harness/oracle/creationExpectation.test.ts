import { test, expect } from '@playwright/test';
import { loadMatrixData } from '../matrix/load';
import { beforeCreation } from './creationExpectation';

const data = loadMatrixData();
const seed = data.snapshots.find((s) => s.id === '2024-12')!;
const env = (id: string) => data.environments.find((e) => e.id === id)!;

test('the seed\'s per-environment advice: Windows Hello in Edge will not sync; Apple and Android will', () => {
  expect(beforeCreation(seed, env('windows-edge'))).toEqual({ likelyProviders: ['windows-hello'], noSyncWarning: 'required' });
  expect(beforeCreation(seed, env('windows-firefox')).noSyncWarning).toBe('required');
  expect(beforeCreation(seed, env('windows-chrome'))).toEqual({
    likelyProviders: ['google-password-manager', 'windows-hello'],
    noSyncWarning: 'either',
  });
  expect(beforeCreation(seed, env('ios-safari'))).toEqual({ likelyProviders: ['icloud-keychain'], noSyncWarning: 'forbidden' });
  expect(beforeCreation(seed, env('android-firefox'))).toEqual({ likelyProviders: ['google-password-manager'], noSyncWarning: 'forbidden' });
  expect(beforeCreation(seed, env('linux-firefox'))).toEqual({ likelyProviders: [], noSyncWarning: 'either' });
});

test('every environment has an expectation naming known providers', () => {
  for (const environment of data.environments) {
    const expectation = beforeCreation(seed, environment);
    for (const id of expectation.likelyProviders) expect(data.providers.map((p) => p.id)).toContain(id);
  }
});
