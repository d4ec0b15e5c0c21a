import { z } from 'zod';
import { BrowserId, OsId, SupportStatus, SyncFlag } from '../matrix/schema';
import { EmulatedEnvironment } from './emulatedEnvironment';

/** Verdict of one cell, or of one scenario in it. `error` means the harness or the RP broke: no verdict. */
export const CellStatus = z.enum(['pass', 'fail', 'not-applicable', 'skipped', 'error']);
export type CellStatus = z.infer<typeof CellStatus>;

export const ScenarioResult = z.strictObject({
  /** The scenario's id, as `--scenario` takes it: its file name in scenarios/ without `.spec.ts`. */
  scenario: z.string(),
  /** The test's title: the story in one line. */
  name: z.string(),
  status: CellStatus,
  /** Why, for anything but a pass: the failed expectation, the error, or the not-applicable reason. */
  reason: z.string().nullable(),
  durationMs: z.number().nonnegative(),
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
  scenarios: z.array(ScenarioResult),
});
export type CellResult = z.infer<typeof CellResult>;

export const Totals = z.strictObject(Object.fromEntries(CellStatus.options.map((s) => [s, z.number().int()])) as Record<CellStatus, z.ZodNumber>);

/** The machine-readable compatibility report, `reports/compat-matrix.json`. */
export const CompatReport = z.strictObject({
  schemaVersion: z.literal(1),
  generatedAt: z.iso.datetime(),
  snapshot: z.strictObject({ id: z.string(), date: z.string(), source: z.string() }),
  /** What really ran every cell: always the Chromium engine, whatever browser a cell emulates. */
  engine: z.string(),
  rp: z.strictObject({ url: z.string(), kind: z.string(), faults: z.array(z.string()) }),
  totals: z.strictObject({ cells: z.number().int() }).extend(Totals.shape),
  /** Every environment that ran: its identity and what was emulated to match its real browser. */
  environments: z.array(EmulatedEnvironment),
  cells: z.array(CellResult),
});
export type CompatReport = z.infer<typeof CompatReport>;

/** A cell's verdict from its scenarios: any error wins, then any fail, then pass. */
export function cellStatus(scenarios: ScenarioResult[]): CellStatus {
  const statuses = new Set(scenarios.map((s) => s.status));
  for (const status of ['error', 'fail', 'pass', 'not-applicable', 'skipped'] as const) {
    if (statuses.has(status)) return status;
  }
  return 'skipped';
}

export function countTotals(cells: CellResult[]): CompatReport['totals'] {
  const totals = { cells: cells.length, pass: 0, fail: 0, 'not-applicable': 0, skipped: 0, error: 0 };
  for (const cell of cells) totals[cell.status]++;
  return totals;
}
