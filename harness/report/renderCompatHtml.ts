import type { CellResult, CellStatus, CompatReport, ScenarioResult } from './compatReport';
import type { BaselineDiff, ScenarioChange } from './baselineDiff';
import { escapeHtml as e } from './escapeHtml';
import { OS_TITLES } from './osTitles';
import { BROWSER_TITLES } from './browserTitles';
import { DIMENSION_TITLES } from './dimension';
import { dimensionGlyph, GLYPH_STYLE, verdictList } from './dimensionGlyph';
import { dimensionPicture, PICTURE_STYLE } from './dimensionPicture';


const STATUS_TEXT: Record<CellStatus, string> = {
  pass: 'pass',
  fail: 'FAIL',
  'not-applicable': 'n/a',
  skipped: 'skipped',
  error: 'ERROR',
};

const STYLE = `
[hidden]{display:none!important}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
header{background:#1b1f24;color:#fff;padding:16px 24px}header h1{margin:0 0 6px;font-size:20px}
header dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0;font-size:13px}header dt{opacity:.7}
main{padding:16px 24px}section{margin-bottom:28px}h2{font-size:17px;margin:0 0 8px}
table{border-collapse:collapse;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.08)}
th,td{border:1px solid #d8dde3;padding:6px 8px;vertical-align:top;text-align:left}th{background:#eef1f4}
.badge{display:block;margin:2px 0;padding:1px 6px;border-radius:4px;font-size:12px;text-decoration:none;color:inherit;white-space:nowrap}
.pass{background:#d5f5dc;color:#0b5d1e}.fail{background:#ffd7d5;color:#8a1111;font-weight:600}
.error{background:#ffe7b3;color:#7a4b00;font-weight:600}.not-applicable{background:#eceff2;color:#59636e}
.skipped{background:#e6e9ff;color:#2f3b8f}
.totals span{margin-right:10px}.filters{margin:0 0 16px}.filters label{margin-right:12px}
.shot{max-width:240px;max-height:160px;border:1px solid #d8dde3;margin:4px 4px 0 0}.evidence{font-size:12px}.pair{display:flex;gap:8px}.pair>div{flex:1;min-width:0}.pair pre{background:#f6f7f9;padding:4px;overflow:auto;max-height:240px;margin:2px 0}
#changes{background:#fff;padding:8px 12px;border-left:6px solid #0b5d1e}#changes.regressed{border-left-color:#8a1111}h3{font-size:15px;margin:10px 0 4px}.cell-list td{font-size:13px}.reason{white-space:pre-wrap;max-width:70ch}
.failed-checks{margin:4px 0;padding-left:20px;font-size:12px}.failed-checks .step{color:#59636e}.failed-checks .check{font-weight:600}
.place{display:flex;flex-wrap:wrap;gap:0 6px}.check-dimension{font-weight:600;color:#1b1f24}
.verdicts{list-style:none;margin:2px 0;padding:0;font-size:12px}.verdicts li{margin:1px 0}.verdicts .why{color:#59636e}.verdicts .part{width:15px;height:15px;font-size:11px}
${GLYPH_STYLE}${PICTURE_STYLE}`;

/** A check run once for the cells the provider does not change: where it ran, and where it failed or broke when it did. */
function checkedIn(scenario: ScenarioResult): string {
  if (!scenario.checkedIn) return '';
  const where = `<a href="#${e(scenario.checkedIn)}">${e(scenario.checkedIn)}</a>`;
  const said = scenario.status === 'fail' ? `Failed in ${where}` : scenario.status === 'error' ? `Broke in ${where} (no verdict)` : `Checked in ${where}`;
  return `<div class="checked-in">${said}, for this cell too: the provider does not change what it checks.</div>`;
}

/** A failure's screenshots (what the user saw), its trace and its page in the Playwright report; paths are relative to this page. */
function evidence(scenario: ScenarioResult): string {
  const found = scenario.evidence;
  if (!found) return '';
  const shots = found.screenshots.map((shot) => `<a href="${e(shot.path)}"><img class="shot" src="${e(shot.path)}" alt="${e(shot.label)}" title="${e(shot.label)}" loading="lazy"></a>`).join('');
  const trace = found.trace ? ` · <a href="${e(found.trace)}">trace</a> (<code>npx playwright show-trace ${e(found.trace)}</code> in this folder)` : '';
  const checks = found.checks
    .map(
      (c) =>
        `<details open><summary>Expected vs observed: ${e(c.what)}</summary><div class="pair"><div><b>Expected (oracle)</b><pre>${e(JSON.stringify(c.expected, null, 2))}</pre></div><div><b>Observed (what the RP told the user)</b><pre>${e(JSON.stringify(c.observed, null, 2))}</pre></div></div></details>`,
    )
    .join('');
  return `<div class="evidence">${checks}${shots}<div><a href="${e(found.playwrightReport)}">this test in the Playwright report</a>${trace}</div></div>`;
}

/** Every failed check in the order the scenario met them: its step, its words, what it expected and what it got (as in the JSON). */
function failedChecks(scenario: ScenarioResult): string {
  if (!scenario.failedChecks.length) return '';
  const side = (title: string, value: string | null) => (value === null ? '' : `<div><b>${e(title)}</b><pre>${e(value)}</pre></div>`);
  const items = scenario.failedChecks.map((check) => {
    const step = check.step ? `<div class="step">${e(check.step)}</div>` : '';
    const dimension = check.dimension ? `<span class="check-dimension" data-dimension="${e(check.dimension)}">${e(DIMENSION_TITLES[check.dimension])}:</span>` : '';
    const place = step || dimension ? `<div class="place">${dimension}${step}</div>` : '';
    const explained = check.explained ? `<div>Whole views: “Expected vs observed: ${e(check.explained)}” below.</div>` : '';
    return `<li>${place}<div class="check">${e(check.message)}</div><div class="pair">${side('Expected', check.expected)}${side('Received', check.received)}</div>${explained}</li>`;
  });
  return `<ol class="failed-checks">${items.join('')}</ol>`;
}

function cellList(cells: CellResult[]): string {
  const rows = cells
    .map((cell) => {
      const scenarios = cell.scenarios
        .map((s) => `<div><span class="badge ${e(s.status)}">${e(STATUS_TEXT[s.status])}</span> ${e(s.name)}${verdictList(s.dimensions)}${checkedIn(s)}${s.reason ? `<div class="reason">${e(s.reason)}</div>` : ''}${failedChecks(s)}${evidence(s)}</div>`)
        .join('');
      const filters = `data-os="${e(cell.os)}" data-browser="${e(cell.browser)}" data-provider="${e(cell.provider)}" data-status="${e(cell.status)}"`;
      return `<tr id="${e(cell.id)}" ${filters}><td>${e(cell.environmentLabel)}</td><td>${e(cell.providerName)}</td><td>${e(cell.sync)}</td><td><span class="badge ${e(cell.status)}">${e(STATUS_TEXT[cell.status])}</span>${dimensionGlyph(cell.dimensions)}</td><td>${scenarios}</td></tr>`;
    })
    .join('\n');
  return `<section class="cell-list"><h2>Every cell</h2><table><thead><tr><th>Environment</th><th>Provider</th><th>Sync</th><th>Status</th><th>Scenarios</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function environmentList(report: CompatReport): string {
  const rows = report.environments
    .map(
      (env) =>
        `<tr><td>${e(env.label)}</td><td><code>${e(env.userAgent)}</code></td><td>${env.clientHints ? 'sent' : 'none'}</td><td>${env.capabilities.map((c) => `<div>${e(c)}</div>`).join('')}</td></tr>`,
    )
    .join('\n');
  return `<section><h2>How each browser was emulated</h2><p>Every cell ran on ${e(report.engine)}; each environment's identity and passkey APIs were made to match its real browser.</p><table><thead><tr><th>Environment</th><th>User agent</th><th>Client hints</th><th>Passkey APIs made to match</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function changeRows(changes: ScenarioChange[]): string {
  return changes
    .map(
      (c) =>
        `<tr><td><a href="#${e(c.cell)}">${e(c.cell)}</a></td><td>${e(c.name)}</td><td>${c.dimension ? e(DIMENSION_TITLES[c.dimension]) : 'the whole scenario'}</td><td>${e(c.from ?? 'new')} → <span class="badge ${e(c.to)}" style="display:inline">${e(STATUS_TEXT[c.to])}</span></td><td class="reason">${e(c.reason ?? '')}</td></tr>`,
    )
    .join('\n');
}

/** The section read first on a release: what regressed, recovered, appeared or vanished since the baseline. */
function baselineSection(diff: BaselineDiff): string {
  const head = '<thead><tr><th>Cell</th><th>Scenario</th><th>Dimension</th><th>Then → now</th><th>Why</th></tr></thead>';
  const list = (title: string, changes: ScenarioChange[]) =>
    changes.length ? `<h3>${e(title)} (${changes.length})</h3><table>${head}<tbody>${changeRows(changes)}</tbody></table>` : '';
  const cells = (title: string, ids: string[]) => (ids.length ? `<h3>${e(title)} (${ids.length})</h3><p>${ids.map((id) => `<code>${e(id)}</code>`).join(' ')}</p>` : '');
  const nothing = !diff.regressed.length && !diff.recovered.length && !diff.appeared.length && !diff.vanished.length;
  return `<section id="changes" class="${diff.regressed.length ? 'regressed' : 'steady'}"><h2>Changed since the baseline</h2>
<p>Baseline: <code>${e(diff.file)}</code>, made ${e(diff.generatedAt)}. ${diff.regressed.length} regressed, ${diff.recovered.length} recovered, ${diff.appeared.length} cells appeared, ${diff.vanished.length} vanished.${nothing ? ' Nothing changed.' : ''}</p>
${list('Regressed', diff.regressed)}${list('Recovered', diff.recovered)}${cells('Cells that appeared', diff.appeared)}${cells('Cells that vanished', diff.vanished)}</section>`;
}

/** Which cells rest on facts newer than the previous snapshot: a verdict there may differ from the last release's for that reason alone. */
function snapshotSection(report: CompatReport): string {
  const found = report.snapshotChanges;
  if (!found) return '';
  const rows = found.changes
    .map((c) => `<tr><td><code>${e(c.cellKey)}</code></td><td>${e(c.field)}</td><td>${e(JSON.stringify(c.from))}</td><td>${e(JSON.stringify(c.to))}</td></tr>`)
    .join('\n');
  const table = found.changes.length
    ? `<table><thead><tr><th>Cell</th><th>Fact</th><th>In ${e(found.since)}</th><th>In ${e(report.snapshot.id)}</th></tr></thead><tbody>${rows}</tbody></table>`
    : '';
  return `<section><h2>Expectations the support data changed</h2><p>Support snapshot ${e(report.snapshot.id)} against ${e(found.since)}: ${found.changes.length} changed facts.</p>${table}</section>`;
}

/** Selects that hide what does not match; the page works without them (no script, everything shown). */
function filters(report: CompatReport): string {
  const select = (key: string, label: string, options: [string, string][]) =>
    `<label>${e(label)} <select data-filter="${e(key)}"><option value="">all</option>${options.map(([value, text]) => `<option value="${e(value)}">${e(text)}</option>`).join('')}</select></label>`;
  const unique = (pick: (c: CellResult) => [string, string]) => [...new Map(report.cells.map(pick)).entries()];
  return `<form id="filters" class="filters">${[
    select('os', 'OS', unique((c) => [c.os, OS_TITLES[c.os]])),
    select('browser', 'Browser', unique((c) => [c.browser, BROWSER_TITLES[c.browser] ?? c.browser])),
    select('provider', 'Provider', unique((c) => [c.provider, c.providerName])),
    select('status', 'Status', (Object.keys(STATUS_TEXT) as CellStatus[]).map((s) => [s, STATUS_TEXT[s]])),
  ].join(' ')}</form>`;
}

const FILTER_SCRIPT = `
const keys = ['os', 'browser', 'provider', 'status'];
function applyFilters() {
  const chosen = Object.fromEntries(keys.map((k) => [k, document.querySelector('[data-filter="' + k + '"]').value]));
  for (const el of document.querySelectorAll(keys.map((k) => '[data-' + k + ']').join(','))) {
    el.hidden = keys.some((k) => chosen[k] && el.dataset[k] !== undefined && el.dataset[k] !== chosen[k]);
  }
}
document.getElementById('filters').addEventListener('change', applyFilters);
`;

/**
 * The page a team reads: what changed since the baseline (a regression is read first), then per OS,
 * providers x browsers as in the seed's tables with each cell's four dimensions at a glance, then every cell with its why.
 */
export function renderCompatHtml(report: CompatReport): string {
  const t = report.totals;
  const totals = (['pass', 'fail', 'error', 'not-applicable', 'skipped'] as const)
    .map((s) => `<span class="badge ${s}" style="display:inline">${e(STATUS_TEXT[s])} ${t[s]}</span>`)
    .join('');
  const faults = report.rp.faults.length ? ` — fault switches on: ${report.rp.faults.join(', ')}` : '';
  const version = report.rp.version ? `, release ${report.rp.version}` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Passkey compatibility matrix</title><style>${STYLE}</style></head>
<body><header><h1>Passkey compatibility matrix</h1><dl>
<dt>RP tested</dt><dd>${e(report.rp.url)} (${e(report.rp.kind)}${e(version)}${e(faults)})</dd>
<dt>Support snapshot</dt><dd>${e(report.snapshot.id)} (${e(report.snapshot.date)}, ${e(report.snapshot.source)})</dd>
<dt>Engine that ran</dt><dd>${e(report.engine)} — every browser is emulated on it (user agent, client hints)</dd>
<dt>Generated</dt><dd>${e(report.generatedAt)}</dd>
<dt>Cells</dt><dd class="totals">${t.cells} ${totals}</dd></dl></header>
<main>
${report.baseline ? baselineSection(report.baseline) : ''}
${dimensionPicture(report)}
${filters(report)}
${cellList(report.cells)}
${snapshotSection(report)}
${environmentList(report)}
${stagesSection(report.stages)}
</main><script>${FILTER_SCRIPT}</script></body></html>
`;
}

/** Where the run's time went, so a slow stage is visible; the same figures as the JSON's `stages`. */
function stagesSection(stages: CompatReport['stages']): string {
  const seconds = (ms: number | null) => (ms === null ? 'not measured here' : `${(ms / 1000).toFixed(1)} s`);
  const rows: [string, number | null][] = [
    ['Starting the RP', stages.rpStartMs],
    ['Starting the browser', stages.browserStartMs],
    ["Opening each environment's device", stages.deviceSetupMs],
    ['Setting up each cell', stages.cellSetupMs],
    ['The scenarios', stages.scenariosMs],
    ['Tearing down each cell', stages.cellTeardownMs],
    ['Between tests', stages.betweenTestsMs],
    ['Writing the reports, shutting down', stages.reportWritingMs],
  ];
  const share = stages.overheadShare === null ? '' : ` Harness overhead: ${stages.overheadShare.toFixed(2)} of the RP's own time.`;
  return `<section><h2>Run stages</h2><p>Of the tests' time, the RP's own page loads, requests and passkey ceremonies took ${e(seconds(stages.rpMs))}.${e(share)}</p><table><tbody>${rows
    .map(([what, ms]) => `<tr><td>${e(what)}</td><td>${e(seconds(ms))}</td></tr>`)
    .join('')}</tbody></table>${actionsTable(stages.actions)}</section>`;
}

const ACTION_TITLES: Record<keyof NonNullable<CompatReport['stages']['actions']>, string> = {
  navigation: 'Page loads (and waits for one)',
  input: "A person's input (click, fill)",
  wait: 'Waits for a state, and assertions',
  read: 'Reading the page',
  other: 'Other browser calls',
};

/** Playwright's actions by kind: how many, and their time (what bounds a test's time on this machine). */
function actionsTable(actions: CompatReport['stages']['actions']): string {
  if (!actions) return '';
  const rows = Object.entries(ACTION_TITLES).map(([kind, title]) => {
    const { count, ms } = actions[kind as keyof typeof ACTION_TITLES];
    return `<tr><td>${e(title)}</td><td>${count}</td><td>${e((ms / 1000).toFixed(1))} s</td><td>${count ? Math.round(ms / count) : 0} ms</td></tr>`;
  });
  return `<table><thead><tr><th>Playwright actions</th><th>count</th><th>time</th><th>each</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
