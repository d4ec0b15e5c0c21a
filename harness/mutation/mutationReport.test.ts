import { expect, test } from '@playwright/test';
import { countStatuses, mergeMutationReports, mutationScore, survivors, type MutantStatus, type MutationReport } from './mutationReport';

function reportOf(file: string, statuses: MutantStatus[]): MutationReport {
  return {
    schemaVersion: '1.0',
    thresholds: { high: 80, low: 60 },
    files: {
      [file]: {
        language: 'typescript',
        source: 'x',
        mutants: statuses.map((status, i) => ({ id: String(i), mutatorName: 'StringLiteral', replacement: '""', status, location: { start: { line: i + 1, column: 3 }, end: { line: i + 1, column: 9 } } })),
      },
    },
  };
}

test("the score is Stryker's: killed and timed out over the valid mutants not ignored", () => {
  const counts = countStatuses(reportOf('rp-fixture/a.ts', ['Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'CompileError', 'RuntimeError']));
  expect(counts).toMatchObject({ Killed: 2, Timeout: 1, Survived: 1, NoCoverage: 1, Ignored: 1, CompileError: 1, RuntimeError: 1 });
  expect(mutationScore(counts)).toBe(60);
  expect(mutationScore(countStatuses(reportOf('rp-fixture/a.ts', ['Ignored'])))).toBeNull();
});

test('survivors are located file:line:column with mutator and replacement', () => {
  expect(survivors(reportOf('rp-fixture/a.ts', ['Killed', 'Survived']))).toEqual([{ where: 'rp-fixture/a.ts:2:3', mutator: 'StringLiteral', replacement: '""' }]);
});

test('merged reports hold the files of every group, mutant ids prefixed by group so they stay unique', () => {
  const merged = mergeMutationReports([
    { groupId: 'one', report: reportOf('rp-fixture/a.ts', ['Killed']) },
    { groupId: 'two', report: reportOf('rp-fixture/b.ts', ['Survived']) },
  ]);
  expect(Object.keys(merged.files)).toEqual(['rp-fixture/a.ts', 'rp-fixture/b.ts']);
  expect(merged.files['rp-fixture/b.ts']!.mutants[0]!.id).toBe('two:0');
  expect(mutationScore(countStatuses(merged))).toBe(50);
});
