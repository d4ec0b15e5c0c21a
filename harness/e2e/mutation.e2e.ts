import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runMutation } from '../cli/runMatrix';
import { MutationReport } from '../mutation/mutationReport';

/** The smoke's module, and the line after its known-equivalent mutant's Stryker comment. */
const MODULE = 'rp-fixture/secondPasskeyAdvice.ts';
const DISABLE = /\/\/ Stryker disable next-line OptionalChaining: (.+)$/;

/** The line the comment marks (1-based), and the reason it gives. */
function markedLine(): { line: number; reason: string } {
  const lines = readFileSync(MODULE, 'utf8').split('\n');
  const at = lines.findIndex((l) => DISABLE.test(l));
  expect(at, `${MODULE} keeps its "// Stryker disable next-line OptionalChaining: ..." comment`).toBeGreaterThanOrEqual(0);
  return { line: at + 2, reason: DISABLE.exec(lines[at]!)![1]!.trim() };
}

test('npm run mutation on one line: the matrix kills one mutant, the marked equivalent one is ignored with its reason', async () => {
  const { line, reason } = markedLine();
  // The line `return passkeys[0]?.provider ?? null;` holds two mutants: `?? -> &&` (the account page
  // stops naming the one provider: passkeys-in-several-providers fails) and `?. -> .` (equivalent).
  const run = await runMutation(['--mutate', `${MODULE}:${line}-${line}`], 5 * 60_000);
  expect(run.exitCode, run.output.slice(-3000)).toBe(0);

  const groupDir = path.join(run.reportDir, 'second-passkey-advice');
  expect(existsSync(path.join(groupDir, 'mutation.html'))).toBe(true);
  for (const file of [path.join(groupDir, 'mutation.json'), path.join(run.reportDir, 'mutation.json')]) {
    const report = MutationReport.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(Object.keys(report.files), file).toEqual([MODULE]);
    const mutants = report.files[MODULE]!.mutants;
    expect(mutants.map((m) => `${m.mutatorName} ${m.status}`).sort(), file).toEqual(['LogicalOperator Killed', 'OptionalChaining Ignored']);
    for (const m of mutants) expect(m.location.start.line, file).toBe(line);
    expect(mutants.find((m) => m.mutatorName === 'LogicalOperator')!.replacement).toBe('passkeys[0]?.provider && null');
    expect(mutants.find((m) => m.mutatorName === 'OptionalChaining')!.statusReason).toBe(reason);
  }
  expect(reason).toMatch(/^equivalent/);
  expect(run.output).toMatch(/second-passkey-advice\s+2\s+1\s+0\s+0\s+1\s+100\.00%/);
  expect(run.output).toContain('Mutation score: 100.00%');
  expect(run.output).not.toContain('Survivors');
});

test('npm run mutation refuses bad options in one line naming the option and the fix, running nothing', async () => {
  const unknownGroup = await runMutation(['--group', 'no-such-group'], 60_000);
  expect(unknownGroup.exitCode).toBe(2);
  expect(unknownGroup.output.trim()).toMatch(/^mutation: --group: unknown group "no-such-group"; use some of .*sync-state/);
  const unmapped = await runMutation(['--mutate', 'rp-fixture/server/cli.ts:1-5'], 60_000);
  expect(unmapped.exitCode).toBe(2);
  expect(unmapped.output.trim()).toMatch(/^mutation: --mutate: "rp-fixture\/server\/cli\.ts" is not a mapped module; use one of /);
  const notANumber = await runMutation(['--sample', 'many'], 60_000);
  expect(notANumber.exitCode).toBe(2);
  expect(notANumber.output.trim()).toBe('mutation: --sample: "many" is not a whole number of mutants; use for example --sample 300.');
  const both = await runMutation(['--sample', '20', '--mutate', `${MODULE}:1-5`], 60_000);
  expect(both.exitCode).toBe(2);
  expect(both.output.trim()).toBe('mutation: --sample and --mutate both choose the mutants; use one of them.');
});
