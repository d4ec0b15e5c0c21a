import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { loadCoverageMap } from './coverageMap';
import { listMutants, sampleRuns, strykerRange, type MutantPlace } from './mutantSample';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const map = loadCoverageMap();
const group = (id: string) => map.groups.find((g) => g.id === id)!;

const at = (groupId: string, file: string, line: number, column: number, endColumn = column + 1): MutantPlace => ({
  groupId,
  file,
  start: { line, column },
  end: { line, column: endColumn },
});

test('every mutant Stryker would judge is listed, fault switches and disabled lines left out', async () => {
  const places = await listMutants([group('email-links')], ROOT);
  expect(places.length).toBeGreaterThan(10);
  expect(places.every((p) => p.groupId === 'email-links' && p.file === 'rp-fixture/emailLinks.ts')).toBe(true);
  // `faultOn(this.faults, 'reusable-email-link')` is a fault switch: nothing on its column is a mutant.
  const source = (await import('node:fs')).readFileSync(`${ROOT}/rp-fixture/emailLinks.ts`, 'utf8').split('\n');
  const switchLine = source.findIndex((line) => line.includes("faultOn(this.faults, 'reusable-email-link')"));
  const switchColumn = source[switchLine]!.indexOf('faultOn');
  expect(places.some((p) => p.start.line === switchLine && p.start.column === switchColumn)).toBe(false);
  expect(places).toEqual([...places].sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column || a.end.line - b.end.line || a.end.column - b.end.column));
});

test('a sample takes every k-th mutant, spread over the groups, as exact places in Stryker\'s syntax', () => {
  const places = [
    ...Array.from({ length: 6 }, (_, i) => at('csrf', 'rp-fixture/csrf.ts', i * 10, 2)),
    ...Array.from({ length: 4 }, (_, i) => at('session', 'rp-fixture/session.ts', i * 10, 4)),
  ];
  const sample = sampleRuns([group('csrf'), group('session'), group('email-links')], places, 5);
  expect(sample).toMatchObject({ picked: 5, judged: 5, total: 10, tooBig: 0 });
  // Several mutators at one place are one place, and count as what it holds.
  const twice = sampleRuns([group('csrf')], [at('csrf', 'rp-fixture/csrf.ts', 0, 2), at('csrf', 'rp-fixture/csrf.ts', 0, 2), at('csrf', 'rp-fixture/csrf.ts', 9, 2)], 3);
  expect(twice).toMatchObject({ picked: 2, judged: 3, total: 3 });
  expect(twice.runs[0]!.mutate).toEqual(['rp-fixture/csrf.ts:1:2-1:3', 'rp-fixture/csrf.ts:10:2-10:3']);
  expect(sampleRuns([group('csrf')], [at('csrf', 'rp-fixture/csrf.ts', 0, 2), at('csrf', 'rp-fixture/csrf.ts', 0, 2), at('csrf', 'rp-fixture/csrf.ts', 9, 2)], 2)).toMatchObject({ picked: 1, judged: 1 });
  expect(sample.runs.map((r) => [r.group.id, r.mutate])).toEqual([
    ['csrf', ['rp-fixture/csrf.ts:11:2-11:3', 'rp-fixture/csrf.ts:31:2-31:3', 'rp-fixture/csrf.ts:51:2-51:3']],
    ['session', ['rp-fixture/session.ts:11:4-11:5', 'rp-fixture/session.ts:31:4-31:5']],
  ]);
  expect(sampleRuns([group('csrf')], places.slice(0, 6), 100)).toMatchObject({ picked: 6, judged: 6, total: 6 });
});

test('a place picked holds the mutants inside it, and the count says so', () => {
  const block: MutantPlace = { groupId: 'csrf', file: 'rp-fixture/csrf.ts', start: { line: 3, column: 0 }, end: { line: 5, column: 1 } };
  const inside = at('csrf', 'rp-fixture/csrf.ts', 4, 2);
  const outside = at('csrf', 'rp-fixture/csrf.ts', 9, 2);
  const sample = sampleRuns([group('csrf')], [block, inside, outside], 3);
  expect(strykerRange(block)).toBe('rp-fixture/csrf.ts:4:0-6:1');
  // The block's place holds the mutant inside it too: three places, three mutants judged.
  expect(sample.runs[0]!.mutate).toEqual(['rp-fixture/csrf.ts:4:0-6:1', 'rp-fixture/csrf.ts:5:2-5:3', 'rp-fixture/csrf.ts:10:2-10:3']);
  expect(sample).toMatchObject({ picked: 3, judged: 3, total: 3, tooBig: 0 });
  expect(sampleRuns([group('csrf')], [block, inside, outside], 2)).toMatchObject({ picked: 1, judged: 1 });
});

test('a place that holds more than a few mutants (an emptied function body) is never picked', () => {
  const body: MutantPlace = { groupId: 'csrf', file: 'rp-fixture/csrf.ts', start: { line: 1, column: 0 }, end: { line: 20, column: 1 } };
  const inside = Array.from({ length: 8 }, (_, i) => at('csrf', 'rp-fixture/csrf.ts', 2 + i * 2, 2));
  const sample = sampleRuns([group('csrf')], [body, ...inside], 9);
  expect(sample).toMatchObject({ picked: 8, judged: 8, total: 9, tooBig: 1 });
  expect(sample.runs[0]!.mutate).not.toContain(strykerRange(body));
});
