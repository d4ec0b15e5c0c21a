/**
 * `npm run selftest`: proves the harness catches each fault of the fixture RP. For every switch the
 * scenarios about it run on a few cells, once clean and once with the switch on; the cells that go
 * red must be exactly those the oracle predicts, in the dimensions the fault breaks and no other.
 * Prints the table and writes reports/selftest.json.
 * `--fault a,b` checks only those switches.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { expandCells, type Cell } from '../matrix/cell';
import { loadMatrixData, selectSnapshot } from '../matrix/load';
import { runMatrix, type MatrixRun } from '../cli/runMatrix';
import { FAULT_CASES, isCovered, type CoveredFault, type PredictionContext } from './faultCases';
import type { Dimension } from '../report/dimension';
import { runOptions } from '../plan/runOptions';

const RUN_TIMEOUT_MS = 10 * 60_000;

export interface SelftestEntry {
  fault: string;
  scenarios: string[];
  /** Cells run, applicable ones only. */
  cells: string[];
  /** Cells the oracle says the fault must turn red. */
  expected: string[];
  /** Cells that went red (fail) with the fault on. */
  caught: string[];
  /** Red cells not expected. */
  extra: string[];
  /** Expected cells that stayed green. */
  missed: string[];
  /** Cells that were not green without the fault, or gave no verdict: the check itself is void there. */
  notCleanOrError: string[];
  /** The dimensions that must catch it; `caught` counts the cells where each of them failed. */
  dimensions: Dimension[];
  /** Other dimensions the fault turned red, as "cell: dimension": a check filed under the wrong one. */
  otherDimensions: string[];
  because: string;
  verdict: 'caught exactly' | 'wrong' | 'not covered';
}

function filters(fault: CoveredFault): string[] {
  return ['--env', fault.envs.join(','), '--provider', fault.providers.join(','), '--scenario', fault.scenarios.join(','), '--trace=off'];
}

function applicableCells(fault: CoveredFault, context: PredictionContext): Cell[] {
  const environments = context.data.environments.filter((e) => fault.envs.includes(e.id));
  const providers = context.data.providers.filter((p) => fault.providers.includes(p.id));
  return expandCells(environments, providers, context.snapshot).filter((cell) => cell.notApplicableReason === null);
}

/** Each cell's status and its dimensions', by cell id, from one run's report. */
interface CellVerdicts {
  status: string;
  dimensions: Map<Dimension, string>;
}

function verdicts(run: MatrixRun): Map<string, CellVerdicts> {
  if (!run.report) throw new Error(`The matrix run wrote no report:\n${run.output.slice(-2000)}`);
  return new Map(run.report.cells.map((cell) => [cell.id, { status: cell.status, dimensions: new Map(cell.dimensions.map((d) => [d.dimension, d.status])) }]));
}

async function check(fault: CoveredFault, context: PredictionContext): Promise<SelftestEntry> {
  const cells = applicableCells(fault, context);
  const clean = verdicts(await runMatrix(filters(fault), RUN_TIMEOUT_MS, fault.rpEnv));
  const faulty = verdicts(await runMatrix([...filters(fault), '--fault', fault.fault], RUN_TIMEOUT_MS, fault.rpEnv));
  const ids = cells.map((c) => c.id);
  // A scenario that does not apply in a cell (no hybrid client) leaves the cell not applicable.
  const judged = ids.filter((id) => clean.get(id)?.status !== 'not-applicable');
  const expected = cells.filter((c) => judged.includes(c.id) && fault.red(c, context)).map((c) => c.id);
  const caught = judged.filter((id) => fault.dimensions.every((dimension) => faulty.get(id)?.dimensions.get(dimension) === 'fail'));
  const notCleanOrError = judged.filter((id) => clean.get(id)?.status !== 'pass' || faulty.get(id)?.status === 'error');
  const otherDimensions = judged.flatMap((id) =>
    [...(faulty.get(id)?.dimensions ?? [])].filter(([dimension, status]) => !fault.dimensions.includes(dimension) && status === 'fail').map(([dimension]) => `${id}: ${dimension}`),
  );
  const extra = caught.filter((id) => !expected.includes(id));
  const missed = expected.filter((id) => !caught.includes(id));
  const exact = extra.length === 0 && missed.length === 0 && notCleanOrError.length === 0 && otherDimensions.length === 0 && expected.length > 0;
  return { fault: fault.fault, scenarios: fault.scenarios, cells: judged, expected, caught, extra, missed, notCleanOrError, dimensions: fault.dimensions, otherDimensions, because: fault.because, verdict: exact ? 'caught exactly' : 'wrong' };
}

function printTable(entries: SelftestEntry[]): void {
  const rows = entries.map((e) => [
    e.fault.split('=')[0]!,
    e.verdict,
    e.verdict === 'not covered' ? '' : `${e.caught.length}/${e.expected.length} of ${e.cells.length}`,
    e.dimensions.join(', '),
    e.verdict === 'not covered'
      ? e.because
      : [
          e.extra.length ? `extra ${e.extra.join(' ')}` : '',
          e.missed.length ? `missed ${e.missed.join(' ')}` : '',
          e.notCleanOrError.length ? `not clean ${e.notCleanOrError.join(' ')}` : '',
          e.otherDimensions.length ? `also red in ${e.otherDimensions.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; ') || e.scenarios.join(', '),
  ]);
  const header = ['fault switch', 'verdict', 'red/expected of cells', 'dimensions', 'scenarios, or why'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, widths.map((w) => '-'.repeat(w)), ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
}

async function main(): Promise<number> {
  let values: { fault?: string | undefined };
  try {
    ({ values } = parseArgs({ options: { fault: { type: 'string' } }, strict: true }));
  } catch (error) {
    // An unknown flag is the user's typo, not the harness failing: say so, without a stack trace.
    console.error(`selftest: ${error instanceof Error ? error.message : String(error)}. Usage: npm run selftest [-- --fault <name>[,<name>...]]; the report goes to PM_REPORT_DIR (default reports).`);
    return 2;
  }
  const only = values.fault ? values.fault.split(',').map((f) => f.trim()) : null;
  const unknown = (only ?? []).filter((name) => !FAULT_CASES.some((c) => c.fault.split('=')[0] === name));
  if (unknown.length) {
    console.error(`selftest: --fault: unknown switch ${unknown.join(', ')}; use some of ${FAULT_CASES.map((c) => c.fault.split('=')[0]).join(', ')}.`);
    return 2;
  }
  const data = loadMatrixData();
  const given = runOptions();
  const context: PredictionContext = { data, snapshot: selectSnapshot(data, given.snapshot) };
  const reportDir = given.reportDir;
  const entries: SelftestEntry[] = [];
  for (const fault of FAULT_CASES.filter((c) => !only || only.includes(c.fault.split('=')[0]!))) {
    if (!isCovered(fault)) {
      entries.push({ fault: fault.fault, scenarios: [], cells: [], expected: [], caught: [], extra: [], missed: [], notCleanOrError: [], dimensions: [], otherDimensions: [], because: fault.uncovered, verdict: 'not covered' });
      continue;
    }
    console.log(`selftest: ${fault.fault} on ${fault.envs.join(', ')} x ${fault.providers.join(', ')} (${fault.scenarios.join(', ')})`);
    entries.push(await check(fault, context));
  }
  mkdirSync(reportDir, { recursive: true });
  const file = path.join(reportDir, 'selftest.json');
  writeFileSync(file, `${JSON.stringify({ snapshot: context.snapshot.id, entries }, null, 2)}\n`);
  console.log('');
  printTable(entries);
  const wrong = entries.filter((e) => e.verdict === 'wrong');
  const covered = entries.filter((e) => e.verdict !== 'not covered').length;
  console.log(`\n${covered - wrong.length} of ${covered} covered fault switches caught exactly; ${entries.length - covered} not covered yet. Written: ${file}`);
  return wrong.length ? 1 : 0;
}

process.exitCode = await main();
