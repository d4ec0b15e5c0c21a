import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CompatReport } from '../report/compatReport';
import { DIMENSION_TITLES, DIMENSIONS, Dimension } from '../report/dimension';
import { dimensionTotalWords } from '../report/dimensionTotals';
import { DataError } from '../matrix/dataError';

/** Exit codes of a run: the RP failed a check; no verdict somewhere (the RP or the harness broke). */
export const EXIT_FAILED = 1;
export const EXIT_NO_VERDICT = 3;

/** What a run's outcome is judged on: with a baseline, only regressions; the gate's dimensions only. */
export interface OutcomeRule {
  withBaseline: boolean;
  /** The dimensions whose failures fail the run (`--gate`); the others are reported, not fatal. */
  gate: readonly Dimension[];
}

/** The run's exit code, and whether every cell of the report passed or was ruled out (nothing failed or broke anywhere). */
export interface RunOutcome {
  code: number;
  allGreen: boolean;
}

/** `--gate works,safe` (or PM_GATE): the dimensions whose failures fail the run; every dimension when not given. */
export function parseGate(value: string | undefined): Dimension[] {
  const given = (value ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  if (!given.length) return [...DIMENSIONS];
  const unknown = given.filter((part) => !Dimension.safeParse(part).success);
  if (unknown.length) throw new DataError(`--gate / PM_GATE: "${unknown.join('", "')}" is not a dimension; use any of ${DIMENSIONS.join(', ')} (comma-separated).`);
  return given as Dimension[];
}

/**
 * A run's exit code from its compat report: with a baseline, 1 only when a gated dimension regressed
 * (failures the last release had are listed, not fatal); without one, 1 when a gated dimension failed
 * in any cell, else 3 when one is an error (no verdict), else 0. 2 when there is no readable report.
 * Each dimension's totals are printed, gated or not.
 */
export function exitStatusFromReport(reportDir: string, rule: OutcomeRule): RunOutcome {
  const file = path.join(reportDir, 'compat-matrix.json');
  let report: CompatReport;
  try {
    report = CompatReport.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    console.error(`passkey-matrix: ${file}: no readable report (${(error as Error).message.split('\n')[0]}).`);
    return { code: 2, allGreen: false };
  }
  const allGreen = report.totals.fail === 0 && report.totals.error === 0;
  for (const line of dimensionSummary(report, rule.gate)) console.log(line);
  if (!rule.withBaseline) {
    const gated = rule.gate.map((d) => report.totals.dimensions[d]);
    const code = gated.some((t) => t.fail > 0) ? EXIT_FAILED : gated.some((t) => t.error > 0) ? EXIT_NO_VERDICT : 0;
    return { code, allGreen };
  }
  const diff = report.baseline;
  if (!diff) {
    console.error(`passkey-matrix: ${file}: the report has no comparison with the baseline.`);
    return { code: 2, allGreen };
  }
  const regressed = diff.regressed.filter((change) => change.dimension === null || rule.gate.includes(change.dimension));
  console.log(
    `Since the baseline (${diff.generatedAt}): ${diff.regressed.length} regressed, ${diff.recovered.length} recovered, ` +
      `${diff.appeared.length} cells appeared, ${diff.vanished.length} vanished.`,
  );
  for (const change of diff.regressed) {
    const where = change.dimension ? ` [${DIMENSION_TITLES[change.dimension]}]` : '';
    console.log(`  regressed${where}: ${change.cell} · ${change.scenario}: ${change.from ?? 'new'} -> ${change.to}`);
  }
  return { code: regressed.length ? EXIT_FAILED : 0, allGreen };
}

/** One line per dimension, in the words the HTML page's totals use, marking those the gate leaves out. */
export function dimensionSummary(report: CompatReport, gate: readonly Dimension[]): string[] {
  return DIMENSIONS.map((dimension) => `${dimensionTotalWords(dimension, report.totals.dimensions[dimension])}${gate.includes(dimension) ? '' : ' (not gated)'}`);
}
