import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CellStatus } from './cellStatus';
import type { CellResult, ScenarioResult } from './compatReport';
import { Dimension } from './dimension';
import type { RunOptions } from '../plan/runOptions';

/** One scenario of one cell whose verdict in a dimension changed since the baseline (`from` null: new there). */
export const ScenarioChange = z.strictObject({
  cell: z.string(),
  scenario: z.string(),
  name: z.string(),
  /** The dimension whose verdict changed; null for a scenario that judges none (compared as a whole). */
  dimension: Dimension.nullable(),
  from: CellStatus.nullable(),
  to: CellStatus,
  /** Why it is not a pass now, from this run. */
  reason: z.string().nullable(),
});
export type ScenarioChange = z.infer<typeof ScenarioChange>;

/** What changed since the previous release's report: the section a team reads first. */
export const BaselineDiff = z.strictObject({
  /** The baseline file as given, and when that run's report was made. */
  file: z.string(),
  generatedAt: z.string(),
  /** Scenarios failing or broken now that were not before (new ones included): these fail the run. */
  regressed: z.array(ScenarioChange),
  /** Scenarios that failed or broke in the baseline and pass now. */
  recovered: z.array(ScenarioChange),
  /** Cells run now and not in the baseline, and the other way round. */
  appeared: z.array(z.string()),
  vanished: z.array(z.string()),
});
export type BaselineDiff = z.infer<typeof BaselineDiff>;

/** The parts of an earlier compat-matrix.json the comparison needs; any schema version that has them is accepted. */
const BaselineReport = z.object({
  generatedAt: z.string(),
  cells: z.array(
    z.object({
      id: z.string(),
      scenarios: z.array(
        z.object({
          scenario: z.string(),
          name: z.string(),
          status: CellStatus,
          // Reports before schema 6 have none: their scenario's status stands for each dimension.
          dimensions: z.array(z.object({ dimension: Dimension, status: CellStatus })).optional(),
        }),
      ),
    }),
  ),
});
export type BaselineReport = z.infer<typeof BaselineReport>;

export class BaselineError extends Error {
  override name = 'BaselineError';
}

/** Reads and checks a baseline report; a bad file is one line naming it, the field and the fix. */
export function readBaseline(file: string): BaselineReport {
  const fix = 'give the compat-matrix.json of an earlier run';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BaselineError(`Baseline ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); ${fix}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BaselineError(`Baseline ${file}: not JSON; ${fix}.`);
  }
  const parsed = BaselineReport.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BaselineError(`Baseline ${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}; ${fix}.`);
  }
  return parsed.data;
}

/**
 * The baseline a command was given (its `--baseline` flag, else BASELINE), resolved from where the
 * user typed the command (npm runs scripts from the repository) and checked before anything runs;
 * undefined without one. A bad file throws BaselineError.
 */
export function givenBaseline(flag: string | undefined, options: Pick<RunOptions, 'baseline' | 'invokedFrom'>): string | undefined {
  const given = flag ?? options.baseline;
  if (!given) return undefined;
  const file = path.resolve(options.invokedFrom, given);
  readBaseline(file);
  return file;
}

const BROKEN: ReadonlySet<CellStatus> = new Set(['fail', 'error']);

/** Compares this run's cells with the baseline's, scenario by scenario and dimension by dimension. */
export function diffWithBaseline(file: string, baseline: BaselineReport, cells: CellResult[]): BaselineDiff {
  const before = new Map<string, BaselineReport['cells'][number]['scenarios'][number]>();
  for (const cell of baseline.cells) for (const s of cell.scenarios) before.set(scenarioKey(cell.id, s.scenario, s.name), s);
  const regressed: ScenarioChange[] = [];
  const recovered: ScenarioChange[] = [];
  for (const cell of cells) {
    for (const s of cell.scenarios) {
      for (const change of changesOf(cell.id, s, before.get(scenarioKey(cell.id, s.scenario, s.name)))) {
        if (BROKEN.has(change.to) && !(change.from && BROKEN.has(change.from))) regressed.push(change);
        if (change.to === 'pass' && change.from && BROKEN.has(change.from)) recovered.push(change);
      }
    }
  }
  const now = new Set(cells.map((cell) => cell.id));
  const then = new Set(baseline.cells.map((cell) => cell.id));
  return {
    file,
    generatedAt: baseline.generatedAt,
    regressed,
    recovered,
    appeared: [...now].filter((id) => !then.has(id)),
    vanished: [...then].filter((id) => !now.has(id)),
  };
}

/** A scenario's verdict in each dimension it judges (or as a whole when it judges none), beside the baseline's. */
function changesOf(cell: string, now: ScenarioResult, then: BaselineReport['cells'][number]['scenarios'][number] | undefined): ScenarioChange[] {
  const base = { cell, scenario: now.scenario, name: now.name };
  if (!now.dimensions.length) return [{ ...base, dimension: null, from: then?.status ?? null, to: now.status, reason: now.reason }];
  return now.dimensions.map((verdict) => {
    // A baseline without dimensions: its scenario's status was each dimension's. With them: a dimension it lacked is new.
    const from = then === undefined ? null : !then.dimensions?.length ? then.status : (then.dimensions.find((d) => d.dimension === verdict.dimension)?.status ?? null);
    return { ...base, dimension: verdict.dimension, from, to: verdict.status, reason: verdict.reason };
  });
}

function scenarioKey(cell: string, scenario: string, name: string): string {
  return `${cell}\u0000${scenario}\u0000${name}`;
}
