/**
 * `npm run matrix`: runs every scenario in every cell of the matrix against the fixture RP (or the
 * RP named by --rp-url / RP_URL) and writes the reports. Bad input gets one line naming the flag
 * or file and the fix, and exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataError } from '../matrix/dataError';
import { parseList } from '../matrix/filter';
import { loadMatrixData } from '../matrix/load';
import { planSelection } from '../plan/matrixPlan';
import { childEnvironment, fromInvocation, runOptions, type RunOptions } from '../plan/runOptions';
import { findChromium, MISSING_BROWSER_MESSAGE } from '../browser/findChromium';
import { BaselineError, givenBaseline } from '../report/baselineDiff';
import { exitStatusFromReport, parseGate } from './runOutcome';
import type { Dimension } from '../report/dimension';
import { AdapterError, loadAdapter } from '../rp/loadAdapter';
import { checkReachable, RpUnreachableError } from '../rp/target';
import { parseAuthenticatorRefusal } from '../browser/authenticatorRefusal';

const USAGE = `Usage: npm run matrix -- [options] [playwright options, e.g. --shard=1/4]
  --env <ids>        environments, comma-separated (e.g. windows-edge,android-chrome); env PM_ENVIRONMENTS
  --provider <ids>   providers, comma-separated (e.g. windows-hello,1password); env PM_PROVIDERS
  --sync <flags>     sync states: synced, eligible, device-bound; env PM_SYNC
  --scenario <ids>   scenarios (file names in scenarios/ without .spec.ts); env PM_SCENARIOS
  --snapshot <id>    support snapshot (default: the newest); env PM_SNAPSHOT
  --rp-url <url>     a running RP to test instead of the fixture RP; env RP_URL
  --rp-adapter <file> the module that drives that RP (default: the fixture RP's adapter); env RP_ADAPTER
  --fault <name>     turn on a fixture RP fault switch (repeatable); env RP_FAULTS
  --report-dir <dir> where reports go (default: reports); env PM_REPORT_DIR
  --baseline <file>  the compat-matrix.json of the last release: report what changed, exit 1 only on a regression; env BASELINE
  --gate <dims>      the dimensions whose failures fail the run (default: all of works, tells-the-truth,
                     leaves-a-way-in, safe); the others are still judged and reported; env PM_GATE
  --rp-version <v>   the RP release tested, shown in the report; env RP_VERSION
  --reporter <name>  console output: list, line or dot (default: list, dot on CI); the report files are always written
  --authenticator-refuses <presence|verification>[:<provider ids>]
                     inject a fault: the providers' authenticators (default: every one) never see the person
                     touch them, or fail user verification; their cells become errors; env PM_AUTHENTICATOR_REFUSES
Every filter defaults to all; an unknown id is refused with the list of known ones.`;

const OWN_FLAGS = ['env', 'provider', 'sync', 'scenario', 'snapshot', 'rp-url', 'rp-adapter', 'fault', 'report-dir', 'reporter', 'baseline', 'gate', 'rp-version', 'authenticator-refuses', 'help'] as const;
/** Console reporters: --reporter replaces only the console one, so the report files are still written. */
const CONSOLE_REPORTERS = ['list', 'line', 'dot'];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args,
    allowPositionals: true,
    strict: false,
    options: {
      env: { type: 'string' },
      provider: { type: 'string' },
      sync: { type: 'string' },
      scenario: { type: 'string' },
      snapshot: { type: 'string' },
      'rp-url': { type: 'string' },
      'rp-adapter': { type: 'string' },
      fault: { type: 'string', multiple: true },
      'report-dir': { type: 'string' },
      reporter: { type: 'string' },
      baseline: { type: 'string' },
      gate: { type: 'string' },
      'rp-version': { type: 'string' },
      'authenticator-refuses': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const flag = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const given = runOptions();
  const listFlag = (name: string, fromEnv: string[]) => (flag(name) === undefined ? fromEnv : parseList(flag(name)));
  const options: RunOptions = {
    ...given,
    selection: {
      environments: listFlag('env', given.selection.environments),
      providers: listFlag('provider', given.selection.providers),
      syncs: listFlag('sync', given.selection.syncs),
      scenarios: listFlag('scenario', given.selection.scenarios),
    },
    snapshot: flag('snapshot') ?? given.snapshot,
    gate: flag('gate') ?? given.gate,
    authenticatorRefuses: flag('authenticator-refuses')?.trim() ?? given.authenticatorRefuses,
    reportDir: flag('report-dir') ?? given.reportDir,
    reportDirGiven: true,
    consoleReporter: flag('reporter') ?? given.consoleReporter,
    // A shard also writes its blob report, for `npm run report:merge` on the machine that gathers them.
    blobReport: given.blobReport || args.some((arg) => arg.startsWith('--shard')),
    rp: {
      url: flag('rp-url') ?? given.rp.url,
      adapter: flag('rp-adapter') ? fromInvocation(given, flag('rp-adapter')!) : given.rp.adapter,
      faults: [...given.rp.faults, ...((values.fault as string[] | undefined) ?? [])],
      version: flag('rp-version') ?? given.rp.version,
    },
  };
  let environmentIds: string[];
  let gate: Dimension[];
  try {
    gate = parseGate(options.gate);
    const data = loadMatrixData();
    const plan = planSelection(data, options, '--env / --provider / --sync / --scenario:');
    parseAuthenticatorRefusal(options.authenticatorRefuses, data.providers.map((p) => p.id));
    environmentIds = options.selection.environments.length ? options.selection.environments : plan.environments;
  } catch (error) {
    if (error instanceof DataError) return fail(error.message);
    throw error;
  }
  const reporter = options.consoleReporter;
  if (reporter !== undefined && !CONSOLE_REPORTERS.includes(reporter)) {
    return fail(`--reporter: "${reporter}" is not a console reporter; use one of ${CONSOLE_REPORTERS.join(', ')} (the HTML, JSON, JUnit and Allure reports are always written).`);
  }
  if (!findChromium(options.chromiumPath)) return fail(MISSING_BROWSER_MESSAGE);
  try {
    await loadAdapter(options.rp.adapter ?? null);
  } catch (error) {
    if (error instanceof AdapterError) return fail(error.message);
    throw error;
  }

  // Checked here too, not only in the run's global setup: there it would end in a stack trace.
  if (options.rp.url) {
    try {
      await checkReachable(options.rp.url);
    } catch (error) {
      if (error instanceof RpUnreachableError) return fail(`--rp-url / ${error.message}`);
      throw error;
    }
  }

  try {
    options.baseline = givenBaseline(flag('baseline'), given);
  } catch (error) {
    if (error instanceof BaselineError) return fail(`--baseline / BASELINE: ${error.message}`);
    throw error;
  }
  const { reportDir, baseline } = options;
  // Allure appends to its results folder; a run's report must hold that run's results only.
  rmSync(path.join(reportDir, 'allure-results'), { recursive: true, force: true });

  const scenarioFiles = options.selection.scenarios.map((id) => `scenarios/${id}.spec.ts`);
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const run = spawnSync(
    process.execPath,
    // With no test left (the support data rules out every cell asked for), the report still lists each cell and why.
    [cli, 'test', ...environmentIds.map((id) => `--project=${id}`), '--pass-with-no-tests', ...scenarioFiles, ...withoutOwnFlags(args)],
    { stdio: 'inherit', env: childEnvironment(options) },
  );
  const allure = reportDir === 'reports' ? 'npm run report:allure' : `npm run report:allure -- --report-dir ${reportDir}`;
  console.log(`\nReports: ${reportDir}/compat-matrix.html, ${reportDir}/compat-matrix.json, ${reportDir}/playwright-report/index.html, ${reportDir}/junit.xml; the Allure report: ${allure}`);
  const status = run.status ?? 1;
  if (status !== 0 && status !== 1) return status;
  const outcome = exitStatusFromReport(reportDir, { withBaseline: baseline !== undefined, gate });
  // Playwright failing with every cell green is the harness failing outside the cells: never a pass.
  return status === 1 && outcome.allGreen && !baseline ? 1 : outcome.code;
}

/** This CLI's own flags (`--env x` and `--env=x`) removed, so the rest can go to Playwright. */
function withoutOwnFlags(args: string[]): string[] {
  const own = new Set(OWN_FLAGS.map((name) => `--${name}`));
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.split('=')[0]!;
    if (!own.has(name)) rest.push(arg);
    else if (!arg.includes('=') && name !== '--help') i++; // skip its value
  }
  return rest;
}

function fail(message: string): number {
  console.error(`passkey-matrix: ${message}`);
  return 2;
}

process.exitCode = await main();
