/**
 * `npm run matrix`: runs every scenario in every cell of the matrix against the fixture RP (or the
 * RP named by --rp-url / RP_URL) and writes the reports. Bad input gets one line naming the flag
 * or file and the fix, and exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { DataError } from '../matrix/dataError';
import { parseList, validateFilter } from '../matrix/filter';
import { loadMatrixData, selectSnapshot } from '../matrix/load';
import { findChromium, MISSING_BROWSER_MESSAGE } from '../browser/findChromium';

const USAGE = `Usage: npm run matrix -- [options] [playwright options, e.g. --shard=1/4]
  --env <ids>        environments to run, comma-separated (e.g. windows-edge,android-chrome); default all
  --provider <ids>   providers to run, comma-separated (e.g. windows-hello,1password); default all
  --snapshot <id>    support snapshot (default: the newest)
  --rp-url <url>     a running RP to test instead of the fixture RP (also RP_URL)
  --fault <name>     turn on a fixture RP fault switch (repeatable; also RP_FAULTS)
  --report-dir <dir> where reports go (default: reports)`;

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      strict: false,
      options: {
        env: { type: 'string' },
        provider: { type: 'string' },
        snapshot: { type: 'string' },
        'rp-url': { type: 'string' },
        fault: { type: 'string', multiple: true },
        'report-dir': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, tokens } = { ...parsed, tokens: process.argv.slice(2) };
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const envIds = parseList(str(values.env) ?? process.env.PM_ENVIRONMENTS);
  const providerIds = parseList(str(values.provider) ?? process.env.PM_PROVIDERS);
  const snapshotId = str(values.snapshot) ?? process.env.PM_SNAPSHOT;
  try {
    const data = loadMatrixData();
    validateFilter({ environments: envIds, providers: providerIds }, data.environments, data.providers, '--env / --provider:');
    selectSnapshot(data, snapshotId);
  } catch (error) {
    if (error instanceof DataError) return fail(error.message);
    throw error;
  }
  if (!findChromium()) return fail(MISSING_BROWSER_MESSAGE);

  env.PM_ENVIRONMENTS = envIds.join(',');
  env.PM_PROVIDERS = providerIds.join(',');
  if (snapshotId) env.PM_SNAPSHOT = snapshotId;
  if (str(values['rp-url'])) env.RP_URL = str(values['rp-url']);
  const faults = Array.isArray(values.fault) ? values.fault.filter((f): f is string => typeof f === 'string') : [];
  if (faults.length) env.RP_FAULTS = [...parseList(process.env.RP_FAULTS), ...faults].join(',');
  if (str(values['report-dir'])) env.PM_REPORT_DIR = str(values['report-dir']);

  // Allure appends to its results folder; a run's report must hold that run's results only.
  rmSync(path.join(env.PM_REPORT_DIR ?? 'reports', 'allure-results'), { recursive: true, force: true });

  const projects = envIds.length ? envIds : loadMatrixData().environments.map((e) => e.id);
  const ownFlags = new Set(['--env', '--provider', '--snapshot', '--rp-url', '--fault', '--report-dir']);
  const passThrough = dropOwnFlags(tokens, ownFlags);
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const run = spawnSync(process.execPath, [cli, 'test', ...projects.map((p) => `--project=${p}`), ...passThrough], {
    stdio: 'inherit',
    env,
  });
  const reportDir = env.PM_REPORT_DIR ?? 'reports';
  console.log(`\nReports: ${reportDir}/compat-matrix.html, ${reportDir}/compat-matrix.json, ${reportDir}/playwright-report/index.html, ${reportDir}/junit.xml`);
  return run.status ?? 1;
}

/** Removes this CLI's own flags (`--env x` and `--env=x`) so the rest can go to Playwright. */
function dropOwnFlags(args: string[], own: Set<string>): string[] {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.split('=')[0]!;
    if (!own.has(name)) rest.push(arg);
    else if (!arg.includes('=')) i++; // skip its value
  }
  return rest;
}

function fail(message: string): number {
  console.error(`passkey-matrix: ${message}`);
  return 2;
}

process.exitCode = main();
