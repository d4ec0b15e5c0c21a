import { test, expect, type Page } from '@playwright/test';
import { renderCompatHtml } from './renderCompatHtml';
import { cellStatus, type CellResult, type CellStatus, type ScenarioResult } from './compatReport';
import { cellResultForTests } from './cellResultForTests';
import { compatReportForTests } from './compatReportForTests';
import { DIMENSIONS, DIMENSION_MEANINGS, DIMENSION_TITLES, type Dimension, type DimensionVerdict } from './dimension';
import type { BrowserId, OsId, SupportStatus, SyncFlag } from '../matrix/schema';

const hostile = '<img src=x onerror="alert(1)">';

/** The statuses in the order a cell takes the first it has. */
const PRECEDENCE: readonly CellStatus[] = ['error', 'fail', 'pass', 'not-applicable', 'skipped'];

/** A scenario with these verdicts (a reason for each that is not a pass), its status as a cell would take it. */
function scenario(name: string, verdicts: Partial<Record<Dimension, CellStatus>>, failedChecks: ScenarioResult['failedChecks'] = []): ScenarioResult {
  const dimensions = DIMENSIONS.flatMap((dimension): DimensionVerdict[] => {
    const status = verdicts[dimension];
    return status ? [{ dimension, status, reason: status === 'pass' ? null : `${dimension} ${status} in ${name}` }] : [];
  });
  const status = PRECEDENCE.find((p) => dimensions.some((d) => d.status === p)) ?? 'skipped';
  return { scenario: name, name, status, reason: status === 'pass' ? null : `${name}: ${status}`, dimensions, failedChecks, durationMs: 1, timing: null, checkedIn: null, evidence: null };
}

interface Place {
  os: OsId;
  browser: BrowserId;
  label: string;
  provider: string;
  providerName: string;
  sync: SyncFlag;
  support?: SupportStatus;
}

function at(place: Place, scenarios: ScenarioResult[], reason: string | null = null): CellResult {
  const environment = `${place.os}-${place.browser}`;
  return cellResultForTests({
    id: `${environment}/${place.provider}/${place.sync}`,
    environment,
    os: place.os,
    browser: place.browser,
    environmentLabel: place.label,
    provider: place.provider,
    providerName: place.providerName,
    sync: place.sync,
    support: place.support ?? 'usable',
    status: cellStatus(scenarios),
    reason,
    scenarios,
  });
}

const all = (status: CellStatus): Record<Dimension, CellStatus> => ({ works: status, 'tells-the-truth': status, 'leaves-a-way-in': status, safe: status });
const hello = { provider: 'windows-hello', providerName: 'Windows Hello' };
const onePassword = { provider: '1password', providerName: '1Password' };
const edge = { os: 'windows', browser: 'edge', label: 'Edge on Windows' } as const;
const chromeOnWindows = { os: 'windows', browser: 'chrome', label: 'Chrome on Windows' } as const;

/**
 * A small run with every status in the picture: Windows (a fail, an error, a skip, a sync state that
 * cannot be), then Android (one ruled out) and macOS (one coming soon), listed out of the page's OS order.
 */
const cells: CellResult[] = [
  at({ ...edge, ...hello, sync: 'device-bound' }, [
    scenario('register', { works: 'pass', 'leaves-a-way-in': 'pass' }),
    scenario('names the provider', { 'tells-the-truth': 'fail' }, [
      { step: 'the management page › names the provider', message: 'the provider is named', expected: '"Windows Hello"', received: '"iCloud Keychain"', explained: null, dimension: 'tells-the-truth' },
    ]),
    scenario('forged requests', { safe: 'pass' }),
  ]),
  at({ ...edge, ...hello, sync: 'synced' }, [scenario('register', all('not-applicable'))], 'Windows Hello passkeys never sync.'),
  at({ ...chromeOnWindows, ...hello, sync: 'device-bound' }, [scenario('everything', all('pass'))]),
  at({ ...edge, ...onePassword, sync: 'synced' }, [scenario('everything', { ...all('pass'), 'leaves-a-way-in': 'error' })]),
  at({ ...chromeOnWindows, ...onePassword, sync: 'synced' }, [scenario('everything', { ...all('pass'), 'leaves-a-way-in': 'fail', safe: 'skipped' })]),
  at({ os: 'android', browser: 'chrome', label: 'Chrome on Android', provider: 'google-password-manager', providerName: 'Google Password Manager', sync: 'synced' }, [
    scenario('everything', { ...all('pass'), 'leaves-a-way-in': 'not-applicable' }),
  ]),
  at(
    { os: 'android', browser: 'samsung-internet', label: 'Samsung Internet on Android', provider: 'google-password-manager', providerName: 'Google Password Manager', sync: 'synced', support: 'not-usable' },
    [scenario('register', all('not-applicable'))],
    'The support data says Google Password Manager cannot be used in Samsung Internet.',
  ),
  at({ os: 'macos', browser: 'safari', label: 'Safari on macOS', provider: 'icloud-keychain', providerName: 'iCloud Keychain', sync: 'synced' }, [scenario('everything', all('pass'))]),
  at({ os: 'macos', browser: 'firefox', label: 'Firefox on macOS', provider: 'icloud-keychain', providerName: 'iCloud Keychain', sync: 'synced', support: 'coming-soon' }, [scenario('register', all('not-applicable'))], 'Coming soon.'),
];

const page = () => renderCompatHtml(compatReportForTests(cells));

async function show(browserPage: Page, html = page()): Promise<void> {
  await browserPage.setContent(html);
}

test('the picture leads the page (after what changed since the baseline), a grid per OS in the usual OS order', () => {
  const html = page();
  const where = (text: string) => html.indexOf(text);
  expect(where('<section id="picture">')).toBeGreaterThan(0);
  expect(where('<section id="picture">')).toBeLessThan(where('<form id="filters"'));
  expect(where('<form id="filters"')).toBeLessThan(where('<section class="cell-list">'));
  expect(where('<h2>Windows</h2>')).toBeLessThan(where('<h2>macOS</h2>'));
  expect(where('<h2>macOS</h2>')).toBeLessThan(where('<h2>Android</h2>'));
  expect(where('<h2>Android</h2>')).toBeLessThan(where('id="legend"'));
  expect(html).not.toContain('<h2>Linux</h2>');

  const withBaseline = renderCompatHtml(
    compatReportForTests(cells, { baseline: { file: 'last.json', generatedAt: '2026-11-01T00:00:00.000Z', regressed: [], recovered: [], appeared: [], vanished: [] } }),
  );
  expect(withBaseline.indexOf('<section id="changes"')).toBeGreaterThan(0);
  expect(withBaseline.indexOf('<section id="changes"')).toBeLessThan(withBaseline.indexOf('<section id="picture">'));
});

test('each OS is a grid of providers by browsers, with a four-part glyph per sync state, linking to the cell', async ({ page: browserPage }) => {
  await show(browserPage);
  const windows = browserPage.locator('#picture section[data-os="windows"]');
  await expect(windows.locator('thead th')).toHaveText(['', 'Edge', 'Chrome']);
  await expect(windows.locator('tbody th[scope="row"]')).toHaveText(['Windows Hello', '1Password']);

  const helloInEdge = windows.locator('tr[data-provider="windows-hello"] td[data-browser="edge"] a.cell-glyph');
  await expect(helloInEdge).toHaveCount(2);
  await expect(helloInEdge.locator('.sync')).toHaveText(['synced', 'device-bound']);
  const deviceBound = helloInEdge.nth(1);
  await expect(deviceBound).toHaveAttribute('href', '#windows-edge/windows-hello/device-bound');
  const parts = deviceBound.locator('.part');
  await expect(parts).toHaveCount(4);
  expect(await parts.evaluateAll((els) => els.map((el) => el.getAttribute('data-dimension')))).toEqual([...DIMENSIONS]);
  await expect(parts).toHaveText(['✓', '✗', '✓', '✓']);

  // Each part says in words which dimension it is, its status and why.
  await expect(deviceBound.getByRole('img')).toHaveCount(4);
  await expect(deviceBound.getByRole('img').nth(0)).toHaveAccessibleName('Passkeys work: pass');
  await expect(deviceBound.getByRole('img').nth(1)).toHaveAccessibleName('Tells the truth: fail — names the provider: tells-the-truth fail in names the provider');
  await expect(deviceBound.getByRole('img').nth(1)).toHaveAttribute('title', 'Tells the truth: fail — names the provider: tells-the-truth fail in names the provider');

  // Not applicable, an error and a skip each show as themselves.
  await expect(helloInEdge.nth(0).locator('.part')).toHaveText(['–', '–', '–', '–']);
  await expect(windows.locator('a[href="#windows-edge/1password/synced"] .part')).toHaveText(['✓', '✓', '!', '✓']);
  await expect(windows.getByRole('img', { name: 'Leaves a way in: error (no verdict) — everything: leaves-a-way-in error in everything' })).toBeVisible();
  await expect(windows.locator('a[href="#windows-chrome/1password/synced"] .part')).toHaveText(['✓', '✓', '✗', '·']);
  await expect(windows.getByRole('img', { name: /^Safe: skipped — / })).toBeVisible();

  // Where the support data rules a provider out, one mark, no glyph.
  const ruledOut = browserPage.locator('#picture section[data-os="android"] td[data-browser="samsung-internet"]');
  await expect(ruledOut).toHaveText('× not usable');
  await expect(ruledOut.locator('.part')).toHaveCount(0);
  await expect(ruledOut.locator('a')).toHaveAttribute('href', '#android-samsung-internet/google-password-manager/synced');
  await expect(browserPage.locator('#picture section[data-os="macos"] td[data-browser="firefox"]')).toHaveText('△ coming soon');
});

test('the legend names the four dimensions in the glyph order with what each means, and every status with its symbol', async ({ page: browserPage }) => {
  await show(browserPage);
  const legend = browserPage.locator('#picture #legend');
  await expect(legend.locator('ol > li')).toHaveText(DIMENSIONS.map((d) => `${DIMENSION_TITLES[d]}: ${DIMENSION_MEANINGS[d]}`));
  await expect(legend.locator('.legend-statuses li')).toHaveText(['✓ pass', '✗ fail', '– not applicable', '! error (no verdict)', '· skipped']);
  await expect(legend).toContainText('× not usable, △ coming soon, – not on this OS');
});

test('the totals say, per OS and for the whole run, how many judged cells pass in each dimension, and what the rest were', async ({ page: browserPage }) => {
  await show(browserPage);
  const totals = (scope: string) => browserPage.locator(`${scope} .dimension-totals`).first().locator('li');
  await expect(totals('#picture')).toHaveText([
    'Passkeys work: 6 of 6 judged cells pass (3 not applicable)',
    'Tells the truth: 5 of 6 judged cells pass (1 fail, 3 not applicable)',
    'Leaves a way in: 3 of 5 judged cells pass (1 fail, 1 error with no verdict, 4 not applicable)',
    'Safe: 5 of 5 judged cells pass (3 not applicable, 1 skipped)',
  ]);
  await expect(browserPage.locator('#picture > .dimension-totals b')).toHaveText('Whole run, 9 cells:');
  await expect(totals('section[data-os="windows"]')).toHaveText([
    'Passkeys work: 4 of 4 judged cells pass (1 not applicable)',
    'Tells the truth: 3 of 4 judged cells pass (1 fail, 1 not applicable)',
    'Leaves a way in: 2 of 4 judged cells pass (1 fail, 1 error with no verdict, 1 not applicable)',
    'Safe: 3 of 3 judged cells pass (1 not applicable, 1 skipped)',
  ]);
  await expect(totals('section[data-os="android"]')).toHaveText([
    'Passkeys work: 1 of 1 judged cell passes (1 not applicable)',
    'Tells the truth: 1 of 1 judged cell passes (1 not applicable)',
    'Leaves a way in: judged in no cell (2 not applicable)',
    'Safe: 1 of 1 judged cell passes (1 not applicable)',
  ]);
});

test('the whole run totals are the report totals, so a merged report counts every cell', () => {
  const report = compatReportForTests(cells);
  report.totals.dimensions.safe = { pass: 40, fail: 2, error: 0, 'not-applicable': 1, skipped: 0 };
  report.totals.cells = 43;
  const html = renderCompatHtml(report);
  expect(html).toContain('<b>Whole run, 43 cells:</b>');
  expect(html).toContain('Safe: 40 of 42 judged cells pass (2 fail, 1 not applicable)');
});

test('the drill-down shows each scenario verdict per dimension and the dimension of each failed check beside its step', async ({ page: browserPage }) => {
  await show(browserPage);
  const row = browserPage.locator('.cell-list tr[id="windows-edge/windows-hello/device-bound"]');
  await expect(row.locator('.part[role="img"]'), 'the cell glyph beside its status').toHaveText(['✓', '✗', '✓', '✓']);
  await expect(row.locator('.verdicts').nth(0).locator('li')).toHaveText(['✓ Passkeys work: pass', '✓ Leaves a way in: pass']);
  await expect(row.locator('.verdicts').nth(1).locator('li')).toHaveText(['✗ Tells the truth: fail — tells-the-truth fail in names the provider']);
  await expect(row.locator('.failed-checks .place')).toHaveText('Tells the truth:the management page › names the provider');
  await expect(row.locator('.failed-checks .check-dimension')).toHaveAttribute('data-dimension', 'tells-the-truth');
  await expect(row.locator('.failed-checks .check')).toHaveText('the provider is named');
});

test('a hostile verdict reason stays text in the glyph and the drill-down', () => {
  const html = renderCompatHtml(
    compatReportForTests([
      cellResultForTests({
        provider: hostile,
        providerName: hostile,
        status: 'fail',
        scenarios: [
          { ...scenario(hostile, { works: 'fail' }), dimensions: [{ dimension: 'works', status: 'fail', reason: hostile }] },
        ],
      }),
    ]),
  );
  expect(html).not.toContain('<img src=x');
  expect(html).not.toContain('onerror="alert');
  expect(html).toContain('aria-label="Passkeys work: fail — &lt;img src=x onerror=&quot;alert(1)&quot;&gt;: &lt;img');
  expect(html).toContain('<span class="why">— &lt;img src=x onerror=&quot;alert(1)&quot;&gt;</span>');
});

test('in a browser, the picture looks as reviewed, and reads without its colours', async ({ page: browserPage }) => {
  await show(browserPage);
  const picture = browserPage.locator('#picture');
  await expect(picture).toHaveScreenshot('dimension-picture.png');

  const pass = picture.getByRole('img', { name: /^Passkeys work: pass/ }).first();
  const fail = picture.getByRole('img', { name: /^Tells the truth: fail/ }).first();
  const look = (part: typeof pass) => part.evaluate((el) => ({ colour: getComputedStyle(el).backgroundColor, symbol: el.textContent }));
  const [passLook, failLook] = [await look(pass), await look(fail)];
  expect(passLook.colour).not.toBe(failLook.colour);
  expect(passLook.symbol).not.toBe(failLook.symbol);

  // Every part of every glyph names its dimension and its status in words.
  const names = await picture.locator('.glyph [role="img"]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  expect(names.length).toBe(4 * 7);
  const statusWords = ['pass', 'fail', 'not applicable', 'error (no verdict)', 'skipped'];
  for (const [i, name] of names.entries()) {
    const title = DIMENSION_TITLES[DIMENSIONS[i % 4]!];
    expect(name.startsWith(`${title}: `), name).toBe(true);
    expect(statusWords.some((word) => name.startsWith(`${title}: ${word}`)), name).toBe(true);
  }
});
