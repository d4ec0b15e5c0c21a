import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { remoteLoads } from '../report/allureHtml';
import { environmentWithout, RUN_VARS } from '../plan/runOptions';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `npm run report:allure -- <args>` as a user runs it, without the outer test run's PM_REPORT_DIR unless given. */
function reportAllure(args: string[], env: NodeJS.ProcessEnv = {}) {
  const rest = environmentWithout([RUN_VARS.reportDir]);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'harness/cli/allureReport.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...rest, FORCE_COLOR: '0', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { exitCode: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A 1x1 PNG: an attachment as allure-playwright writes a failure's screenshot. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Writes one test result in allure-playwright's format (the labels are those of harness/report/allureLabels.ts). */
function writeResult(dir: string, cell: { epic: string; feature: string; story: string; sync: string }, status: 'passed' | 'failed') {
  const uuid = randomUUID();
  const start = Date.now() - 1_000;
  const attachments: { name: string; type: string; source: string }[] = [];
  if (status === 'failed') {
    const source = `${randomUUID()}-attachment.png`;
    writeFileSync(path.join(dir, source), PNG);
    attachments.push({ name: 'screenshot', type: 'image/png', source });
  }
  const step = { name: 'register a passkey', status, stage: 'finished', start, stop: start + 500, steps: [], attachments: [], parameters: [] };
  writeFileSync(
    path.join(dir, `${uuid}-result.json`),
    JSON.stringify({
      uuid,
      historyId: randomUUID(),
      testCaseId: randomUUID(),
      fullName: `register-and-sign-in.spec.ts#${cell.feature} ${cell.story} ${cell.sync}`,
      name: 'register a passkey, sign out, sign in with it',
      status,
      stage: 'finished',
      start,
      stop: start + 900,
      labels: [
        { name: 'epic', value: cell.epic },
        { name: 'feature', value: cell.feature },
        { name: 'story', value: cell.story },
      ],
      parameters: [{ name: 'sync', value: cell.sync }],
      steps: [step],
      attachments,
      links: [],
      statusDetails: status === 'failed' ? { message: 'Error: "will not sync" warning required' } : {},
    }),
  );
}

test('no results: one line that says to run the matrix first, and exit code 2', () => {
  const missing = mkdtempSync(path.join(tmpdir(), 'pm-allure-'));
  const viaFlag = reportAllure(['--report-dir', missing]);
  expect(viaFlag.exitCode).toBe(2);
  expect(viaFlag.stderr.trim()).toBe(`passkey-matrix: no Allure results in ${path.join(missing, 'allure-results')}: run npm run matrix first`);

  const empty = mkdtempSync(path.join(tmpdir(), 'pm-allure-'));
  mkdirSync(path.join(empty, 'allure-results'));
  const viaEnv = reportAllure([], { PM_REPORT_DIR: empty });
  expect(viaEnv.exitCode).toBe(2);
  expect(viaEnv.stderr.trim().split('\n')).toHaveLength(1);
  expect(viaEnv.stderr).toContain('run npm run matrix first');
  expect(existsSync(path.join(empty, 'allure-report'))).toBe(false);
});

test('the report is one index.html that opens from disk with no network and shows OS > browser > provider', async ({ page }) => {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'pm-allure-'));
  const results = path.join(reportDir, 'allure-results');
  mkdirSync(results);
  writeResult(results, { epic: 'Windows', feature: 'Edge on Windows', story: 'Windows Hello', sync: 'device-bound' }, 'failed');
  writeResult(results, { epic: 'Android', feature: 'Chrome on Android', story: 'Google Password Manager', sync: 'synced' }, 'passed');

  const run = reportAllure([], { PM_REPORT_DIR: reportDir });
  expect(run.exitCode, run.stderr).toBe(0);
  const index = path.join(reportDir, 'allure-report', 'index.html');
  expect(run.stdout).toContain(`Allure report: ${index}`);
  const html = readFileSync(index, 'utf8');
  expect(remoteLoads(html)).toEqual([]);
  expect(html).not.toContain('googletagmanager');

  const network: string[] = [];
  page.on('request', (request) => {
    if (!/^(file|data|blob):/.test(request.url())) network.push(request.url());
  });
  await page.goto(pathToFileURL(index).href);
  // The tree opens its first branches by itself; a closed one is opened as a reader would.
  const branch = ['Windows', 'Edge on Windows', 'Windows Hello'];
  for (const [depth, node] of branch.entries()) {
    const item = page.getByText(node, { exact: true }).first();
    await expect(item).toBeVisible({ timeout: 15_000 });
    const child = branch[depth + 1];
    if (child && !(await page.getByText(child, { exact: true }).first().isVisible())) await item.click();
  }
  await expect(page.getByText('Android', { exact: true }).first()).toBeVisible();
  expect(network).toEqual([]);
});
