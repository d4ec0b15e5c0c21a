import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { matrixData } from './harness/matrix/load';
import { MatrixPlan, planSelection } from './harness/plan/matrixPlan';
import { environmentProjects, type PlanOptions } from './harness/plan/environmentProjects';
import { runOptions, RUN_VARS } from './harness/plan/runOptions';
import { reportersFor } from './harness/report/reporters';
import { CHROMIUM_ARGS, findChromium, MISSING_BROWSER_MESSAGE } from './harness/browser/findChromium';

const options = runOptions();
/** Every report of a run goes here; `npm test` points its own runs elsewhere so reports/ stays the matrix's. */
const reportDir = options.reportDir;
const chromium = findChromium(options.chromiumPath);
// The process's one load: this worker's spec files and fixtures read the same data.
const data = matrixData();
/** The run's plan, made once here: the projects' workers and the compat reporter get it from this config. */
const plan = new MatrixPlan(data, planSelection(data, options, `${RUN_VARS.environments} / ${RUN_VARS.providers} / ${RUN_VARS.syncs} / ${RUN_VARS.scenarios} / ${RUN_VARS.snapshot} / ${RUN_VARS.layout}:`));
if (!chromium) console.error(MISSING_BROWSER_MESSAGE);

export default defineConfig<PlanOptions>({
  globalSetup: './harness/rp/globalSetup.ts',
  // Two workers: with the headless shell a cell mostly waits (page loads, animation frames), so a
  // second browser fills the wait; measured in docs/speed.md. Each worker past the first has its own fixture RP.
  workers: 2,
  fullyParallel: false,
  forbidOnly: options.ci,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // Beside a run's own reports when they go elsewhere: a unit run next to a matrix run must not delete its traces.
  outputDir: options.reportDirGiven ? path.join(reportDir, 'test-results') : 'test-results',
  reporter: reportersFor(reportDir, {
    console: options.consoleReporter ?? (options.ci ? 'dot' : 'list'),
    blob: options.blobReport,
    plan: plan.selection,
    baseline: options.baseline,
  }),
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromium?.executablePath, args: CHROMIUM_ARGS },
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    // A failure keeps its trace (actions, timings, network, console) and a screenshot per device; DOM
    // snapshots would cost a fifth of a run's time (measured in docs/speed.md).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false, sources: false },
  },
  projects: [
    // Not the copies in a running `npm run mutation`'s sandboxes, whose fixture RP is mutated.
    { name: 'unit', testDir: '.', testMatch: ['harness/**/*.test.ts', 'rp-fixture/**/*.test.ts'], testIgnore: ['**/.stryker-tmp/**'] },
    // One at a time: each end-to-end test runs the matrix, which has workers of its own.
    { name: 'e2e', testDir: 'harness/e2e', testMatch: '**/*.e2e.ts', timeout: 45 * 60_000, workers: 1 },
    // Projects are environments: `--project=windows-edge` runs one. The cells the plan does not run
    // there (outside the selection, ruled out by the support data, checked in another cell) run no test.
    ...environmentProjects(plan),
  ],
});
