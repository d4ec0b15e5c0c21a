import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { loadMatrixData } from './load';
import type { SupportSnapshot } from './schema';
import { countByField, renderSnapshotDiff, snapshotDiff, type CellChange } from './snapshotDiff';

const data = loadMatrixData();
const byId = (id: string) => data.snapshots.find((s) => s.id === id)!;
const seed = byId('2024-12');
const current = byId('2026-11');
const keys = (changes: CellChange[]) => [...new Set(changes.map((c) => c.cellKey))];

/** A deep copy of a snapshot to change in a test. */
const copy = (snapshot: SupportSnapshot): SupportSnapshot => structuredClone(snapshot);

test('2024-12 -> 2026-11: Chrome on iOS now saves to Google Password Manager, which syncs, and nothing else changes', () => {
  const changes = snapshotDiff(data, seed, current);
  const cell = { cellKey: 'ios-chrome/google-password-manager', environment: 'ios-chrome', provider: 'google-password-manager' };
  expect(changes).toEqual([
    { ...cell, field: 'support', from: 'coming-soon', to: 'usable' },
    { ...cell, field: 'syncs', from: false, to: true },
    { ...cell, field: 'default', from: false, to: true },
  ]);
});

test('cells whose notes or sources changed but not their expectations are not listed', () => {
  const listed = keys(snapshotDiff(data, seed, current));
  // New notes and citations (Windows 11 plugin API, sync on Windows still planned, Edge's own manager), same status and sync.
  for (const unchanged of ['windows-edge/windows-hello', 'windows-chrome/1password', 'windows-chrome/google-password-manager', 'ios-safari/google-password-manager', 'ios-chrome/icloud-keychain', 'android-chrome/icloud-keychain']) {
    expect(listed).not.toContain(unchanged);
  }
});

test('the same snapshot, or one that only reorders sync flags, has no changes', () => {
  expect(snapshotDiff(data, current, current)).toEqual([]);
  const reordered = copy(current);
  reordered.tables.android.providers['google-password-manager']!.syncStates.reverse();
  expect(snapshotDiff(data, current, reordered)).toEqual([]);
});

test('each kind of change is one typed record on the cells it touches, in matrix order', () => {
  const changed = copy(seed);
  // Windows Hello made to sync: its sync flags and whether it syncs change in every Windows browser.
  changed.tables.windows.providers['windows-hello']!.syncStates = ['synced', 'device-bound'];
  // Firefox on Linux gets Google Password Manager, not as a default.
  changed.tables.linux.providers['google-password-manager']!.support.firefox = 'usable';
  // Edge on macOS defaults to nothing.
  changed.tables.macos.defaults.edge = [];
  // A row that is not usable anywhere in either snapshot: its sync flags are no expectation.
  changed.tables.android.providers['windows-hello']!.syncStates = ['synced'];

  const changes = snapshotDiff(data, seed, changed);
  expect(changes).toContainEqual({
    cellKey: 'windows-edge/windows-hello', environment: 'windows-edge', provider: 'windows-hello', field: 'syncStates', from: ['device-bound'], to: ['synced', 'device-bound'],
  });
  expect(changes).toContainEqual({ cellKey: 'windows-edge/windows-hello', environment: 'windows-edge', provider: 'windows-hello', field: 'syncs', from: false, to: true });
  expect(changes).toContainEqual({ cellKey: 'linux-firefox/google-password-manager', environment: 'linux-firefox', provider: 'google-password-manager', field: 'support', from: 'not-usable', to: 'usable' });
  expect(changes).toContainEqual({ cellKey: 'linux-firefox/google-password-manager', environment: 'linux-firefox', provider: 'google-password-manager', field: 'syncs', from: false, to: true });
  expect(changes).toContainEqual({ cellKey: 'macos-edge/icloud-keychain', environment: 'macos-edge', provider: 'icloud-keychain', field: 'default', from: true, to: false });
  expect(changes.filter((c) => c.cellKey === 'linux-firefox/google-password-manager').map((c) => c.field)).toEqual(['support', 'syncs']);
  expect(keys(changes)).toEqual(['windows-chrome/windows-hello', 'windows-edge/windows-hello', 'windows-firefox/windows-hello', 'macos-edge/icloud-keychain', 'linux-firefox/google-password-manager']);
  expect(countByField(changes)).toEqual({ support: 1, syncs: 4, default: 1, syncStates: 3 });
});

test('the other way round, from and to swap', () => {
  const back = snapshotDiff(data, current, seed);
  expect(back).toEqual(snapshotDiff(data, seed, current).map((c) => ({ ...c, from: c.to, to: c.from })));
});

test('the table has a summary by field and one line per change', () => {
  const text = renderSnapshotDiff(seed, current, snapshotDiff(data, seed, current));
  const lines = text.split('\n');
  expect(lines[0]).toBe('Support snapshot 2024-12 -> 2026-11: 1 cell(s) change (support: 1, syncs: 1, default: 1, syncStates: 0).');
  expect(lines).toContainEqual(expect.stringMatching(/^ios-chrome\/google-password-manager +support +coming-soon +usable$/));
  expect(lines).toContainEqual(expect.stringMatching(/^ios-chrome\/google-password-manager +syncs +does not sync +syncs$/));
  expect(renderSnapshotDiff(current, current, [])).toContain("No cell's expectations change.");
});

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = (...args: string[]) =>
  spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['harness/cli/snapshotDiff.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

test('the command: the two newest by default; an unknown id is one line and exit code 2', () => {
  const run = cli();
  expect(run.status, run.stderr).toBe(0);
  const newest = data.snapshots.slice(-2).map((s) => s.id);
  expect(run.stdout).toContain(`Support snapshot ${newest[0]} -> ${newest[1]}:`);

  const unknown = cli('2024-12', '2025-13');
  expect(unknown.status).toBe(2);
  expect(unknown.stdout).toBe('');
  expect(unknown.stderr.trim().split('\n')).toEqual(['snapshot:diff: Unknown support snapshot "2025-13"; use one of 2024-12, 2026-11.']);

  const one = cli('2024-12');
  expect(one.status).toBe(2);
  expect(one.stderr.trim().split('\n')).toHaveLength(1);
});
