import type { CompatReport } from './compatReport';

/**
 * A report with what rightly differs between two runs of the same matrix taken out: when it was
 * made, how long each scenario and stage took, and the port the fixture RP got for the run. Two runs of the
 * same release must give equal comparable reports; anything else differing is non-determinism.
 */
export function comparableReport(report: CompatReport): unknown {
  return {
    ...report,
    generatedAt: 'any time',
    rp: { ...report.rp, url: report.rp.kind === 'fixture' ? 'the fixture RP on a free port' : report.rp.url },
    cells: report.cells.map((cell) => ({ ...cell, scenarios: cell.scenarios.map((scenario) => ({ ...scenario, durationMs: 0, timing: null })) })),
    stages: 'timings differ',
  };
}

/** Where two comparable reports differ, as JSON paths with both values; empty when equal. */
export function differences(a: unknown, b: unknown, at = '$'): string[] {
  if (Object.is(a, b)) return [];
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return [`${at}: ${JSON.stringify(a)} then ${JSON.stringify(b)}`];
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], Array.isArray(a) ? `${at}[${key}]` : `${at}.${key}`));
}
