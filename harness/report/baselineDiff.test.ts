import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { BaselineError, diffWithBaseline, readBaseline, type BaselineReport } from './baselineDiff';
import type { CellResult, ScenarioResult } from './compatReport';
import { cellResultForTests } from './cellResultForTests';

const scenario = (id: string, status: ScenarioResult['status'], reason: string | null = null): ScenarioResult => ({ scenario: id, name: `${id} story`, status, reason, dimensions: [], failedChecks: [], durationMs: 1, timing: null, checkedIn: null, evidence: null });

function cell(id: string, scenarios: ScenarioResult[]): CellResult {
  return cellResultForTests({ id, scenarios });
}

const baseline: BaselineReport = {
  generatedAt: '2026-11-01T00:00:00.000Z',
  cells: [
    { id: 'a', scenarios: [scenario('signin', 'pass'), scenario('help', 'fail'), scenario('offer', 'fail')] },
    { id: 'gone', scenarios: [scenario('signin', 'pass')] },
  ],
};

test('a scenario that passed and now fails regressed; one that failed and passes recovered; one failing both times is neither', () => {
  const diff = diffWithBaseline('last.json', baseline, [
    cell('a', [scenario('signin', 'fail', 'the RP named the wrong provider'), scenario('help', 'pass'), scenario('offer', 'fail')]),
  ]);
  expect(diff.regressed).toEqual([{ cell: 'a', scenario: 'signin', name: 'signin story', dimension: null, from: 'pass', to: 'fail', reason: 'the RP named the wrong provider' }]);
  expect(diff.recovered.map((c) => c.scenario)).toEqual(['help']);
  expect(diff.vanished).toEqual(['gone']);
  expect(diff.appeared).toEqual([]);
});

test('a new cell or scenario that fails, or an error where there was a pass, is a regression; a new pass is not', () => {
  const diff = diffWithBaseline('last.json', baseline, [
    cell('a', [scenario('signin', 'error', 'the RP gave no answer'), scenario('help', 'fail'), scenario('offer', 'fail'), scenario('new-story', 'fail')]),
    cell('new-cell', [scenario('signin', 'fail'), scenario('help', 'pass')]),
    cell('gone', [scenario('signin', 'pass')]),
  ]);
  expect(diff.regressed.map((c) => `${c.cell}/${c.scenario}:${c.from ?? 'new'}->${c.to}`)).toEqual([
    'a/signin:pass->error',
    'a/new-story:new->fail',
    'new-cell/signin:new->fail',
  ]);
  expect(diff.appeared).toEqual(['new-cell']);
  expect(diff.vanished).toEqual([]);
});

test('a bad baseline file is one line naming the file, the field and the fix', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pm-baseline-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  expect(() => readBaseline(path.join(dir, 'missing.json'))).toThrow(/missing.json: cannot be read \(ENOENT\); give the compat-matrix.json of an earlier run/);
  expect(() => readBaseline(write('text.json', 'not json'))).toThrow(/text.json: not JSON; give the compat-matrix.json/);
  expect(() => readBaseline(write('shape.json', JSON.stringify({ generatedAt: 'x', cells: [{ id: 'a', scenarios: [{ scenario: 's', name: 'n', status: 'green' }] }] })))).toThrow(
    /shape.json: cells.0.scenarios.0.status: .*; give the compat-matrix.json/,
  );
  expect(() => readBaseline(write('shape.json', '{}'))).toThrow(BaselineError);
  expect(readBaseline(write('ok.json', JSON.stringify({ ...baseline, schemaVersion: 1, extra: true }))).cells).toHaveLength(2);
});

test('a regression is named with its dimension: the same scenario still failing in another dimension is not one', () => {
  const judged = (id: string, works: ScenarioResult['status'], truth: ScenarioResult['status']): ScenarioResult => ({
    ...scenario(id, works === 'pass' && truth === 'pass' ? 'pass' : 'fail'),
    dimensions: [
      { dimension: 'works', status: works, reason: works === 'pass' ? null : 'sign-in refused' },
      { dimension: 'tells-the-truth', status: truth, reason: truth === 'pass' ? null : 'named no provider' },
    ],
  });
  const before: BaselineReport = { generatedAt: 'then', cells: [{ id: 'a', scenarios: [judged('signin', 'pass', 'fail')] }] };
  const diff = diffWithBaseline('last.json', before, [cell('a', [judged('signin', 'fail', 'fail')])]);
  expect(diff.regressed.map((c) => `${c.scenario}/${c.dimension}:${c.from}->${c.to}`)).toEqual(['signin/works:pass->fail']);
  const recovered = diffWithBaseline('last.json', before, [cell('a', [judged('signin', 'pass', 'pass')])]);
  expect(recovered.regressed).toEqual([]);
  expect(recovered.recovered.map((c) => `${c.dimension}:${c.from}->${c.to}`)).toEqual(['tells-the-truth:fail->pass']);
});

test('against a baseline from before dimensions, the scenario\'s old status stands for each of its dimensions', () => {
  const old: BaselineReport = { generatedAt: 'then', cells: [{ id: 'a', scenarios: [scenario('signin', 'fail')] }] };
  const now: ScenarioResult = { ...scenario('signin', 'fail'), dimensions: [{ dimension: 'works', status: 'pass', reason: null }, { dimension: 'safe', status: 'fail', reason: 'replay accepted' }] };
  const diff = diffWithBaseline('old.json', old, [cell('a', [now])]);
  expect(diff.regressed, 'failing before as a whole: not a regression in any dimension').toEqual([]);
  expect(diff.recovered.map((c) => `${c.dimension}:${c.from}->${c.to}`)).toEqual(['works:fail->pass']);
});
