import { z } from 'zod';

/** Stryker's mutant statuses (mutation-testing-report-schema). */
export const MutantStatus = z.enum(['Killed', 'Survived', 'NoCoverage', 'CompileError', 'RuntimeError', 'Timeout', 'Ignored', 'Pending']);
export type MutantStatus = z.infer<typeof MutantStatus>;

const Position = z.object({ line: z.number(), column: z.number() });

/** The part of a mutant this harness reads; the rest of Stryker's fields pass through untouched. */
export const ReportedMutant = z.looseObject({
  id: z.string(),
  mutatorName: z.string(),
  replacement: z.string().optional(),
  status: MutantStatus,
  statusReason: z.string().optional(),
  location: z.object({ start: Position, end: Position }),
});
export type ReportedMutant = z.infer<typeof ReportedMutant>;

/** Stryker's JSON report (mutation-testing-report-schema), as far as this harness reads it. */
export const MutationReport = z.looseObject({
  schemaVersion: z.string(),
  thresholds: z.looseObject({ high: z.number(), low: z.number() }),
  files: z.record(z.string(), z.looseObject({ language: z.string(), source: z.string(), mutants: z.array(ReportedMutant) })),
});
export type MutationReport = z.infer<typeof MutationReport>;

export type StatusCounts = Record<MutantStatus, number>;

/** How many mutants ended in each status. */
export function countStatuses(report: MutationReport): StatusCounts {
  const counts = Object.fromEntries(MutantStatus.options.map((s) => [s, 0])) as StatusCounts;
  for (const file of Object.values(report.files)) for (const mutant of file.mutants) counts[mutant.status]++;
  return counts;
}

/**
 * Stryker's mutation score: detected (killed or timed out) over the valid mutants it did not ignore
 * (compile and runtime errors are not valid); null when there is none.
 */
export function mutationScore(counts: StatusCounts): number | null {
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  return valid === 0 ? null : (100 * detected) / valid;
}

/** A mutant no check noticed, located for a person to read. */
export interface Survivor {
  where: string;
  mutator: string;
  replacement: string;
}

export function survivors(report: MutationReport): Survivor[] {
  return Object.entries(report.files).flatMap(([file, { mutants }]) =>
    mutants
      .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
      .map((m) => ({ where: `${file}:${m.location.start.line}:${m.location.start.column}`, mutator: m.mutatorName, replacement: (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80) })),
  );
}

/**
 * One report of several groups' reports: the union of their files. Mutant ids are only unique
 * within a run, so each is prefixed with its group.
 */
export function mergeMutationReports(reports: { groupId: string; report: MutationReport }[]): MutationReport {
  const [first] = reports;
  if (!first) throw new Error('mergeMutationReports: no report to merge');
  const files: MutationReport['files'] = {};
  for (const { groupId, report } of reports) {
    for (const [name, file] of Object.entries(report.files)) {
      files[name] = { ...file, mutants: file.mutants.map((m) => ({ ...m, id: `${groupId}:${m.id}` })) };
    }
  }
  return { schemaVersion: first.report.schemaVersion, thresholds: first.report.thresholds, projectRoot: first.report['projectRoot'], files };
}

export function formatScore(score: number | null): string {
  return score === null ? 'n/a (no valid mutant)' : `${score.toFixed(2)}%`;
}
