import { defineConfig } from '@playwright/test';
import { runSettings } from './harness/fixtures/runSettings';
import { cellTag } from './harness/fixtures/cellTag';
import { notApplicableCells } from './harness/matrix/notApplicableCells';
import { reportersFor } from './harness/report/reporters';
import { CHROMIUM_ARGS, findChromium, MISSING_BROWSER_MESSAGE } from './harness/browser/findChromium';

/** Every report of a run goes here; `npm test` points its own runs elsewhere so reports/ stays the matrix's. */
const reportDir = process.env.PM_REPORT_DIR ?? 'reports';
const chromium = findChromium();
const settings = runSettings();

function notApplicableGrep(environment: (typeof settings.data.environments)[number]): RegExp | undefined {
  const tags = notApplicableCells(environment, settings.providers, settings.syncs, settings.snapshot).map((cell) => cellTag(cell.provider.id, cell.sync));
  // A tag ends at a space or the end: @1password/synced must not leave out a longer tag that starts with it.
  return tags.length ? new RegExp(`(?:${tags.map(escapeRegExp).join('|')})(?:\\s|$)`) : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
if (!chromium) console.error(MISSING_BROWSER_MESSAGE);

export default defineConfig<{ environmentId: string }>({
  globalSetup: './harness/rp/globalSetup.ts',
  // One worker: on 2 cores a second browser plus the runner made every cell ~3x slower (measured).
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  outputDir: 'test-results',
  reporter: reportersFor(reportDir, {
    console: process.env.PM_CONSOLE_REPORTER || (process.env.CI ? 'dot' : 'list'),
    blob: process.env.PM_BLOB_REPORT === '1',
  }),
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromium?.executablePath, args: CHROMIUM_ARGS },
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: false },
  },
  projects: [
    { name: 'unit', testDir: '.', testMatch: ['harness/**/*.test.ts', 'rp-fixture/**/*.test.ts'] },
    { name: 'e2e', testDir: 'harness/e2e', testMatch: '**/*.e2e.ts', timeout: 45 * 60_000 },
    // Projects are environments: `--project=windows-edge` runs one. The cells the support data
    // rules out there run no test (the report lists them, with the reason).
    ...settings.data.environments.map((environment) => ({
      name: environment.id,
      testDir: 'scenarios',
      testMatch: '**/*.spec.ts',
      grepInvert: notApplicableGrep(environment),
      use: { environmentId: environment.id },
    })),
  ],
});
