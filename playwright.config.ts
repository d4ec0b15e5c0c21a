import { defineConfig } from '@playwright/test';
import { loadEnvironments } from './harness/matrix/load';
import { CHROMIUM_ARGS, findChromium, MISSING_BROWSER_MESSAGE } from './harness/browser/findChromium';

/** Every report of a run goes here; `npm test` points its own runs elsewhere so reports/ stays the matrix's. */
const reportDir = process.env.PM_REPORT_DIR ?? 'reports';
const chromium = findChromium();
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
  reporter: [
    [process.env.PM_CONSOLE_REPORTER || (process.env.CI ? 'dot' : 'list')],
    ['./harness/report/compatReporter.ts', { outputDir: reportDir }],
    ['html', { outputFolder: `${reportDir}/playwright-report`, open: 'never' }],
    ['junit', { outputFile: `${reportDir}/junit.xml` }],
    ['allure-playwright', { resultsDir: `${reportDir}/allure-results` }],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromium?.executablePath, args: CHROMIUM_ARGS },
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: false },
    // A failed cell's last page, as the user saw it: attached to the HTML and Allure reports.
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'unit', testDir: '.', testMatch: ['harness/**/*.test.ts', 'rp-fixture/**/*.test.ts'] },
    { name: 'e2e', testDir: 'harness/e2e', testMatch: '**/*.e2e.ts', timeout: 45 * 60_000 },
    // Projects are environments: `--project=windows-edge` runs one.
    ...loadEnvironments().map((environment) => ({
      name: environment.id,
      testDir: 'scenarios',
      testMatch: '**/*.spec.ts',
      use: { environmentId: environment.id },
    })),
  ],
});
