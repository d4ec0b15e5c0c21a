/**
 * `npm run bench [-- --quick | --full]`: how fast the matrix runs on this machine, and what its layout (one
 * kept page per environment, reset between cells) gains over the plain one (a new context and page
 * per test, Playwright's default workers) on the same cells. `--full` runs the whole matrix once,
 * exactly as `npm run matrix` does, and records it as the `full` entry. Prints a table and writes
 * reports/bench.json. Every figure is measured: wall time around the run, memory sampled from the
 * process tree, per-test times and the RP's own time from the run's compat report.
 */
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadMatrixData } from '../matrix/load';
import { benchPlan, type BenchRun } from '../bench/benchPlan';
import { watchPeakMemory } from '../bench/processTreeMemory';
import { startMatrix } from './runMatrix';
import { findChromium } from '../browser/findChromium';
import type { RunStages } from '../report/runTimings';

const RUN_TIMEOUT_MS = 3 * 60 * 60_000;
const MIB = 1024 * 1024;

interface RunFigures {
  label: string;
  layout: BenchRun['layout'];
  environments: string[];
  providers: string[] | 'all';
  scenarios: string[] | 'all';
  cells: number;
  /** Verdicts: scenario x cell, those taken from a check run once per environment included. */
  cellScenarios: number;
  /** Tests that ran: a check run once per environment is one test for all the cells it stands for. */
  tests: number;
  wallSeconds: number;
  /** Wall time per cell-scenario: flat across the fractions when cost grows linearly with cells. */
  wallMsPerCellScenario: number;
  /** The median test's duration. */
  medianMsPerCellScenario: number;
  overheadShare: number | null;
  peakRssMiB: number;
  stages: RunStages;
  /** Workers the run used, as Playwright said it would ("using N workers"). */
  workers: number | null;
  /** The engine line of the run's report: the build, its version and the binary. */
  engine: string;
  /** The median test's duration, scenario by scenario. */
  medianMsPerTestByScenario: Record<string, number>;
  exitCode: number;
}

async function measure(run: BenchRun): Promise<RunFigures> {
  const args = [
    // No environment named: every one, as `npm run matrix` runs them.
    ...(run.environments.length ? ['--env', run.environments.join(',')] : []),
    '--reporter', 'dot',
    ...(run.providers.length ? ['--provider', run.providers.join(',')] : []),
    ...(run.scenarios.length ? ['--scenario', run.scenarios.join(',')] : []),
  ];
  // The plain layout is Playwright's default: its default workers (half the cores) and a new context and page per test.
  if (run.layout === 'plain') args.push('--workers=50%');
  const started = performance.now();
  const running = startMatrix(args, RUN_TIMEOUT_MS, { PM_LAYOUT: run.layout });
  const memory = watchPeakMemory(running.pid);
  const done = await running.done.finally(() => memory.stop());
  const wallSeconds = (performance.now() - started) / 1000;
  const report = done.report;
  if (!report) throw new Error(`${run.label}: the run wrote no report (exit ${done.exitCode}):\n${done.output.slice(-2000)}`);
  const ran = report.cells.flatMap((cell) => cell.scenarios).filter((s) => s.status !== 'not-applicable' && s.status !== 'skipped');
  // A verdict taken from the cell that ran a check once for its environment took no test of its own.
  const tested = ran.filter((s) => s.checkedIn === null);
  const durations = tested.map((s) => s.durationMs);
  const byScenario = new Map<string, number[]>();
  for (const s of tested) byScenario.set(s.scenario, [...(byScenario.get(s.scenario) ?? []), s.durationMs]);
  const workers = /using (\d+) workers?/.exec(done.output)?.[1];
  return {
    label: run.label,
    layout: run.layout,
    environments: run.environments,
    providers: run.providers.length ? run.providers : 'all',
    scenarios: run.scenarios.length ? run.scenarios : 'all',
    cells: report.cells.filter((c) => c.status !== 'not-applicable').length,
    cellScenarios: ran.length,
    tests: tested.length,
    wallSeconds: round(wallSeconds, 1),
    wallMsPerCellScenario: ran.length ? Math.round((wallSeconds * 1000) / ran.length) : 0,
    medianMsPerCellScenario: median(durations),
    overheadShare: report.stages.overheadShare,
    peakRssMiB: Math.round(memory.peak() / MIB),
    stages: report.stages,
    workers: workers ? Number(workers) : null,
    engine: report.engine,
    medianMsPerTestByScenario: Object.fromEntries([...byScenario].sort(([a], [b]) => a.localeCompare(b)).map(([scenario, times]) => [scenario, median(times)])),
    exitCode: done.exitCode,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[sorted.length >> 1]! : 0;
}

/** The whole matrix as `npm run matrix` runs it, recorded as the `full` entry beside what bench.json already holds. */
async function benchFull(reportDir: string): Promise<number> {
  console.log('bench: the whole matrix, every scenario in every cell, as `npm run matrix` runs it ...');
  const run = await measure({ label: 'full matrix', environments: [], providers: [], scenarios: [], layout: 'reuse' });
  printTable([run], { plain: '', reuse: '' }, 0);
  const full = {
    date: new Date().toISOString(),
    machine: machine(),
    wallSeconds: run.wallSeconds,
    tests: run.tests,
    cellScenarios: run.cellScenarios,
    cells: run.cells,
    medianMsPerTest: run.medianMsPerCellScenario,
    medianMsPerTestByScenario: run.medianMsPerTestByScenario,
    overheadShare: run.overheadShare,
    peakRssMiB: run.peakRssMiB,
    workers: run.workers,
    engine: run.engine,
    stages: run.stages,
    exitCode: run.exitCode,
  };
  const file = path.join(reportDir, 'bench.json');
  const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...earlier, full }, null, 2)}\n`);
  console.log(`\nWritten: ${file} (its "full" entry)`);
  if (run.exitCode !== 0) console.error(`bench: the matrix exited ${run.exitCode}: its figures time a run that did not pass.`);
  return run.exitCode === 0 ? 0 : 1;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { quick: { type: 'boolean' }, full: { type: 'boolean' }, 'report-dir': { type: 'string' } } });
  const quick = values.quick === true;
  const reportDir = values['report-dir'] ?? 'reports';
  if (values.full) return benchFull(reportDir);
  const plan = benchPlan(loadMatrixData().environments, quick);
  const figures: RunFigures[] = [];
  for (const run of plan.runs) {
    const providers = run.providers.length ? run.providers.join(', ') : 'every provider';
    console.log(`bench: ${run.label} (${run.environments.length} environments, ${providers}, ${run.scenarios.length ? run.scenarios.join(', ') : 'every scenario'}) ...`);
    figures.push(await measure(run));
  }
  const byLabel = (label: string) => figures.find((f) => f.label === label)!;
  const plain = byLabel(plan.comparison.plain);
  const reuse = byLabel(plan.comparison.reuse);
  const ratioVsPlain = round(plain.wallSeconds / reuse.wallSeconds, 2);
  const headline = byLabel(plan.headline);
  printTable(figures, plan.comparison, ratioVsPlain);
  const file = path.join(reportDir, 'bench.json');
  // A `full` entry measured earlier stays: it takes a long run to make again.
  const earlierFull = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { full?: unknown }).full : undefined;
  const result = {
    ...(earlierFull ? { full: earlierFull } : {}),
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'scaling',
    machine: machine(),
    cellScenarios: headline.cellScenarios,
    wallSeconds: headline.wallSeconds,
    medianMsPerCellScenario: headline.medianMsPerCellScenario,
    overheadShare: headline.overheadShare,
    peakRssMiB: Math.max(...figures.map((f) => f.peakRssMiB)),
    ratioVsPlain,
    comparison: { plain: plain.label, reuse: reuse.label, cellScenarios: reuse.cellScenarios },
    runs: figures,
  };
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWritten: ${file}`);
  const failed = figures.filter((f) => f.exitCode !== 0);
  if (failed.length) console.error(`bench: ${failed.map((f) => `${f.label} exited ${f.exitCode}`).join(', ')}: its figures time a run that did not pass.`);
  return failed.length ? 1 : 0;
}

function printTable(figures: RunFigures[], comparison: { plain: string; reuse: string }, ratio: number): void {
  const header = ['run', 'cells', 'cell-scenarios', 'tests', 'wall s', 'wall ms/cs', 'median ms/cs', 'overhead', 'peak RSS MiB', 'ratio vs plain'];
  const rows = figures.map((f) => [
    f.label,
    String(f.cells),
    String(f.cellScenarios),
    String(f.tests),
    f.wallSeconds.toFixed(1),
    String(f.wallMsPerCellScenario),
    String(f.medianMsPerCellScenario),
    f.overheadShare === null ? '-' : f.overheadShare.toFixed(2),
    String(f.peakRssMiB),
    f.label === comparison.reuse ? `${ratio.toFixed(2)}x` : f.label === comparison.plain ? '1.00x' : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  console.log('cs: cell-scenario (one scenario in one cell); tests: those run (a check the provider does not change runs once per environment). median: of the tests. overhead: the harness\'s time in and between tests over the RP\'s own time (goal: at most 0.3).');
}

function machine() {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 1024 ** 3, 1),
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    chromium: findChromium()?.executablePath ?? 'none',
  };
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

process.exitCode = await main();
