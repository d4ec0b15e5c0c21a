// The reports of a sharded run, merged from its shards' blob reports by `npm run report:merge`.
import { defineConfig } from '@playwright/test';
import { reportersFor } from './reporters';
import { runOptions } from '../plan/runOptions';

const options = runOptions();

export default defineConfig({
  testDir: '../..',
  reporter: reportersFor(options.reportDir, { console: options.ci ? 'dot' : 'line', blob: false, plan: null, baseline: options.baseline }),
});
