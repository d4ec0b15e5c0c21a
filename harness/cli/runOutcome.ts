import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CompatReport } from '../report/compatReport';

/** Exit codes of a run: the RP failed a check; no verdict somewhere (the RP or the harness broke). */
export const EXIT_FAILED = 1;
export const EXIT_NO_VERDICT = 3;

/**
 * A run's exit code from its compat report: with a baseline, 1 only when something regressed
 * (failures the last release had are listed, not fatal); without one, 1 when any cell failed, else
 * 3 when any cell is an error (no verdict), else 0. 2 when there is no readable report.
 */
export function exitStatusFromReport(reportDir: string, withBaseline: boolean): number {
  const file = path.join(reportDir, 'compat-matrix.json');
  let report: CompatReport;
  try {
    report = CompatReport.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    console.error(`passkey-matrix: ${file}: no readable report (${(error as Error).message.split('\n')[0]}).`);
    return 2;
  }
  if (!withBaseline) return report.totals.fail > 0 ? EXIT_FAILED : report.totals.error > 0 ? EXIT_NO_VERDICT : 0;
  const diff = report.baseline;
  if (!diff) {
    console.error(`passkey-matrix: ${file}: the report has no comparison with the baseline.`);
    return 2;
  }
  console.log(
    `Since the baseline (${diff.generatedAt}): ${diff.regressed.length} regressed, ${diff.recovered.length} recovered, ` +
      `${diff.appeared.length} cells appeared, ${diff.vanished.length} vanished.`,
  );
  for (const change of diff.regressed) console.log(`  regressed: ${change.cell} · ${change.scenario}: ${change.from ?? 'new'} -> ${change.to}`);
  return diff.regressed.length ? EXIT_FAILED : 0;
}
