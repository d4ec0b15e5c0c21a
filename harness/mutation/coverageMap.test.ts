import { expect, test } from '@playwright/test';
import { loadMatrixData, selectSnapshot } from '../matrix/load';
import { DataError, parseData } from '../matrix/dataError';
import { CoverageMap, coverageMapProblems, loadCoverageMap, rpSourceFiles, subsetCells, type CoverageMap as CoverageMapType } from './coverageMap';

const data = loadMatrixData();
const snapshot = selectSnapshot(data);

test('the mutation coverage map is sound: real files, real ids, a cell per subset, every fixture RP module placed once', () => {
  expect(coverageMapProblems(loadCoverageMap(), data, snapshot)).toEqual([]);
});

test('the decision modules the project named are each mutated by a group', () => {
  const mutated = loadCoverageMap().groups.flatMap((g) => g.files);
  const named = ['creationAdvice', 'secondPasskeyAdvice', 'providerReach', 'syncState', 'providerName', 'promotion', 'challenges', 'session', 'csrf', 'totp', 'emailLinks', 'signatureCounter', 'lastWayIn'];
  for (const module of named) expect(mutated, module).toContain(`rp-fixture/${module}.ts`);
  expect(mutated).toContain('rp-fixture/pages/signinHelp.ts');
  expect(mutated).toContain('rp-fixture/pages/account.ts');
});

test('subsets stay small: at most 3 environments and 3 providers (more only with the reason), and each runs a cell', () => {
  for (const group of loadCoverageMap().groups) {
    if (!group.subset.wide) expect(group.subset.environments.length, group.id).toBeLessThanOrEqual(3);
    if (!group.subset.wide) expect(group.subset.providers.length, group.id).toBeLessThanOrEqual(3);
    expect(subsetCells(group.subset, data, snapshot).length, group.id).toBeGreaterThan(0);
  }
});

/** A small map that is sound except for what each case breaks. */
function mapWith(change: (map: CoverageMapType) => void): CoverageMapType {
  const map = structuredClone(loadCoverageMap());
  change(map);
  return map;
}

test('a bad map is refused, each problem naming the group, the field and the fix', () => {
  const problems = coverageMapProblems(
    mapWith((map) => {
      map.groups[0]!.files.push('rp-fixture/nothing.ts', 'harness/cli/matrix.ts', 'rp-fixture/syncState.test.ts');
      map.groups[0]!.subset.scenarios.push('no-such-scenario');
      map.groups[0]!.subset.environments = ['windows-edge'];
      map.groups[0]!.subset.providers = ['no-such-provider'];
      map.groups[1]!.id = map.groups[0]!.id;
      map.leftOut[0]!.files.push(map.groups[2]!.files[0]!);
      map.leftOut[1]!.files.shift();
    }),
    data,
    snapshot,
  );
  const first = `groups[0] (id "${loadCoverageMap().groups[0]!.id}")`;
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(new RegExp(`${escape(first)}\\.files\\[\\d\\]: "rp-fixture/nothing.ts" does not exist`)),
      expect.stringContaining('"harness/cli/matrix.ts" is not in rp-fixture/'),
      expect.stringContaining('"rp-fixture/syncState.test.ts" is a test'),
      expect.stringContaining('subset.scenarios[1]: unknown scenario "no-such-scenario"'),
      expect.stringContaining('subset.providers[0]: unknown provider "no-such-provider"'),
      expect.stringContaining(`${first}.subset: no applicable cell`),
      expect.stringContaining('is used twice'),
      expect.stringMatching(/leftOut\[0\]\.files\[\d+\]: ".*" is already in groups\[2\]/),
      expect.stringMatching(/"rp-fixture\/.*\.ts" is in no group and not in leftOut/),
    ]),
  );
  for (const problem of problems) expect(problem).toMatch(/^scenarios\/mutation-coverage\.json: /);
});

test('a map of the wrong shape is refused by the schema, naming the field', () => {
  const bad = { groups: [{ id: 'Bad Id', why: 'short', files: [], subset: { scenarios: [], environments: ['x'] } }], leftOut: [] };
  expect(() => parseData(CoverageMap, bad, 'scenarios/mutation-coverage.json')).toThrow(DataError);
  expect(() => parseData(CoverageMap, bad, 'scenarios/mutation-coverage.json')).toThrow(/groups\[0\] \(id "Bad Id"\)\.id: .*dashes[\s\S]*\.files: [\s\S]*\.subset\.providers: /);
});

test('the fixture RP source files are listed without tests', () => {
  const files = rpSourceFiles();
  expect(files).toContain('rp-fixture/pages/account.ts');
  expect(files.filter((f) => f.endsWith('.test.ts'))).toEqual([]);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
