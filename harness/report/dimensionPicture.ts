import { countTotals, type CellResult, type CompatReport } from './compatReport';
import { BROWSER_TITLES } from './browserTitles';
import { DIMENSIONS, DIMENSION_MEANINGS, DIMENSION_TITLES } from './dimension';
import { dimensionGlyph, statusSquare, STATUS_WORDS } from './dimensionGlyph';
import { dimensionTotals } from './dimensionTotals';
import { escapeHtml as e } from './escapeHtml';
import { OS_TITLES } from './osTitles';
import { SYNC_FLAGS } from '../matrix/cell';
import type { OsId, SupportStatus } from '../matrix/schema';
import type { CellStatus } from './cellStatus';

/** The seed's marks, for a provider that cannot be used in a browser at all. */
const UNSUPPORTED_TEXT: Record<Exclude<SupportStatus, 'usable'>, string> = {
  'not-usable': '× not usable',
  'coming-soon': '△ coming soon',
  'not-applicable': '– not on this OS',
};

const LEGEND_STATUSES: readonly CellStatus[] = ['pass', 'fail', 'not-applicable', 'error', 'skipped'];

export const PICTURE_STYLE = `
#picture{background:#fff;padding:12px 16px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
#picture .os-picture{margin-bottom:16px}
.cell-glyph{display:flex;align-items:center;justify-content:space-between;gap:6px;margin:2px 0;padding:1px 2px;border-radius:4px;text-decoration:none;color:inherit;white-space:nowrap;font-size:12px}
.cell-glyph:hover,.cell-glyph:focus{background:#eef1f4}
.dimension-totals{font-size:13px;margin:6px 0}.dimension-totals ul{margin:2px 0;padding-left:20px}
.legend{border-top:1px solid #d8dde3;padding-top:8px;font-size:13px}.legend h3{margin-top:0}
.legend ol{margin:4px 0;padding-left:24px}.legend-statuses{list-style:none;padding:0;margin:6px 0;display:flex;flex-wrap:wrap;gap:4px 16px}
`;

/** One sync flag of a provider in a browser: its name and its four dimensions, linking to its row below. */
function cellGlyph(cell: CellResult): string {
  const title = `${cell.environmentLabel} · ${cell.providerName} · ${cell.sync}: ${cell.status}${cell.reason ? ` — ${cell.reason}` : ''}`;
  return `<a class="cell-glyph" data-status="${e(cell.status)}" href="#${e(cell.id)}" title="${e(title)}"><span class="sync">${e(cell.sync)}</span>${dimensionGlyph(cell.dimensions)}</a>`;
}

/** A grid cell: a single mark where the support data rules the provider out in the browser, else a glyph per sync flag. */
function gridCell(here: CellResult[]): string {
  const first = here[0];
  if (!first) return '<td></td>';
  if (first.support !== 'usable' && here.every((c) => c.status === 'not-applicable')) {
    return `<td data-browser="${e(first.browser)}"><a class="badge not-applicable" data-status="not-applicable" href="#${e(first.id)}" title="${e(first.reason ?? '')}">${e(UNSUPPORTED_TEXT[first.support])}</a></td>`;
  }
  return `<td data-browser="${e(first.browser)}">${here.map(cellGlyph).join('')}</td>`;
}

/** One OS: providers (rows) by browsers (columns), then how each dimension fared in its cells. */
function osPicture(os: OsId, cells: CellResult[]): string {
  const browsers = [...new Set(cells.map((c) => c.browser))];
  const providers = [...new Map(cells.map((c) => [c.provider, c.providerName])).entries()];
  const head = browsers.map((b) => `<th scope="col" data-browser="${e(b)}">${e(BROWSER_TITLES[b] ?? b)}</th>`).join('');
  const rows = providers.map(([provider, name]) => {
    const tds = browsers.map((browser) =>
      gridCell(
        SYNC_FLAGS.map((sync) => cells.find((c) => c.provider === provider && c.browser === browser && c.sync === sync)).filter((c): c is CellResult => c !== undefined),
      ),
    );
    return `<tr data-provider="${e(provider)}"><th scope="row">${e(name)}</th>${tds.join('')}</tr>`;
  });
  const totals = dimensionTotals(`${OS_TITLES[os]}, ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}`, countTotals(cells).dimensions);
  return `<section class="os-picture" data-os="${e(os)}"><h2>${e(OS_TITLES[os])}</h2><table><thead><tr><th></th>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>${totals}</section>`;
}

/** What the squares mean: the dimensions in their order, the statuses' symbols and colours, the ruled-out marks. */
function legend(): string {
  const dimensions = DIMENSIONS.map((d) => `<li data-dimension="${e(d)}"><b>${e(DIMENSION_TITLES[d])}</b>: ${e(DIMENSION_MEANINGS[d])}</li>`).join('');
  const statuses = LEGEND_STATUSES.map((s) => `<li data-status-key="${e(s)}">${statusSquare(s)} ${e(STATUS_WORDS[s])}</li>`).join('');
  const marks = Object.values(UNSUPPORTED_TEXT).map((mark) => `<b>${e(mark)}</b>`).join(', ');
  return `<div class="legend" id="legend"><h3>Reading the squares</h3><p>Each sync state of a provider in a browser has four squares, always in this order:</p><ol>${dimensions}</ol>
<ul class="legend-statuses">${statuses}</ul><p>Where the support data rules a provider out in a browser, one mark stands for all its sync states: ${marks}. Every square and mark links to its cell below.</p></div>`;
}

/**
 * The page's lead: per OS, each provider in each browser with its four dimensions at a glance, then
 * how each dimension fared, for each OS and the whole run, and the legend. Nothing in it depends on when the run was.
 */
export function dimensionPicture(report: CompatReport): string {
  const byOs = (Object.keys(OS_TITLES) as OsId[]).map((os) => [os, report.cells.filter((c) => c.os === os)] as const).filter(([, cells]) => cells.length);
  const cells = report.totals.cells;
  const whole = dimensionTotals(`Whole run, ${cells} ${cells === 1 ? 'cell' : 'cells'}`, report.totals.dimensions);
  return `<section id="picture"><p><b>Each cell at a glance:</b> does it work, does the site tell the truth, does it leave a way in, is it safe.</p>${whole}
${byOs.map(([os, here]) => osPicture(os, here)).join('\n')}
${legend()}</section>`;
}
