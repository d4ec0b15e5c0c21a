import { expect, test } from '@playwright/test';
import { SYNC_FLAGS } from '../matrix/cell';
import { ONCE_PER, type CheckedOnce } from '../matrix/checkedOnce';
import { DataError } from '../matrix/dataError';
import { matrixData } from '../matrix/load';
import type { SyncFlag } from '../matrix/schema';
import { MatrixPlan, PlanSelection, planSelection, wholeMatrix, type PlanRequest } from './matrixPlan';

const data = matrixData();

function request(selection: Partial<PlanRequest['selection']> = {}, more: Partial<Omit<PlanRequest, 'selection'>> = {}): PlanRequest {
  return { selection: { environments: [], providers: [], syncs: [], scenarios: [], ...selection }, snapshot: undefined, layout: undefined, ...more };
}

function plan(selection: Partial<PlanRequest['selection']> = {}, more: Partial<Omit<PlanRequest, 'selection'>> = {}): MatrixPlan {
  return new MatrixPlan(data, planSelection(data, request(selection, more), 'test:'));
}

const windowsChrome = data.environments.find((e) => e.id === 'windows-chrome')!;

function checking(sync: SyncFlag, scope: CheckedOnce, providers: string[], syncs: SyncFlag[] = [...SYNC_FLAGS]): string | undefined {
  return plan({ providers, syncs }).checkingCell(windowsChrome, sync, scope)?.id;
}

test('a selection spells out every list, in the data order, and names the newest snapshot by default', () => {
  const selection = planSelection(data, request({ providers: ['1password', 'windows-hello'], syncs: ['synced', 'device-bound'] }), 'test:');
  expect(selection.environments).toEqual(data.environments.map((e) => e.id));
  expect(selection.environmentsNamed).toBe(false);
  expect(selection.providers).toEqual(data.providers.filter((p) => ['1password', 'windows-hello'].includes(p.id)).map((p) => p.id));
  expect(selection.syncs).toEqual(['synced', 'device-bound']);
  expect(selection.snapshot).toBe(data.snapshots.at(-1)!.id);
  expect(selection.layout).toBe('reuse');
  expect(PlanSelection.parse(JSON.parse(JSON.stringify(selection)))).toEqual(selection);
  expect(planSelection(data, request({ environments: ['windows-chrome'] }), 'test:').environmentsNamed).toBe(true);
});

test('a bad id or layout is refused naming where it came from, the field and the ids there are', () => {
  expect(() => planSelection(data, request({ providers: ['lastpass'] }), '--provider:')).toThrow(DataError);
  expect(() => planSelection(data, request({ providers: ['lastpass'] }), '--provider:')).toThrow(/--provider: providers: unknown provider "lastpass"; use one of .*1password/);
  expect(() => planSelection(data, request({}, { layout: 'fresh' }), 'PM_LAYOUT:')).toThrow(/PM_LAYOUT: layout: "fresh" is not a layout; use one of reuse, plain/);
  expect(() => planSelection(data, request({}, { snapshot: '1999-01' }), 'x')).toThrow(/Unknown support snapshot "1999-01"/);
});

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
  const whole = new MatrixPlan(data, wholeMatrix(data));
  for (const environment of data.environments) {
    for (const scope of Object.keys(ONCE_PER) as CheckedOnce[]) {
      const elsewhere = whole.checkedElsewhere(environment, scope).map((c) => c.id);
      const found = SYNC_FLAGS.map((sync) => whole.checkingCell(environment, sync, scope)).filter((c) => c !== null);
      const checkers = [...new Map(found.map((c) => [c.id, c])).values()];
      if (scope === 'environment') expect(checkers.length, environment.id).toBeLessThanOrEqual(1);
      const taking = checkers.flatMap((c) => whole.takingVerdict(c, scope).map((t) => t.id));
      expect(taking.sort(), `${environment.id} ${scope}`).toEqual([...elsewhere].sort());
      expect(new Set([...taking, ...checkers.map((c) => c.id)]).size).toBe(taking.length + checkers.length);
    }
  }
});

test('each cell of an environment is run, ruled out, or outside the selection, and says why when not run', () => {
  const narrow = plan({ providers: ['windows-hello', '1password'], syncs: ['synced', 'device-bound'] });
  const all = narrow.allCells().filter((c) => c.environment.id === 'windows-chrome');
  const ruledOut = new Set(narrow.ruledOut(windowsChrome).map((c) => c.id));
  const notSelected = new Set(narrow.notSelected(windowsChrome).map((c) => c.id));
  for (const cell of all) {
    const why = narrow.whyNotRun(cell, []);
    if (notSelected.has(cell.id)) expect(why?.reason, cell.id).toContain("outside this run's selection");
    else if (ruledOut.has(cell.id)) expect(why, cell.id).toEqual({ reason: cell.notApplicableReason, notApplicable: true });
    else expect(why, cell.id).toBeNull();
  }
  // Windows Hello never syncs: its synced cell is ruled out, not outside the selection.
  expect(ruledOut).toContain('windows-chrome/windows-hello/synced');
  expect(notSelected).toContain('windows-chrome/1password/eligible');
  expect(notSelected).toContain('windows-chrome/bitwarden/synced');
});

test('a check made once per environment says, in the other cells, which cell runs it; the plain layout runs it everywhere', () => {
  const narrow = plan({ providers: ['windows-hello', '1password'] });
  const other = narrow.cell('windows-chrome', '1password', 'synced');
  expect(narrow.whyNotRun(other, [ONCE_PER.environment])).toEqual({ reason: 'checked once per environment, in windows-chrome/windows-hello/device-bound', notApplicable: false });
  expect(narrow.whyNotRun(narrow.cell('windows-chrome', 'windows-hello', 'device-bound'), [ONCE_PER.environment])).toBeNull();
  const plain = plan({ providers: ['windows-hello', '1password'] }, { layout: 'plain' });
  expect(plain.whyNotRun(other, [ONCE_PER.environment])).toBeNull();
  expect(plain.checkedElsewhere(windowsChrome, 'environment')).toEqual([]);
});
