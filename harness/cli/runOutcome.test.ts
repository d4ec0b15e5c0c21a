import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { exitStatusFromReport, parseGate } from './runOutcome';
import type { CellResult, CompatReport, ScenarioResult } from '../report/compatReport';
import { compatReportForTests } from '../report/compatReportForTests';
import { cellResultForTests } from '../report/cellResultForTests';
import { DataError } from '../matrix/dataError';

/** A report folder with one cell whose register-and-sign-in works but names no provider. */
function reportDir(extra: Partial<CompatReport> = {}): string {
  const scenario: ScenarioResult = {
    scenario: 'register-and-sign-in',
    name: 'register',
    status: 'fail',
    reason: 'named no provider',
    dimensions: [
      { dimension: 'works', status: 'pass', reason: null },
      { dimension: 'tells-the-truth', status: 'fail', reason: 'named no provider' },
    ],
    failedChecks: [],
    durationMs: 1,
    timing: null,
    checkedIn: null,
    evidence: null,
  };
  const cells: CellResult[] = [cellResultForTests({ status: 'fail', reason: 'named no provider', scenarios: [scenario] })];
  const report = compatReportForTests(cells, extra);
  const dir = mkdtempSync(path.join(tmpdir(), 'pm-outcome-'));
  writeFileSync(path.join(dir, 'compat-matrix.json'), JSON.stringify(report));
  return dir;
}

test('a failed dimension fails the run only when the gate includes it', () => {
  const dir = reportDir();
  expect(exitStatusFromReport(dir, { withBaseline: false, gate: parseGate(undefined) }).code).toBe(1);
  expect(exitStatusFromReport(dir, { withBaseline: false, gate: parseGate('works,safe') })).toEqual({ code: 0, allGreen: false });
  expect(exitStatusFromReport(dir, { withBaseline: false, gate: parseGate('tells-the-truth') }).code).toBe(1);
});

test('with a baseline, only a regression in a gated dimension fails the run', () => {
  const change = { cell: 'c', scenario: 'register-and-sign-in', name: 'register', from: 'pass' as const, to: 'fail' as const, reason: 'named no provider' };
  const dir = reportDir({ baseline: { file: 'b.json', generatedAt: 'then', regressed: [{ ...change, dimension: 'tells-the-truth' }], recovered: [], appeared: [], vanished: [] } });
  expect(exitStatusFromReport(dir, { withBaseline: true, gate: parseGate(undefined) }).code).toBe(1);
  expect(exitStatusFromReport(dir, { withBaseline: true, gate: parseGate('works') }).code).toBe(0);
});

test('an unknown dimension in the gate is one line naming the flag and the known ones', () => {
  expect(() => parseGate('works,truth')).toThrow(DataError);
  expect(() => parseGate('works,truth')).toThrow(/--gate \/ PM_GATE: "truth" is not a dimension; use any of works, tells-the-truth, leaves-a-way-in, safe/);
});
