// @ts-check
// Allure 3 config (npm `allure`: Node only, no Java), read by `npm run report:allure`
// (harness/cli/allureReport.ts), which also passes the folders and removes the analytics tag.
import { defineConfig } from 'allure';

// The same report folder as playwright.config.ts and `npm run matrix`.
const reportDir = process.env.PM_REPORT_DIR ?? 'reports';

export default defineConfig({
  name: 'passkey-matrix',
  resultsDir: `${reportDir}/allure-results`,
  output: `${reportDir}/allure-report`,
  plugins: {
    awesome: {
      options: {
        reportName: 'passkey-matrix',
        // One index.html with its data inside: a multi-file report fetches its data, which browsers refuse from file://.
        singleFile: true,
        // The tree: OS (epic) > browser (feature) > provider (story); sync state is a parameter of each test.
        groupBy: ['epic', 'feature', 'story'],
      },
    },
    // Allure adds its agent plugin unless told otherwise; it writes nothing a person reads here.
    agent: { enabled: false },
  },
});
