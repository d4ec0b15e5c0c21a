/**
 * `npm run check:determinism -- [--runs N] [matrix flags]`: runs the same matrix N times (default 3)
 * and compares the reports, apart from dates, durations and the fixture RP's port. Prints every
 * difference and exits 1 if there is one: a matrix that answers differently twice cannot gate a release.
 * `--compare A.json B.json` compares two reports written earlier the same way (the same run before
 * and after a change to the harness: every verdict must stay the same).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runMatrix } from './runMatrix';
import { comparableReport, differences } from '../report/comparableReport';
import { CompatReport } from '../report/compatReport';

const RUN_TIMEOUT_MS = 3 * 60 * 60_000;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const { values, positionals } = parseArgs({ args, strict: false, allowPositionals: true, options: { runs: { type: 'string' }, compare: { type: 'boolean' } } });
  if (values.compare) return compareFiles(positionals);
  const runs = Number(values.runs ?? 3);
  if (!Number.isInteger(runs) || runs < 2) {
    console.error('passkey-matrix: --runs must be a whole number of at least 2.');
    return 2;
  }
  const matrixArgs = withoutRuns(args);
  const reports: unknown[] = [];
  for (let i = 1; i <= runs; i++) {
    const started = performance.now();
    const run = await runMatrix(matrixArgs, RUN_TIMEOUT_MS);
    if (!run.report) {
      console.error(`passkey-matrix: run ${i} wrote no report (exit ${run.exitCode}):\n${run.output.slice(-2000)}`);
      return 2;
    }
    console.log(`run ${i}: ${run.report.totals.cells} cells, exit ${run.exitCode}, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    reports.push(comparableReport(run.report));
  }
  const found = reports.slice(1).flatMap((report, i) => differences(reports[0], report).map((d) => `run 1 vs run ${i + 2}: ${d}`));
  for (const line of found.slice(0, 50)) console.log(line);
  console.log(found.length ? `${found.length} differences.` : `${runs} runs gave the same report.`);
  return found.length ? 1 : 0;
}

function compareFiles(files: string[]): number {
  if (files.length !== 2) {
    console.error('passkey-matrix: --compare takes two compat-matrix.json files: npm run check:determinism -- --compare before.json after.json');
    return 2;
  }
  const reports: unknown[] = [];
  for (const file of files) {
    let parsed: CompatReport;
    try {
      parsed = CompatReport.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      console.error(`passkey-matrix: ${file} is not a compat report this version reads (${(error as Error).message.split('\n')[0]}).`);
      return 2;
    }
    reports.push(comparableReport(parsed));
  }
  const found = differences(reports[0], reports[1]);
  for (const line of found.slice(0, 50)) console.log(line);
  console.log(found.length ? `${found.length} differences.` : 'The two reports are the same.');
  return found.length ? 1 : 0;
}

function withoutRuns(args: string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--runs') i++;
    else if (!args[i]!.startsWith('--runs=')) rest.push(args[i]!);
  }
  return rest;
}

process.exitCode = await main();
