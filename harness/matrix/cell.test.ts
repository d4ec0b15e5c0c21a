import { test, expect } from '@playwright/test';
import { expandCells, SYNC_FLAGS } from './cell';
import { loadMatrixData } from './load';

const data = loadMatrixData();
const seed = data.snapshots.find((s) => s.id === '2024-12')!;
const cells = expandCells(data.environments, data.providers, seed);
const find = (id: string) => cells.find((c) => c.id === id)!;

test('the matrix is every environment x provider x sync flag, in a stable order', () => {
  expect(data.environments).toHaveLength(19);
  expect(data.providers).toHaveLength(10);
  expect(cells).toHaveLength(19 * 10 * SYNC_FLAGS.length);
  expect(new Set(cells.map((c) => c.id)).size).toBe(cells.length);
  expect(cells[0]!.id).toBe(`${data.environments[0]!.id}/${data.providers[0]!.id}/synced`);
  expect(expandCells(data.environments, data.providers, seed).map((c) => c.id)).toEqual(cells.map((c) => c.id));
});

test('cells the seed marks unusable are not applicable, with the reason', () => {
  const gpmInEdge = find('windows-edge/google-password-manager/synced');
  expect(gpmInEdge.support).toBe('not-usable');
  expect(gpmInEdge.notApplicableReason).toContain('Google Password Manager is not usable in Edge on Windows');
  expect(gpmInEdge.notApplicableReason).toContain('2024-12');

  const keychainOnWindows = find('windows-chrome/icloud-keychain/synced');
  expect(keychainOnWindows.support).toBe('not-applicable');
  expect(keychainOnWindows.notApplicableReason).toMatch(/iCloud Keychain does not exist in Chrome on Windows/);

  expect(find('ios-chrome/google-password-manager/synced').support).toBe('coming-soon');
});

test('usable cells run, in the sync flags the provider can have there', () => {
  expect(find('windows-chrome/google-password-manager/synced').notApplicableReason).toBeNull();
  expect(find('windows-edge/windows-hello/device-bound').notApplicableReason).toBeNull();
  expect(find('windows-edge/windows-hello/synced').notApplicableReason).toMatch(/never synced.*Windows Hello/s);
  expect(find('android-chrome/google-password-manager/device-bound').notApplicableReason).toBeNull();
  expect(find('macos-safari/google-password-manager/device-bound').notApplicableReason).not.toBeNull();
  expect(find('linux-firefox/security-key/device-bound').notApplicableReason).toBeNull();
  expect(find('linux-firefox/security-key/synced').notApplicableReason).not.toBeNull();
  expect(find('ios-safari/1password/synced').notApplicableReason).toBeNull();
});

test('every not-applicable cell says why, and every cell is one or the other', () => {
  for (const cell of cells) {
    if (cell.support !== 'usable') expect(cell.notApplicableReason, cell.id).toBeTruthy();
    if (cell.notApplicableReason !== null) expect(cell.notApplicableReason.length, cell.id).toBeGreaterThan(30);
  }
  const runnable = cells.filter((c) => c.notApplicableReason === null);
  expect(runnable.length).toBeGreaterThan(200);
  expect(runnable.length).toBeLessThan(cells.length);
});

test('under the 2026-11 snapshot, Google Password Manager runs in Chrome on iOS; Windows Hello still never syncs', () => {
  const current = data.snapshots.find((s) => s.id === '2026-11')!;
  const now = (id: string) => expandCells(data.environments, data.providers, current).find((c) => c.id === id)!;
  expect(now('ios-chrome/google-password-manager/synced').notApplicableReason).toBeNull();
  expect(now('ios-chrome/google-password-manager/eligible').notApplicableReason).toBeNull();
  expect(now('ios-safari/google-password-manager/synced').notApplicableReason).toMatch(/not usable in Safari on iOS.*2026-11/s);
  expect(now('windows-edge/windows-hello/synced').notApplicableReason).toMatch(/never synced.*passkey sync on Windows is still planned/s);
  expect(now('android-chrome/icloud-keychain/synced').notApplicableReason).toMatch(/does not exist in Chrome on Android/);
});
