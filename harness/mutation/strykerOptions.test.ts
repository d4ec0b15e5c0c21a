import { expect, test } from '@playwright/test';
import { loadCoverageMap } from './coverageMap';
import { strykerOptions } from './strykerOptions';

const group = loadCoverageMap().groups.find((g) => g.id === 'csrf')!;

test("a group's Stryker run mutates its files and judges each mutant by its matrix subset, in the sandbox", () => {
  const options = strykerOptions({ group, mutate: ['rp-fixture/csrf.ts:10-20'] }, { reportDir: 'reports/mutation', concurrency: 2 });
  expect(options.mutate).toEqual(['rp-fixture/csrf.ts:10-20']);
  expect(options.testRunner).toBe('command');
  expect(options.commandRunner?.command).toBe(
    `node --import tsx harness/cli/matrix.ts --env ${group.subset.environments.join(',')} --provider ${group.subset.providers.join(',')} --scenario ${group.subset.scenarios.join(',')} --report-dir .mutant-run/$$ --reporter dot --trace=off --max-failures=1`,
  );
  expect(options.inPlace ?? false).toBe(false);
  expect(options.concurrency).toBe(2);
  expect(options.htmlReporter?.fileName).toBe('reports/mutation/csrf/mutation.html');
  expect(options.jsonReporter?.fileName).toBe('reports/mutation/csrf/mutation.json');
  expect(options.ignorePatterns).toEqual(expect.arrayContaining(['/reports', '/.mutant-run']));
  expect(options.ignorers).toEqual(['fault-switch']);
});

test("a subset's fixture RP settings come first in its command, so the RP it starts takes them", () => {
  const challenges = loadCoverageMap().groups.find((g) => g.id === 'challenges')!;
  const options = strykerOptions({ group: challenges, mutate: ['rp-fixture/userVerification.ts'] }, { reportDir: 'reports/mutation', concurrency: 1 });
  expect(options.commandRunner?.command).toMatch(/^RP_USER_VERIFICATION=required node --import tsx harness\/cli\/matrix\.ts /);
});
