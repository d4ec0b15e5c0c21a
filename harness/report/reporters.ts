import { fileURLToPath } from 'node:url';
import type { ReporterDescription } from '@playwright/test';
import type { PlanSelection } from '../plan/matrixPlan';

/** Absolute: a config resolves a reporter's path from its own folder, and two configs use this one. */
const COMPAT_REPORTER = fileURLToPath(new URL('./compatReporter.ts', import.meta.url));
const ALLURE_REPORTER = fileURLToPath(new URL('./allureResults.ts', import.meta.url));

/**
 * Every report a run writes, from the same events: for a run, and for the merge of a sharded run's
 * blob reports (`npm run report:merge`), so both give the same files in the same places.
 */
export function reportersFor(
  reportDir: string,
  options: {
    console: string;
    blob: boolean;
    /** The run's plan; null for a merge, whose shards recorded theirs. */
    plan: PlanSelection | null;
    /** The previous release's compat-matrix.json, to compare with. */
    baseline: string | undefined;
  },
): ReporterDescription[] {
  return [
    [options.console],
    ['html', { outputFolder: `${reportDir}/playwright-report`, open: 'never' }],
    ['junit', { outputFile: `${reportDir}/junit.xml` }],
    [ALLURE_REPORTER, { resultsDir: `${reportDir}/allure-results` }],
    // A shard's events, for `playwright merge-reports` on the machine that gathers every shard.
    ...(options.blob ? [['blob', { outputDir: `${reportDir}/blob-report` }] as ReporterDescription] : []),
    // Last: its report times the others' writing, and ends when every other report is written.
    [COMPAT_REPORTER, { outputDir: reportDir, plan: options.plan, baseline: options.baseline }],
  ];
}
