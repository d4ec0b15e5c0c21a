/**
 * `npm run bench [-- --quick]`: how fast the matrix runs on this machine, and what its layout (one
 * kept page per environment, reset between cells) gains over the plain one (a new context and page
 * per test, Playwright's default workers) on the same cells. Prints a table and writes
 * reports/bench.json. Every figure is measured: wall time around the run, memory sampled from the
 * process tree, per-test times and the RP's own time from the run's compat report.
 */
import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
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
  exitCode: number;
}

async function measure(run: BenchRun): Promise<RunFigures> {
  const args = [
    '--env', run.environments.join(','),
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
  const durations = tested.map((s) => s.durationMs).sort((a, b) => a - b);
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
    medianMsPerCellScenario: durations.length ? durations[durations.length >> 1]! : 0,
    overheadShare: report.stages.overheadShare,
    peakRssMiB: Math.round(memory.peak() / MIB),
    stages: report.stages,
    exitCode: done.exitCode,
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { quick: { type: 'boolean' }, 'report-dir': { type: 'string' } } });
  const quick = values.quick === true;
  const reportDir = values['report-dir'] ?? 'reports';
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
  const result = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
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
  const file = path.join(reportDir, 'bench.json');
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
  console.log('cs: cell-scenario (one scenario in one cell); tests: those run (a check the provider does not change runs once per environment). median: of the tests. overhead: the harness\'s time in and between tests over the RP\'s own time (goal: at most 0.5).');
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
