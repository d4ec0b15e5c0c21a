import { test, expect } from '@playwright/test';
import { renderCompatHtml } from './renderCompatHtml';
import { readFileSync } from 'node:fs';
import { cellStatus, COMPAT_SCHEMA_FILE, compatReportJsonSchema, countTotals, type CompatReport, type CellResult } from './compatReport';
import { classifyFailure } from './classifyFailure';
import { cellResultForTests } from './cellResultForTests';
import { compatReportForTests } from './compatReportForTests';
import { failedChecks } from './failedChecks';
import { failedResultForTests } from './failedResultForTests';

const hostile = '<img src=x onerror="alert(1)">';

const cell = cellResultForTests;

/** The shared test report, with hostile text where the header and the emulation table show it. */
function report(cells: CellResult[], baseline: CompatReport['baseline'] = null): CompatReport {
  return compatReportForTests(cells, {
    rp: { url: 'http://localhost:1234', kind: 'fixture', version: `2.4.1 ${hostile}`, faults: [] },
    environments: [
      { id: 'windows-edge', label: 'Edge on Windows', userAgent: `Mozilla/5.0 ${hostile}`, clientHints: true, capabilities: ['Signal API hidden'] },
    ],
    snapshotChanges: { since: '2024-12', changes: [{ cellKey: 'ios-chrome/google-password-manager', field: 'support', from: 'coming-soon', to: 'usable' }] },
    baseline,
  });
}

test('everything shown is escaped: a hostile scenario name, reason or RP message stays text', () => {
  const html = renderCompatHtml(
    report([
      cell({
        status: 'fail',
        reason: hostile,
        provider: `x" onmouseover="alert(1)`,
        providerName: hostile,
        scenarios: [{ scenario: 'register-and-sign-in', name: hostile, status: 'fail', reason: `the RP said: ${hostile}`, dimensions: [], failedChecks: [{ step: hostile, message: hostile, expected: hostile, received: hostile, explained: hostile, dimension: 'tells-the-truth' }], durationMs: 1, timing: null, checkedIn: hostile, evidence: { screenshots: [{ label: hostile, path: `evidence/${hostile}.png` }], trace: `evidence/${hostile}.zip`, playwrightReport: `playwright-report/index.html#?testId=${hostile}`, checks: [{ what: hostile, expected: { name: hostile }, observed: hostile }] } }],
      }),
    ], { file: hostile, generatedAt: hostile, regressed: [{ cell: hostile, scenario: hostile, name: hostile, dimension: 'works', from: 'pass', to: 'fail', reason: hostile }], recovered: [], appeared: [hostile], vanished: [] }),
  );
  expect(html).not.toContain('onmouseover="alert');
  expect(html).not.toContain('<img src=x');
  expect(html).not.toContain('onerror="alert');
  expect(html).toContain('Mozilla/5.0 &lt;img');
  expect(html).toContain('release 2.4.1 &lt;img');
  expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
});

test('the page has a table per OS with browsers as columns and a mark per sync flag', () => {
  const html = renderCompatHtml(
    report([
      cell({}),
      cell({ id: 'windows-chrome/windows-hello/device-bound', environment: 'windows-chrome', browser: 'chrome', environmentLabel: 'Chrome on Windows' }),
      cell({ id: 'windows-edge/windows-hello/synced', sync: 'synced', status: 'not-applicable', reason: 'Windows Hello passkeys never sync.' }),
    ]),
  );
  expect(html).toContain('<h2>Windows</h2>');
  expect(html).toMatch(/<th scope="col" data-browser="edge">Edge<\/th><th scope="col" data-browser="chrome">Chrome<\/th>/);
  expect(html).toContain('Windows Hello passkeys never sync.');
  expect(html).toContain('chromium 156.0.8078.73');
  // Self-contained: one inline script (the filters), nothing loaded from anywhere.
  expect(html.match(/<script/g)).toHaveLength(1);
  expect(html).not.toMatch(/<script[^>]*src=|<link[^>]*href=|https?:\/\/(?!localhost|blog\.agektmr)/);
  expect(html).not.toContain('class="evidence"');
  expect(html).not.toContain('Changed since the baseline');
  expect(html).toContain('<tr><td><code>ios-chrome/google-password-manager</code></td><td>support</td><td>&quot;coming-soon&quot;</td><td>&quot;usable&quot;</td></tr>');
});

test('with a baseline, what changed comes first: regressions with their reason, recoveries, cells that appeared or vanished', () => {
  const html = renderCompatHtml(
    report([cell({ status: 'fail' })], {
      file: '/tmp/last-release.json',
      generatedAt: '2026-11-01T00:00:00.000Z',
      regressed: [{ cell: 'windows-edge/windows-hello/device-bound', scenario: 'register-and-sign-in', name: 'register', dimension: 'tells-the-truth', from: 'pass', to: 'fail', reason: 'the RP named the wrong provider' }],
      recovered: [],
      appeared: [],
      vanished: ['linux-chrome/bitwarden/synced'],
    }),
  );
  const changes = html.indexOf('Changed since the baseline');
  expect(changes).toBeGreaterThan(0);
  expect(changes).toBeLessThan(html.indexOf('<h2>Windows</h2>'));
  expect(html).toContain('1 regressed, 0 recovered, 0 cells appeared, 1 vanished');
  expect(html).toContain('the RP named the wrong provider');
  expect(html, 'a regression is named with its dimension').toMatch(/<td>register<\/td><td>Tells the truth<\/td><td>pass → /);
  expect(html).toContain('<code>linux-chrome/bitwarden/synced</code>');
});

test('a failure links what the user saw, its trace and its page in the Playwright report, all beside the report', () => {
  const html = renderCompatHtml(
    report([
      cell({
        status: 'fail',
        scenarios: [
          {
            scenario: 'register-and-sign-in',
            name: 'register',
            status: 'fail',
            reason: 'the RP named the wrong provider',
            dimensions: [],
            failedChecks: [],
            durationMs: 5,
            timing: null,
            checkedIn: null,
            evidence: {
              screenshots: [{ label: 'what the user saw', path: 'evidence/a/screen-1.png' }],
              trace: 'evidence/a/trace.zip',
              playwrightReport: 'playwright-report/index.html#?testId=abc',
              checks: [{ what: 'the sign-in help', expected: { otherWays: ['password'] }, observed: { otherWays: [] } }],
            },
          },
        ],
      }),
    ]),
  );
  expect(html).toContain('<img class="shot" src="evidence/a/screen-1.png" alt="what the user saw"');
  expect(html).toContain('<a href="evidence/a/trace.zip">trace</a>');
  expect(html).toContain('<a href="playwright-report/index.html#?testId=abc">this test in the Playwright report</a>');
  expect(html).toContain('Expected vs observed: the sign-in help');
  expect(html).toMatch(/Expected \(oracle\)<\/b><pre>\{\n  &quot;otherWays&quot;: \[\n    &quot;password&quot;/);
});

test('a failure lists every failed check with its step, expected and received, as the JSON does', () => {
  const checks = failedChecks(failedResultForTests);
  const judged = classifyFailure(failedResultForTests.errors, checks);
  const scenario = { scenario: 'management-page-names-the-provider', name: 'names', ...judged, dimensions: [], failedChecks: checks, durationMs: 5, timing: null, checkedIn: null, evidence: null };
  const parsed = report([cell({ status: 'fail', reason: judged.reason, scenarios: [scenario] })]);
  expect(parsed.cells[0]!.scenarios[0]!.failedChecks, 'the schema keeps every check as built').toEqual(checks);
  const html = renderCompatHtml(parsed);
  const start = html.indexOf('<ol class="failed-checks">');
  const listed = html.slice(start, html.indexOf('</ol>', start));
  expect(listed.match(/<li>/g)).toHaveLength(4);
  const order = ["the provider&#39;s own icon is shown", 'sync state shown', 'the provider forgets it', 'Test timeout of 30000ms exceeded.'].map((m) => listed.indexOf(m));
  expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!)), `each check once, in order: ${order.join(', ')}`).toBe(true);
  expect(listed).toContain('<div class="step">deleting a passkey › the provider forgets it</div>');
  expect(listed).toContain('<div><b>Expected</b><pre>&quot;device-bound&quot;</pre></div><div><b>Received</b><pre>&quot;synced&quot;</pre></div>');
  expect(listed).toContain('“Expected vs observed: the passkey as shown”');
});

test('the filters know every OS, browser, provider and status of the run, and each row says which it is', () => {
  const html = renderCompatHtml(report([cell({}), cell({ id: 'android-chrome/bitwarden/synced', environment: 'android-chrome', os: 'android', browser: 'chrome', provider: 'bitwarden', providerName: 'Bitwarden', sync: 'synced' })]));
  expect(html).toContain('<option value="android">Android</option>');
  expect(html).toContain('<option value="bitwarden">Bitwarden</option>');
  expect(html).toContain('<option value="error">ERROR</option>');
  expect(html).toContain('id="android-chrome/bitwarden/synced" data-os="android" data-browser="chrome" data-provider="bitwarden" data-status="pass"');
});

test('in a browser, the filters show only what matches, and "all" shows everything again', async ({ page }) => {
  const android = { environment: 'android-chrome', os: 'android', browser: 'chrome', environmentLabel: 'Chrome on Android' } as const;
  await page.setContent(
    renderCompatHtml(
      report([
        cell({}),
        cell({ id: 'windows-edge/1password/synced', provider: '1password', providerName: '1Password', sync: 'synced', status: 'fail', reason: 'wrong name' }),
        cell({ id: 'android-chrome/1password/synced', ...android, provider: '1password', providerName: '1Password', sync: 'synced' }),
      ]),
    ),
  );
  const rows = page.locator('.cell-list tbody tr');
  const marks = page.locator('section[data-os] a[data-status]');
  await expect(rows).toHaveCount(3);
  await page.selectOption('[data-filter="status"]', 'fail');
  await expect(rows.filter({ visible: true })).toHaveCount(1);
  await expect(marks.filter({ visible: true })).toHaveCount(1);
  await expect(marks.filter({ visible: true })).toHaveAttribute('href', '#windows-edge/1password/synced');
  await page.selectOption('[data-filter="status"]', '');
  await page.selectOption('[data-filter="os"]', 'android');
  await expect(rows.filter({ visible: true })).toHaveCount(1);
  await expect(page.locator('section[data-os="windows"]')).toBeHidden();
  await page.selectOption('[data-filter="os"]', '');
  await page.selectOption('[data-filter="provider"]', 'windows-hello');
  await expect(rows.filter({ visible: true })).toHaveCount(1);
  await page.selectOption('[data-filter="provider"]', '');
  await expect(rows.filter({ visible: true })).toHaveCount(3);
});

test('the JSON Schema in the repository is the one the report is checked against', () => {
  const kept = JSON.parse(readFileSync(COMPAT_SCHEMA_FILE, 'utf8')) as unknown;
  expect(kept, 'run npm run report:schema after changing harness/report/compatReport.ts').toEqual(compatReportJsonSchema());
  expect(compatReportJsonSchema().title).toContain('schema version 6');
});

test('a cell is an error before a fail before a pass', () => {
  const s = (status: CellResult['status']) => ({ scenario: 'register-and-sign-in', name: status, status, reason: null, dimensions: [], failedChecks: [], durationMs: 0, timing: null, checkedIn: null, evidence: null });
  expect(cellStatus([s('pass'), s('fail')])).toBe('fail');
  expect(cellStatus([s('fail'), s('error'), s('pass')])).toBe('error');
  expect(cellStatus([s('pass'), s('not-applicable')])).toBe('pass');
  expect(cellStatus([s('not-applicable')])).toBe('not-applicable');
  expect(countTotals([cell({}), cell({ status: 'fail' })])).toMatchObject({
    cells: 2, pass: 1, fail: 1, 'not-applicable': 0, skipped: 0, error: 0,
  });
});

test('a failed expectation or an RP refusal is a verdict; a timeout is an error', () => {
  expect(classifyFailure([{ message: 'Error: expect(received).toBe(expected)\n\nExpected: "a"' }]).status).toBe('fail');
  expect(classifyFailure([{ message: 'RpStepError: registration failed; the RP said: no' }]).status).toBe('fail');
  expect(classifyFailure([{ message: 'Test timeout of 30000ms exceeded.' }]).status).toBe('error');
  expect(classifyFailure([{ message: 'Error: page.goto: net::ERR_CONNECTION_REFUSED' }]).status).toBe('error');
  expect(classifyFailure([{ message: '\u001b[31mError: expect(x)\u001b[39m\n    at foo (a.ts:1:1)' }]).reason).toBe('Error: expect(x)');
});

test('a verdict taken from the cell that ran a check once for the environment links that cell', () => {
  const html = renderCompatHtml(
    report([
      cell({
        scenarios: [{ scenario: 'security-csrf', name: 'another site cannot delete a passkey', status: 'pass', reason: null, dimensions: [], failedChecks: [], durationMs: 0, timing: null, checkedIn: 'windows-edge/windows-hello/device-bound', evidence: null }],
      }),
    ]),
  );
  expect(html).toContain('Checked in <a href="#windows-edge/windows-hello/device-bound">windows-edge/windows-hello/device-bound</a>, for this cell too');
});

test('a check run once that broke or failed says so in every cell it stands for, naming the cell where it did', () => {
  const taken = (status: 'fail' | 'error') =>
    renderCompatHtml(
      report([
        cell({
          status,
          scenarios: [{ scenario: 'security-malformed-bodies', name: 'malformed bodies', status, reason: 'Test timeout of 70000ms exceeded.', dimensions: [], failedChecks: [], durationMs: 0, timing: null, checkedIn: 'windows-chrome/google-password-manager/synced', evidence: null }],
        }),
      ]),
    );
  const link = '<a href="#windows-chrome/google-password-manager/synced">windows-chrome/google-password-manager/synced</a>';
  expect(taken('error')).toContain(`Broke in ${link} (no verdict), for this cell too`);
  expect(taken('fail')).toContain(`Failed in ${link}, for this cell too`);
  expect(taken('error')).not.toContain('Checked in');
});
