import { expect, test } from '@playwright/test';
import { loadCoverageMap } from './coverageMap';
import { selectGroupRuns, SelectionError } from './mutateSelection';

const map = loadCoverageMap();

test('with no option every group runs, mutating all its files', () => {
  const runs = selectGroupRuns(map, [], []);
  expect(runs.map((r) => r.group.id)).toEqual(map.groups.map((g) => g.id));
  for (const run of runs) expect(run.mutate).toEqual(run.group.files);
});

test('--group picks groups; --mutate narrows to line ranges and to the groups holding them', () => {
  expect(selectGroupRuns(map, ['csrf', 'session'], []).map((r) => r.group.id)).toEqual(['session', 'csrf']);
  const runs = selectGroupRuns(map, [], ['rp-fixture/syncState.ts:18-21', 'rp-fixture/csrf.ts', 'rp-fixture/syncState.ts:24:3-24:20']);
  expect(runs.map((r) => [r.group.id, r.mutate])).toEqual([
    ['sync-state', ['rp-fixture/syncState.ts:18-21', 'rp-fixture/syncState.ts:24:3-24:20']],
    ['csrf', ['rp-fixture/csrf.ts']],
  ]);
});

test('bad options are refused naming the option and the fix', () => {
  expect(() => selectGroupRuns(map, ['nope'], [])).toThrow(new SelectionError(`--group: unknown group "nope"; use some of ${map.groups.map((g) => g.id).join(', ')} (scenarios/mutation-coverage.json).`));
  expect(() => selectGroupRuns(map, [], ['rp-fixture/server/server.ts'])).toThrow(/^--mutate: "rp-fixture\/server\/server\.ts" is not a mapped module; use one of .*:startLine-endLine\.$/);
  expect(() => selectGroupRuns(map, ['csrf'], ['rp-fixture/syncState.ts'])).toThrow(/not a mapped module of the groups asked for/);
  expect(() => selectGroupRuns(map, [], ['rp-fixture/syncState.ts:20-10'])).toThrow(/^--mutate: .* ends before it starts/);
});
