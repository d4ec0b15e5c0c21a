import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BrowserId, OsId, SupportStatus, SyncFlag } from '../matrix/schema';
import { EmulatedEnvironment } from './emulatedEnvironment';
import { BaselineDiff } from './baselineDiff';
import { CellStatus } from './cellStatus';
import { RunStages, ScenarioTiming } from './runTimings';
import { FailedCheck } from './failedChecks';
import { DIMENSIONS, DimensionVerdict, type Dimension } from './dimension';

export { CellStatus };

/** Bumped on any change a reader of the JSON would notice; the JSON Schema file carries it too. */
export const SCHEMA_VERSION = 6;

export const ScenarioResult = z.strictObject({
  /** The scenario's id, as `--scenario` takes it: its file name in scenarios/ without `.spec.ts`. */
  scenario: z.string(),
  /** The test's title: the story in one line. */
  name: z.string(),
  status: CellStatus,
  /** Why, for anything but a pass: the failed expectation (or how many failed, and the first), the error, or the not-applicable reason. */
  reason: z.string().nullable(),
  /**
   * The scenario's verdict in each dimension it judges (its dimension tags), in the report's order of
   * dimensions: a scenario can work and still not tell the truth.
   */
  dimensions: z.array(DimensionVerdict),
  /** For a fail or an error: every failed check and error, in the order the scenario met them; empty otherwise. */
  failedChecks: z.array(FailedCheck),
  durationMs: z.number().nonnegative(),
  /** Where the test's time went: setup, the scenario, teardown, and how much of it was the RP's own work. */
  timing: ScenarioTiming.nullable(),
  /**
   * For a check the provider does not change, run once per environment (or sync state): the cell that
   * ran it, whose verdict (and evidence) this is. null when this cell ran it.
   */
  checkedIn: z.string().nullable(),
  /** For a fail or an error: what to look at, as paths relative to the report folder. */
  evidence: z
    .strictObject({
      /** The pages as the user last saw them (one per device the scenario used). */
      screenshots: z.array(z.strictObject({ label: z.string(), path: z.string() })),
      /** The Playwright trace, for `npx playwright show-trace <path>`. */
      trace: z.string().nullable(),
      /** This test in the Playwright HTML report, whose trace viewer opens it. */
      playwrightReport: z.string(),
      /** For each failed check: what the oracle expected and what the RP told the user, as the adapter read it. */
      checks: z.array(z.strictObject({ what: z.string(), expected: z.unknown(), observed: z.unknown() })),
    })
    .nullable(),
});
export type ScenarioResult = z.infer<typeof ScenarioResult>;

export const CellResult = z.strictObject({
  id: z.string(),
  environment: z.string(),
  os: OsId,
  browser: BrowserId,
  environmentLabel: z.string(),
  provider: z.string(),
  providerName: z.string(),
  sync: SyncFlag,
  /** What the support snapshot says of the provider in this environment. */
  support: SupportStatus,
  status: CellStatus,
  reason: z.string().nullable(),
  /**
   * The cell's verdict in each of the four dimensions, from the scenarios that judge it: any error,
   * then any fail, then a pass; not applicable, with why, when no scenario could judge it here.
   */
  dimensions: z.array(DimensionVerdict),
  scenarios: z.array(ScenarioResult),
});
export type CellResult = z.infer<typeof CellResult>;

export const Totals = z.strictObject(Object.fromEntries(CellStatus.options.map((s) => [s, z.number().int()])) as Record<CellStatus, z.ZodNumber>);

/** The machine-readable compatibility report, `reports/compat-matrix.json`. */
export const CompatReport = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  generatedAt: z.iso.datetime(),
  snapshot: z.strictObject({ id: z.string(), date: z.string(), source: z.string() }),
  /** What really ran every cell: always the Chromium engine, whatever browser a cell emulates. */
  engine: z.string(),
  /** The RP tested: its URL, the fixture or a team's (`external`), its release as given (`--rp-version`), fault switches on. */
  rp: z.strictObject({ url: z.string(), kind: z.string(), version: z.string().nullable(), faults: z.array(z.string()) }),
  /** How many cells have each status; `dimensions`: the same, dimension by dimension. */
  totals: z
    .strictObject({ cells: z.number().int() })
    .extend(Totals.shape)
    .extend({ dimensions: z.strictObject(Object.fromEntries(DIMENSIONS.map((d) => [d, Totals])) as Record<Dimension, typeof Totals>) }),
  /** Every environment that ran: its identity and what was emulated to match its real browser. */
  environments: z.array(EmulatedEnvironment),
  cells: z.array(CellResult),
  /**
   * The cells whose expectations the run's support snapshot changed from the snapshot before it
   * (`npm run snapshot:diff`), so a team sees which verdicts rest on newer facts; null for the oldest.
   */
  snapshotChanges: z
    .strictObject({
      since: z.string(),
      changes: z.array(
        z.strictObject({
          cellKey: z.string(),
          field: z.enum(['support', 'syncs', 'default', 'syncStates']),
          from: z.union([z.string(), z.boolean(), z.array(z.string())]),
          to: z.union([z.string(), z.boolean(), z.array(z.string())]),
        }),
      ),
    })
    .nullable(),
  /** What changed since the baseline report given with `--baseline`; null without one. */
  baseline: BaselineDiff.nullable(),
  /** How long each stage of the run took, so a slow one is visible. */
  stages: RunStages,
});
export type CompatReport = z.infer<typeof CompatReport>;

/** A cell's verdict from its scenarios: any error wins, then any fail, then pass. */
export function cellStatus(scenarios: ScenarioResult[]): CellStatus {
  const statuses = new Set(scenarios.map((s) => s.status));
  return PRECEDENCE.find((status) => statuses.has(status)) ?? 'skipped';
}

/** The statuses in the order a cell takes the first it has. */
const PRECEDENCE: readonly CellStatus[] = ['error', 'fail', 'pass', 'not-applicable', 'skipped'];

/**
 * A cell's verdict in each dimension, from its scenarios' verdicts there: the first status by
 * precedence, with the first scenario's reason for it (named).
 */
export function cellDimensions(scenarios: ScenarioResult[]): DimensionVerdict[] {
  return DIMENSIONS.map((dimension) => {
    const judged = scenarios.flatMap((s) => s.dimensions.filter((v) => v.dimension === dimension).map((v) => ({ scenario: s, verdict: v })));
    const status = PRECEDENCE.find((p) => judged.some((j) => j.verdict.status === p));
    if (!status) return { dimension, status: 'not-applicable', reason: 'No scenario of this run judges it.' };
    const first = judged.find((j) => j.verdict.status === status)!;
    return { dimension, status, reason: status === 'pass' ? null : `${first.scenario.name}: ${first.verdict.reason ?? status}` };
  });
}

function statusCounts(): Record<CellStatus, number> {
  return { pass: 0, fail: 0, 'not-applicable': 0, skipped: 0, error: 0 };
}

export function countTotals(cells: CellResult[]): CompatReport['totals'] {
  const totals = { cells: cells.length, ...statusCounts(), dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d, statusCounts()])) as Record<Dimension, Record<CellStatus, number>> };
  for (const cell of cells) {
    totals[cell.status]++;
    for (const verdict of cell.dimensions) totals.dimensions[verdict.dimension][verdict.status]++;
  }
  return totals;
}

/** Where the repository keeps the published JSON Schema (a unit test checks it matches the zod schema). */
export const COMPAT_SCHEMA_FILE = fileURLToPath(new URL('./compat-matrix.schema.json', import.meta.url));

/** The report's JSON Schema (draft 2020-12), written beside every report and kept in the repository. */
export function compatReportJsonSchema(): Record<string, unknown> {
  return {
    title: `passkey-matrix compatibility report, schema version ${SCHEMA_VERSION}`,
    ...z.toJSONSchema(CompatReport),
  };
}
