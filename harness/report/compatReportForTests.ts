import { countTotals, CompatReport, SCHEMA_VERSION, type CellResult } from './compatReport';

/** A whole report around the given cells for report tests: totals counted from them, the rest fixed (no run's date in what a page shows of it but the header). */
export function compatReportForTests(cells: CellResult[], overrides: Partial<CompatReport> = {}): CompatReport {
  return CompatReport.parse({
    schemaVersion: SCHEMA_VERSION,
    generatedAt: '2026-11-25T00:00:00.000Z',
    snapshot: { id: '2024-12', date: '2024-12-26', source: 'https://blog.agektmr.com/2024/12/passkeys-tips' },
    engine: 'chromium 156.0.8078.73',
    rp: { url: 'http://localhost:1234', kind: 'fixture', version: null, faults: [] },
    totals: countTotals(cells),
    environments: [],
    cells,
    snapshotChanges: null,
    baseline: null,
    stages: { rpStartMs: 300, browserStartMs: 250, deviceSetupMs: 200, cellSetupMs: 900, scenariosMs: 5000, cellTeardownMs: 40, betweenTestsMs: 80, reportWritingMs: 400, rpMs: 3000, overheadShare: 0.7 },
    ...overrides,
  });
}
