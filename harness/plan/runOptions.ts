/**
 * Every environment variable the harness reads, read here and nowhere else.
 *
 * A run crosses three processes: the matrix CLI, Playwright's runner (config, global setup,
 * reporters) and its workers. The CLI turns its flags into these variables for the runner
 * (`runOptionsEnv`); the runner's config reads them once into the run's plan, which reaches the
 * workers as project options and the reporter as its options. The global setup adds the RP it
 * started (`startedRpEnv`), which workers inherit.
 */
import path from 'node:path';
import { parseList, type MatrixFilter } from '../matrix/filter';

/** The variables a user (or CI) may set, by what they mean; each command's flags say the same. */
export const RUN_VARS = {
  environments: 'PM_ENVIRONMENTS',
  providers: 'PM_PROVIDERS',
  syncs: 'PM_SYNC',
  scenarios: 'PM_SCENARIOS',
  snapshot: 'PM_SNAPSHOT',
  layout: 'PM_LAYOUT',
  reportDir: 'PM_REPORT_DIR',
  consoleReporter: 'PM_CONSOLE_REPORTER',
  blobReport: 'PM_BLOB_REPORT',
  gate: 'PM_GATE',
  authenticatorRefuses: 'PM_AUTHENTICATOR_REFUSES',
  rpUrl: 'RP_URL',
  rpAdapter: 'RP_ADAPTER',
  rpFaults: 'RP_FAULTS',
  rpVersion: 'RP_VERSION',
  baseline: 'BASELINE',
  chromiumPath: 'CHROMIUM_PATH',
} as const;

/** What the run's global setup tells its workers and reporter: the RP it started or reached. */
export const STARTED_RP_VARS = {
  url: 'PASSKEY_MATRIX_RP_URL',
  kind: 'PASSKEY_MATRIX_RP_KIND',
  faults: 'PASSKEY_MATRIX_RP_FAULTS',
  startMs: 'PASSKEY_MATRIX_RP_START_MS',
} as const;

/** The RP a run's global setup started (the fixture RP) or reached (a team's own). */
export interface StartedRp {
  url: string;
  kind: 'fixture' | 'external';
  faults: string[];
  /** How long starting (or reaching) it took, for the report's stages. */
  startMs: number;
}

export interface RunOptions {
  /** Which part of the matrix runs; empty lists mean all. */
  selection: MatrixFilter;
  /** The support snapshot's id; undefined: the newest. */
  snapshot: string | undefined;
  /** How cells get their pages; checked by the plan. */
  layout: string | undefined;
  reportDir: string;
  /** Whether the report folder was named (a unit run elsewhere keeps its test results beside its reports). */
  reportDirGiven: boolean;
  consoleReporter: string | undefined;
  /** A shard also writes its blob report, for the merge. */
  blobReport: boolean;
  ci: boolean;
  gate: string | undefined;
  authenticatorRefuses: string | undefined;
  rp: {
    url: string | undefined;
    /** The adapter module of a team's own RP, absolute (given relative to where the command ran); undefined: the fixture RP's. */
    adapter: string | undefined;
    faults: string[];
    version: string | undefined;
  };
  baseline: string | undefined;
  chromiumPath: string | undefined;
  /** Where the user typed the command: npm runs scripts from the repository, and says where in INIT_CWD. */
  invokedFrom: string;
  /** Set in the runner and its workers once the global setup has started the RP; null before. */
  startedRp: StartedRp | null;
}

/** The run's options from the environment (this process's unless another is given, as tests do). */
export function runOptions(env: NodeJS.ProcessEnv = process.env): RunOptions {
  const text = (name: string) => env[name]?.trim() || undefined;
  const invokedFrom = env.INIT_CWD ?? process.cwd();
  const adapter = text(RUN_VARS.rpAdapter);
  return {
    selection: {
      environments: parseList(env[RUN_VARS.environments]),
      providers: parseList(env[RUN_VARS.providers]),
      syncs: parseList(env[RUN_VARS.syncs]),
      scenarios: parseList(env[RUN_VARS.scenarios]),
    },
    snapshot: text(RUN_VARS.snapshot),
    layout: text(RUN_VARS.layout),
    reportDir: text(RUN_VARS.reportDir) ?? 'reports',
    reportDirGiven: text(RUN_VARS.reportDir) !== undefined,
    consoleReporter: text(RUN_VARS.consoleReporter),
    blobReport: env[RUN_VARS.blobReport] === '1',
    ci: !!env.CI,
    gate: text(RUN_VARS.gate),
    authenticatorRefuses: text(RUN_VARS.authenticatorRefuses),
    rp: { url: text(RUN_VARS.rpUrl), adapter: adapter && path.resolve(invokedFrom, adapter), faults: parseList(env[RUN_VARS.rpFaults]), version: text(RUN_VARS.rpVersion) },
    baseline: text(RUN_VARS.baseline),
    chromiumPath: text(RUN_VARS.chromiumPath),
    invokedFrom,
    startedRp: startedRp(env),
  };
}

function startedRp(env: NodeJS.ProcessEnv): StartedRp | null {
  const url = env[STARTED_RP_VARS.url];
  if (!url) return null;
  return {
    url,
    kind: env[STARTED_RP_VARS.kind] === 'external' ? 'external' : 'fixture',
    faults: parseList(env[STARTED_RP_VARS.faults]),
    startMs: Number(env[STARTED_RP_VARS.startMs] ?? 0),
  };
}

/** A path the user gave, resolved from where they typed the command. */
export function fromInvocation(options: Pick<RunOptions, 'invokedFrom'>, file: string): string {
  return path.resolve(options.invokedFrom, file);
}

/** The variables that hand a run's options to the Playwright runner the CLI starts (on top of the user's own). */
export function runOptionsEnv(options: RunOptions): Record<string, string> {
  const set = (value: string | undefined): string => value ?? '';
  return {
    [RUN_VARS.environments]: options.selection.environments.join(','),
    [RUN_VARS.providers]: options.selection.providers.join(','),
    [RUN_VARS.syncs]: options.selection.syncs.join(','),
    [RUN_VARS.scenarios]: options.selection.scenarios.join(','),
    [RUN_VARS.snapshot]: set(options.snapshot),
    [RUN_VARS.layout]: set(options.layout),
    [RUN_VARS.reportDir]: options.reportDir,
    [RUN_VARS.consoleReporter]: set(options.consoleReporter),
    [RUN_VARS.blobReport]: options.blobReport ? '1' : '',
    [RUN_VARS.gate]: set(options.gate),
    [RUN_VARS.authenticatorRefuses]: set(options.authenticatorRefuses),
    [RUN_VARS.rpUrl]: set(options.rp.url),
    [RUN_VARS.rpAdapter]: set(options.rp.adapter),
    [RUN_VARS.rpFaults]: options.rp.faults.join(','),
    [RUN_VARS.rpVersion]: set(options.rp.version),
    [RUN_VARS.baseline]: set(options.baseline),
  };
}

/** This process's environment with the run's options on top: what the Playwright runner the CLI starts gets. */
export function childEnvironment(options: RunOptions): NodeJS.ProcessEnv {
  return { ...process.env, ...runOptionsEnv(options) };
}

/** Tells this process (and the workers it starts after) which RP the run tests. */
export function announceStartedRp(rp: StartedRp): void {
  process.env[STARTED_RP_VARS.url] = rp.url;
  process.env[STARTED_RP_VARS.kind] = rp.kind;
  process.env[STARTED_RP_VARS.faults] = rp.faults.join(',');
  process.env[STARTED_RP_VARS.startMs] = String(rp.startMs);
}

/** This process's environment without the named variables: the fixture RP takes its faults as flags, not inherited. */
export function environmentWithout(names: readonly string[]): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !names.includes(key)));
}

/**
 * This process's environment as a user's shell would have it: without the variables that shape a run
 * (a browser choice stays) nor the test runner's own, for a run a test starts as a user would.
 */
export function userEnvironment(): NodeJS.ProcessEnv {
  const shaping: string[] = [...Object.values(RUN_VARS), ...Object.values(STARTED_RP_VARS), 'RP_USER_VERIFICATION'].filter((name) => name !== RUN_VARS.chromiumPath);
  const runner = /^(PW_|TEST_|PLAYWRIGHT_)/;
  return Object.fromEntries(Object.entries(environmentWithout(shaping)).filter(([key]) => !runner.test(key)));
}

/**
 * Drops from this process the variables that would point a child's matrix run at another RP, break
 * the RP on purpose, or narrow or move its reports: each mutant's run is its group's own subset
 * against the fixture RP, whatever the user's shell holds.
 */
export function forgetRunShapingVars(): void {
  const shaping = [RUN_VARS.rpUrl, RUN_VARS.rpAdapter, RUN_VARS.rpFaults, RUN_VARS.authenticatorRefuses, RUN_VARS.baseline, RUN_VARS.environments, RUN_VARS.providers, RUN_VARS.syncs, RUN_VARS.scenarios, RUN_VARS.reportDir];
  for (const name of shaping) delete process.env[name];
}
