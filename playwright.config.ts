import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { runSettings } from './harness/fixtures/runSettings';
import { cellTag } from './harness/fixtures/cellTag';
import { notApplicableCells } from './harness/matrix/notApplicableCells';
import { cellsCheckedElsewhere, ONCE_PER, type CheckedOnce } from './harness/matrix/checkedOnce';
import type { Cell } from './harness/matrix/cell';
import { reportersFor } from './harness/report/reporters';
import { CHROMIUM_ARGS, findChromium, MISSING_BROWSER_MESSAGE } from './harness/browser/findChromium';

/** Every report of a run goes here; `npm test` points its own runs elsewhere so reports/ stays the matrix's. */
const reportDir = process.env.PM_REPORT_DIR ?? 'reports';
const chromium = findChromium();
const settings = runSettings();

/** A tag ends at a space or the end: @1password/synced must not match a longer tag that starts with it. */
function anyTag(tags: string[]): string {
  return `(?:${tags.map(escapeRegExp).join('|')})(?:\\s|$)`;
}

/**
 * The tests an environment's project leaves out: those of its cells the support data rules out, and
 * in every other cell, the checks that run once per environment (or sync state) in another cell.
 */
function leftOutGrep(environment: (typeof settings.data.environments)[number]): RegExp[] | undefined {
  const { providers, syncs, snapshot } = settings;
  const tagsOf = (cells: Cell[]) => cells.map((cell) => cellTag(cell.provider.id, cell.sync));
  const grep: RegExp[] = [];
  const ruledOut = tagsOf(notApplicableCells(environment, providers, syncs, snapshot));
  if (ruledOut.length) grep.push(new RegExp(anyTag(ruledOut)));
  // The plain layout is the hand-written suite the benchmark compares with: every test in every cell.
  const scopes = settings.layout === 'plain' ? [] : (Object.keys(ONCE_PER) as CheckedOnce[]);
  for (const scope of scopes) {
    const elsewhere = tagsOf(cellsCheckedElsewhere(environment, scope, providers, syncs, snapshot));
    if (elsewhere.length) grep.push(new RegExp(`^(?=.*${anyTag(elsewhere)})(?=.*${anyTag([ONCE_PER[scope]])})`));
  }
  return grep.length ? grep : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
if (!chromium) console.error(MISSING_BROWSER_MESSAGE);

export default defineConfig<{ environmentId: string }>({
  globalSetup: './harness/rp/globalSetup.ts',
  // Two workers: with the headless shell a cell mostly waits (page loads, animation frames), so a
  // second browser fills the wait; measured in docs/speed.md. Each worker past the first has its own fixture RP.
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // Beside a run's own reports when they go elsewhere: a unit run next to a matrix run must not delete its traces.
  outputDir: process.env.PM_REPORT_DIR ? path.join(reportDir, 'test-results') : 'test-results',
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
    // A failure keeps its trace (actions, timings, network, console) and a screenshot per device; DOM
    // snapshots cost about 19% of a run (231 tests: 197 s against 168 s without them, docs/speed.md).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false, sources: false },
  },
  projects: [
    // Not the copies in a running `npm run mutation`'s sandboxes, whose fixture RP is mutated.
    { name: 'unit', testDir: '.', testMatch: ['harness/**/*.test.ts', 'rp-fixture/**/*.test.ts'], testIgnore: ['**/.stryker-tmp/**'] },
    // One at a time: each end-to-end test runs the matrix, which has workers of its own.
    { name: 'e2e', testDir: 'harness/e2e', testMatch: '**/*.e2e.ts', timeout: 45 * 60_000, workers: 1 },
    // Projects are environments: `--project=windows-edge` runs one. The cells the support data
    // rules out there run no test (the report lists them, with the reason).
    ...settings.data.environments.map((environment) => ({
      name: environment.id,
      testDir: 'scenarios',
      testMatch: '**/*.spec.ts',
      grepInvert: leftOutGrep(environment),
      use: { environmentId: environment.id },
    })),
  ],
});
