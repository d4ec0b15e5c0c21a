/**
 * `npm run report:allure`: the Allure HTML report of the last `npm run matrix`, from
 * `<report dir>/allure-results` to `<report dir>/allure-report/index.html`. Allure 3 (npm `allure`:
 * Node only, no Java) does the work with allurerc.mjs; this wrapper exists because the CLI alone
 * neither says "run the matrix first" for missing results nor leaves out its analytics tag
 * (harness/report/allureHtml.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { remoteLoads, withoutAnalytics } from '../report/allureHtml';
import { childEnvironment, runOptions } from '../plan/runOptions';

const USAGE = `Usage: npm run report:allure -- [--report-dir <dir>]
  Reads <dir>/allure-results (written by npm run matrix) and writes <dir>/allure-report/index.html,
  one file that opens from disk with no network.
  --report-dir <dir> the matrix's report folder (default: reports); env PM_REPORT_DIR`;

/** Absolute, so the command works from any folder. */
const CONFIG = fileURLToPath(new URL('../../allurerc.mjs', import.meta.url));

function main(): number {
  let values: { 'report-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { 'report-dir': { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const given = runOptions();
  const reportDir = values['report-dir'] ?? given.reportDir;
  const resultsDir = path.join(reportDir, 'allure-results');
  if (!hasResults(resultsDir)) return fail(`no Allure results in ${resultsDir}: run npm run matrix first`);

  const outputDir = path.join(reportDir, 'allure-report');
  // A failed generation must not leave the previous run's report looking like this one's.
  rmSync(outputDir, { recursive: true, force: true });
  const run = spawnSync(process.execPath, [allureCli(), 'generate', resultsDir, '--output', outputDir, '--config', CONFIG], {
    stdio: 'inherit',
    env: childEnvironment({ ...given, reportDir }),
  });
  if (run.status !== 0) {
    console.error(`passkey-matrix: allure generate failed (${run.status ?? run.signal}); the Allure report was not written.`);
    return 1;
  }

  const index = path.join(outputDir, 'index.html');
  const html = withoutAnalytics(readFileSync(index, 'utf8'));
  writeFileSync(index, html);
  const remote = remoteLoads(html);
  if (remote.length > 0) {
    // A new Allure version may add what the pinned one did not: say so rather than ship a report that phones out.
    console.error(`passkey-matrix: ${index} would load ${remote.join(', ')} over the network; it is not an offline report.`);
    return 1;
  }
  console.log(`Allure report: ${index}`);
  return 0;
}

/** allure-playwright writes one `<uuid>-result.json` per test; a folder without any holds no run. */
function hasResults(dir: string): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  return readdirSync(dir).some((name) => name.endsWith('-result.json'));
}

/** The `allure` package exports its library only; its bin, cli.js, sits beside dist/. */
function allureCli(): string {
  const library = createRequire(import.meta.url).resolve('allure');
  return path.join(path.dirname(library), '..', 'cli.js');
}

function fail(message: string): number {
  console.error(`passkey-matrix: ${message}`);
  return 2;
}

process.exitCode = main();
