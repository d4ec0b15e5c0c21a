import { expect, test } from '@playwright/test';
import { loadMatrixData, selectSnapshot } from './load';
import { SYNC_FLAGS } from './cell';
import { cellsCheckedElsewhere, cellsTakingVerdict, checkedOnce, checkingCell, ONCE_PER, type CheckedOnce } from './checkedOnce';
import type { SyncFlag } from './schema';

const data = loadMatrixData();
const snapshot = selectSnapshot(data, undefined);
const windowsChrome = data.environments.find((e) => e.id === 'windows-chrome')!;
const providers = (ids: string[]) => data.providers.filter((p) => ids.includes(p.id));

function checking(sync: SyncFlag, scope: CheckedOnce, ids: string[], syncs: readonly SyncFlag[] = SYNC_FLAGS): string | undefined {
  return checkingCell(windowsChrome, sync, scope, providers(ids), syncs, snapshot)?.id;
}

test('a check runs in the first cell of the selection that can exist', () => {
  // Windows Hello passkeys never sync: its first cell that can exist is the device-bound one.
  expect(checking('synced', 'environment', ['windows-hello', '1password'])).toBe('windows-chrome/windows-hello/device-bound');
  expect(checking('synced', 'environment', ['1password'], ['eligible'])).toBe('windows-chrome/1password/eligible');
  expect(checking('synced', 'environment', ['windows-hello'], ['synced'])).toBeUndefined();
});

test('once per environment and sync state: one cell per sync state', () => {
  expect(checking('device-bound', 'environment-and-sync', ['windows-hello', '1password'])).toBe('windows-chrome/windows-hello/device-bound');
  expect(checking('synced', 'environment-and-sync', ['windows-hello', '1password'])).toBe('windows-chrome/1password/synced');
});

test('every cell that can exist either runs the check or takes the verdict of the one that does, and only one', () => {
  const all = data.providers;
  for (const environment of data.environments) {
    for (const scope of Object.keys(ONCE_PER) as CheckedOnce[]) {
      const elsewhere = cellsCheckedElsewhere(environment, scope, all, SYNC_FLAGS, snapshot).map((c) => c.id);
      const found = SYNC_FLAGS.map((sync) => checkingCell(environment, sync, scope, all, SYNC_FLAGS, snapshot)).filter((c) => c !== null);
      const checkers = [...new Map(found.map((c) => [c.id, c])).values()];
      if (scope === 'environment') expect(checkers.length, environment.id).toBeLessThanOrEqual(1);
      const taking = checkers.flatMap((c) => cellsTakingVerdict(c, scope, all, SYNC_FLAGS, snapshot).map((t) => t.id));
      expect(taking.sort(), `${environment.id} ${scope}`).toEqual([...elsewhere].sort());
      expect(new Set([...taking, ...checkers.map((c) => c.id)]).size).toBe(taking.length + checkers.length);
    }
  }
});

test('the tags say how often a test runs', () => {
  expect(checkedOnce([])).toBeNull();
  expect(checkedOnce(['@1password/synced', ONCE_PER.environment])).toBe('environment');
  expect(checkedOnce([ONCE_PER['environment-and-sync']])).toBe('environment-and-sync');
});
