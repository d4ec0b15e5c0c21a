// The reports of a sharded run, merged from its shards' blob reports by `npm run report:merge`.
import { defineConfig } from '@playwright/test';
import { reportersFor } from './reporters';

export default defineConfig({
  testDir: '../..',
  reporter: reportersFor(process.env.PM_REPORT_DIR ?? 'reports', { console: process.env.CI ? 'dot' : 'line', blob: false }),
});
