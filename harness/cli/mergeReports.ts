/**
 * `npm run report:merge -- <folder>`: merges the blob reports of a sharded run (each shard's
 * `reports/blob-report/*.zip`, gathered into one folder) into one compat report, one Playwright
 * report, one JUnit file and one set of Allure results, as one unsharded run would have written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BaselineError, givenBaseline } from '../report/baselineDiff';
import { exitStatusFromReport } from './runOutcome';
import { DIMENSIONS } from '../report/dimension';
import { childEnvironment, fromInvocation, runOptions } from '../plan/runOptions';

const USAGE = `Usage: npm run report:merge -- [<folder of blob reports>] [--report-dir <dir>] [--baseline <file>]
  <folder>           where every shard's blob-report/*.zip was gathered (default: reports/blob-report)
  --report-dir <dir> where the merged reports go (default: reports); env PM_REPORT_DIR
  --baseline <file>  compare with the last release's compat-matrix.json; env BASELINE`;

const MERGE_CONFIG = fileURLToPath(new URL('../report/merge.config.ts', import.meta.url));

function main(): number {
  let values: { 'report-dir'?: string | undefined; baseline?: string | undefined; help?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      allowPositionals: true,
      options: { 'report-dir': { type: 'string' }, baseline: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // Paths as the user typed them, from where they typed them (npm runs scripts from the repository).
  const given = runOptions();
  const here = (file: string) => fromInvocation(given, file);
  const reportDir = here(values['report-dir'] ?? given.reportDir);
  const blobDir = here(positionals[0] ?? path.join(reportDir, 'blob-report'));
  const blobs = existsSync(blobDir) ? readdirSync(blobDir).filter((name) => name.endsWith('.zip')) : [];
  if (blobs.length === 0) {
    return fail(`${blobDir}: no blob reports (*.zip) to merge; run the shards with npm run matrix -- --shard=i/n and gather each one's reports/blob-report/ here.`);
  }
  let baseline: string | undefined;
  try {
    baseline = givenBaseline(values.baseline, given);
  } catch (error) {
    if (error instanceof BaselineError) return fail(`--baseline / BASELINE: ${error.message}`);
    throw error;
  }
  // Allure appends to its results folder: the merged results are this run's only.
  rmSync(path.join(reportDir, 'allure-results'), { recursive: true, force: true });
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const env = childEnvironment({ ...given, reportDir, baseline });
  const merged = spawnSync(process.execPath, [cli, 'merge-reports', '--config', MERGE_CONFIG, blobDir], { stdio: 'inherit', env });
  if (merged.status !== 0) return fail(`merging ${blobs.length} blob reports from ${blobDir} failed (exit ${merged.status ?? merged.signal}).`);
  console.log(`\nMerged ${blobs.length} shards. Reports: ${reportDir}/compat-matrix.html, ${reportDir}/compat-matrix.json, ${reportDir}/playwright-report/index.html, ${reportDir}/junit.xml`);
  return exitStatusFromReport(reportDir, { withBaseline: baseline !== undefined, gate: [...DIMENSIONS] }).code;
}

function fail(message: string): number {
  console.error(`passkey-matrix: ${message}`);
  return 2;
}

process.exitCode = main();
