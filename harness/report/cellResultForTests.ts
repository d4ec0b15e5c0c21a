import { cellDimensions, type CellResult, type ScenarioResult } from './compatReport';

/** A passing cell result (Windows Hello, device-bound, in Edge on Windows) for report tests, with the fields a test cares about overridden. */
export function cellResultForTests(overrides: Partial<CellResult> = {}): CellResult {
  const scenarios: ScenarioResult[] = overrides.scenarios ?? [
    { scenario: 'register-and-sign-in', name: 'register', status: 'pass', reason: null, dimensions: [{ dimension: 'works', status: 'pass', reason: null }], failedChecks: [], durationMs: 12, timing: null, checkedIn: null, evidence: null },
  ];
  return {
    id: 'windows-edge/windows-hello/device-bound',
    environment: 'windows-edge',
    os: 'windows',
    browser: 'edge',
    environmentLabel: 'Edge on Windows',
    provider: 'windows-hello',
    providerName: 'Windows Hello',
    sync: 'device-bound',
    support: 'usable',
    status: 'pass',
    reason: null,
    dimensions: cellDimensions(scenarios),
    ...overrides,
    scenarios,
  };
}
