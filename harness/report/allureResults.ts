import type { FullConfig, FullProject } from '@playwright/test';
import { AllureReporter } from 'allure-playwright';

/**
 * allure-playwright, also when merging shards' blob reports: a merge's config has no projects, and
 * allure reads only the first project's folders (to find screenshot diffs), so it gets a stand-in.
 */
export default class AllureResults extends AllureReporter {
  override onConfigure(config: FullConfig): void {
    if (config.projects.length > 0) return super.onConfigure(config);
    const standIn = { outputDir: 'test-results', snapshotDir: 'test-results' } as FullProject; // only these two are read
    super.onConfigure({ ...config, projects: [standIn] });
  }
}
