/**
 * `npm run mutation`: mutation testing of the fixture RP's decision modules. For each group of
 * scenarios/mutation-coverage.json, StrykerJS mutates the group's modules in a sandbox and judges every
 * mutant by the group's matrix subset (a failed or broken cell kills it). Writes Stryker's HTML and
 * JSON per group and a merged JSON under reports/mutation/, and prints the scores and the survivors.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Stryker } from '@stryker-mutator/core';
import { DataError, parseData } from '../matrix/dataError';
import { parseList } from '../matrix/filter';
import { loadMatrixData, selectSnapshot } from '../matrix/load';
import { findChromium, MISSING_BROWSER_MESSAGE } from '../browser/findChromium';
import { checkedCoverageMap } from '../mutation/coverageMap';
import { selectGroupRuns, SelectionError, type GroupRun } from '../mutation/mutateSelection';
import { listMutants, MAX_HELD, sampleRuns } from '../mutation/mutantSample';
import { countStatuses, formatScore, mergeMutationReports, MutationReport, mutationScore, survivors } from '../mutation/mutationReport';
import { groupReportFiles, strykerOptions, type MutationSettings } from '../mutation/strykerOptions';
import { forgetRunShapingVars, runOptions } from '../plan/runOptions';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const USAGE = `Usage: npm run mutation -- [options]
  --group <ids>        groups of scenarios/mutation-coverage.json, comma-separated (default: all)
  --mutate <patterns>  only these files or line ranges, comma-separated, in Stryker's syntax:
                       rp-fixture/syncState.ts or rp-fixture/syncState.ts:18-21 (a sample that fits the time)
  --sample <n>         about n mutants, every k-th of the groups' mutants, the same for the same source
                       (a run that fits the time: docs/mutation.md says how many fit in 45 minutes)
  --concurrency <n>    mutants run at once, 1 or 2 (default 1; each runs a browser and an RP)
  --report-dir <dir>   where the reports go (default: reports/mutation)
Exit code: 0 when every group ran (the score is reported, not enforced), 1 when Stryker could not
run a group (its clean run failed), 2 on bad input.`;


interface GroupOutcome {
  run: GroupRun;
  report: MutationReport | null;
  error?: string;
  seconds: number;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        group: { type: 'string' },
        mutate: { type: 'string', multiple: true },
        sample: { type: 'string' },
        concurrency: { type: 'string' },
        'report-dir': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]}; see npm run mutation -- --help.`);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const concurrency = Number(values.concurrency ?? '1');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 2) {
    return fail(`--concurrency: "${values.concurrency}" is not 1 or 2; use 1 (default) or 2 on a 2-core machine.`);
  }
  const sample = values.sample === undefined ? undefined : Number(values.sample);
  if (sample !== undefined && (!Number.isInteger(sample) || sample < 1)) {
    return fail(`--sample: "${values.sample}" is not a whole number of mutants; use for example --sample 300.`);
  }
  if (sample !== undefined && values.mutate) return fail('--sample and --mutate both choose the mutants; use one of them.');
  process.chdir(REPO_ROOT); // Stryker's project is the working directory
  const settings: MutationSettings = { reportDir: values['report-dir'] ?? path.join('reports', 'mutation'), concurrency };

  let runs: GroupRun[];
  try {
    const data = loadMatrixData();
    const map = checkedCoverageMap(data, selectSnapshot(data, runOptions().snapshot));
    runs = selectGroupRuns(map, parseList(values.group), (values.mutate ?? []).flatMap((m) => parseList(m)));
  } catch (error) {
    if (error instanceof DataError || error instanceof SelectionError) return fail(error.message);
    throw error;
  }
  if (sample !== undefined) {
    const drawn = sampleRuns(runs.map((r) => r.group), await listMutants(runs.map((r) => r.group), REPO_ROOT), sample);
    console.log(
      `mutation: a sample of ${drawn.judged} of the ${drawn.total} mutants of ${runs.length} group(s): ${drawn.picked} places, every ${((drawn.total - drawn.tooBig) / drawn.picked).toFixed(1)}th of those that hold at most ${MAX_HELD} mutants (${drawn.tooBig} hold more: never picked)`,
    );
    runs = drawn.runs;
  }
  if (!findChromium()) return fail(MISSING_BROWSER_MESSAGE);
  forgetRunShapingVars();

  const outcomes: GroupOutcome[] = [];
  for (const run of runs) outcomes.push(await runGroup(run, settings));
  printSummary(outcomes, settings);
  return outcomes.some((o) => o.error) ? 1 : 0;
}

async function runGroup(run: GroupRun, settings: MutationSettings): Promise<GroupOutcome> {
  const what = run.mutate.length > 3 ? `${run.mutate.length} places in ${[...new Set(run.mutate.map((m) => m.split(':')[0]))].join(', ')}` : run.mutate.join(', ');
  console.log(`\nmutation: ${run.group.id}: ${what}, judged by ${run.group.subset.scenarios.join(', ')} on ${run.group.subset.environments.join(', ')} x ${run.group.subset.providers.join(', ')}`);
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  try {
    await new Stryker(strykerOptions(run, settings)).runMutationTest();
  } catch (error) {
    return { run, report: null, error: (error as Error).message.split('\n')[0], seconds: seconds() };
  }
  const file = groupReportFiles(settings.reportDir, run.group.id).json;
  return { run, report: parseData(MutationReport, JSON.parse(readFileSync(file, 'utf8')), file), seconds: seconds() };
}

function printSummary(outcomes: GroupOutcome[], settings: MutationSettings): void {
  console.log('\ngroup                     mutants  killed  timeout  survived  ignored  score     time');
  for (const { run, report, error, seconds } of outcomes) {
    const id = run.group.id.padEnd(24);
    if (!report) {
      console.log(`${id}  not run: ${error}`);
      continue;
    }
    const c = countStatuses(report);
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    console.log(`${id}  ${String(total).padStart(7)}  ${String(c.Killed).padStart(6)}  ${String(c.Timeout).padStart(7)}  ${String(c.Survived + c.NoCoverage).padStart(8)}  ${String(c.Ignored).padStart(7)}  ${formatScore(mutationScore(c)).padEnd(8)}  ${seconds} s`);
  }
  const ran = outcomes.filter((o): o is GroupOutcome & { report: MutationReport } => o.report !== null);
  if (ran.length === 0) return;
  const merged = mergeMutationReports(ran.map((o) => ({ groupId: o.run.group.id, report: o.report })));
  const mergedFile = path.join(settings.reportDir, 'mutation.json');
  mkdirSync(settings.reportDir, { recursive: true });
  writeFileSync(mergedFile, `${JSON.stringify(merged, null, 2)}\n`);
  const left = survivors(merged);
  if (left.length) {
    console.log(`\nSurvivors (${left.length}): kill each with a sharper check, or mark it equivalent (docs/mutation.md)`);
    for (const s of left) console.log(`  ${s.where}  ${s.mutator}  -> ${s.replacement}`);
  }
  console.log(`\nMutation score: ${formatScore(mutationScore(countStatuses(merged)))} (killed + timeout over the mutants not ignored)`);
  console.log(`Reports: ${ran.map((o) => groupReportFiles(settings.reportDir, o.run.group.id).html).join(', ')}; merged JSON: ${mergedFile}`);
}

function fail(message: string): number {
  console.error(`mutation: ${message}`);
  return 2;
}

process.exitCode = await main();
