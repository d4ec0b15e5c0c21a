import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Stryker } from '@stryker-mutator/core';
import type { MatrixSubset } from './coverageMap';
import type { GroupRun } from './mutateSelection';

/** Stryker's options, typed from its constructor: its api package is not a direct dependency. */
export type StrykerOptions = ConstructorParameters<typeof Stryker>[0];
/** Stryker's log level is a string enum of its api package; its values are these strings. */
type LogLevel = NonNullable<StrykerOptions['logLevel']>;

/** Where each mutant's matrix run writes its reports, inside Stryker's sandbox: never the real reports/. */
export const MUTANT_RUN_DIR = '.mutant-run';

/** What Stryker leaves out of its sandbox copy: earlier runs' output, which can be hundreds of MB. */
const NOT_COPIED = ['/reports', '/test-results', '/test-reports', '/blob-report', '/scratch-tmp', `/${MUTANT_RUN_DIR}`];

/** Leaves fault switches unmutated (faultSwitchIgnorer.ts says why), loaded through tsx in every Stryker process. */
const FAULT_SWITCH_PLUGIN = fileURLToPath(new URL('./faultSwitchPlugin.mjs', import.meta.url));

export interface MutationSettings {
  /** Where the HTML and JSON reports go, one folder per group. */
  reportDir: string;
  /** Mutants run at once, each in its own sandbox with its own matrix run (browser and RP). */
  concurrency: number;
}

/**
 * The matrix subset as one shell command, run in the sandbox so the RP it starts is the mutated one.
 * The tsx equivalent of `npm run matrix`, without npm's start-up; traces off, as the selftest runs it;
 * stopped at the first failure.
 */
export function matrixCommand(subset: MatrixSubset): string {
  const settings = Object.entries(subset.rpEnv ?? {}).map(([name, value]) => `${name}=${value}`);
  return [
    ...settings,
    'node --import tsx harness/cli/matrix.ts',
    `--env ${subset.environments.join(',')}`,
    `--provider ${subset.providers.join(',')}`,
    `--scenario ${subset.scenarios.join(',')}`,
    // One folder per run (the shell's pid): with --concurrency 2 two runs share the sandbox, and a run
    // reads its verdict back from its own report.
    `--report-dir ${MUTANT_RUN_DIR}/$$ --reporter dot --trace=off`,
    // The first red cell kills the mutant: the rest of the subset would only cost its time, and each
    // failed test makes Playwright start a new worker (a browser and an RP), which turned kills into
    // timeouts.
    '--max-failures=1',
  ].join(' ');
}

export function groupReportFiles(reportDir: string, groupId: string): { html: string; json: string } {
  const dir = path.join(reportDir, groupId);
  return { html: path.join(dir, 'mutation.html'), json: path.join(dir, 'mutation.json') };
}

export function strykerOptions(run: GroupRun, settings: MutationSettings): StrykerOptions {
  const files = groupReportFiles(settings.reportDir, run.group.id);
  return {
    testRunner: 'command',
    commandRunner: { command: matrixCommand(run.group.subset) },
    mutate: run.mutate,
    // The command runner runs the whole subset for every mutant: there is no per-test coverage to use.
    coverageAnalysis: 'off',
    plugins: ['@stryker-mutator/*', FAULT_SWITCH_PLUGIN],
    ignorers: ['fault-switch'],
    concurrency: settings.concurrency,
    // A mutant's run is allowed its clean run's time x 1.5 plus 30 s, per run at once: the clean run
    // is timed alone, and two runs at once on two cores each take about twice as long. A hung RP ends
    // as a Timeout; a run slowed by its neighbour does not (it was counted as detected, and so it
    // raised the score). The matrix bounds every wait of its own inside that.
    timeoutMS: 30_000,
    timeoutFactor: 1.5 * settings.concurrency,
    dryRunTimeoutMinutes: 10,
    reporters: ['html', 'json', 'progress-append-only'],
    htmlReporter: { fileName: files.html },
    jsonReporter: { fileName: files.json },
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    ignorePatterns: NOT_COPIED,
    // Stryker rewrites tsconfig.json's extends/references with TypeScript's JS API, which TypeScript 7
    // (the native compiler this project uses) does not have; this tsconfig has neither to rewrite, so
    // point Stryker at a file that is not there and it leaves the sandbox's tsconfig.json as it is.
    tsconfigFile: 'tsconfig.stryker-skips-this.json',
    // tsx does not type-check, so the sandbox's files need no `// @ts-nocheck`.
    disableTypeChecks: false,
    incremental: false,
    logLevel: 'info' as LogLevel,
    fileLogLevel: 'off' as LogLevel,
  };
}
