import { test, expect } from '@playwright/test';
import { loadMatrixData } from '../matrix/load';
import { makeCell } from '../matrix/cell';
import { beforeCreation, creationExpectation } from './creationExpectation';

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

test('after creating, each sync state is owed its own advice: a second passkey when device-bound, a word on backup when not backed up yet', () => {
  const gpm = data.providers.find((p) => p.id === 'google-password-manager')!;
  const advice = (sync: 'synced' | 'eligible' | 'device-bound') => {
    const { deviceBoundAdvice, notBackedUpAdvice } = creationExpectation(seed, makeCell(env('android-chrome'), gpm, sync, seed), data.providers);
    return { deviceBoundAdvice, notBackedUpAdvice };
  };
  expect(advice('synced')).toEqual({ deviceBoundAdvice: false, notBackedUpAdvice: false });
  expect(advice('eligible')).toEqual({ deviceBoundAdvice: false, notBackedUpAdvice: true });
  expect(advice('device-bound')).toEqual({ deviceBoundAdvice: true, notBackedUpAdvice: false });
});
