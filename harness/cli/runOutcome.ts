import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CompatReport } from '../report/compatReport';

/**
 * A run's exit code from its compat report: with a baseline, 1 only when something regressed
 * (failures the last release had are listed, not fatal); without one, 1 when any cell failed or
 * broke. 2 when there is no readable report.
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
  if (!withBaseline) return report.totals.fail + report.totals.error > 0 ? 1 : 0;
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
  return diff.regressed.length ? 1 : 0;
}
