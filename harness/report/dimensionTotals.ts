import type { CellStatus } from './cellStatus';
import { DIMENSIONS, DIMENSION_TITLES, type Dimension } from './dimension';
import { escapeHtml as e } from './escapeHtml';

/** How many cells have each status, dimension by dimension (as the report's `totals.dimensions`). */
export type DimensionCounts = Record<Dimension, Record<CellStatus, number>>;

/**
 * One dimension's count in words: of the cells where it was judged (a pass, a fail or an error),
 * how many pass, and what the rest were. "Tells the truth: 0 of 16 judged cells pass (15 fail, 1 error, 4 not applicable)".
 */
export function dimensionTotalWords(dimension: Dimension, counts: Record<CellStatus, number>): string {
  const judged = counts.pass + counts.fail + counts.error;
  const head = judged
    ? `${DIMENSION_TITLES[dimension]}: ${counts.pass} of ${judged} judged ${judged === 1 ? 'cell passes' : 'cells pass'}`
    : `${DIMENSION_TITLES[dimension]}: judged in no cell`;
  const rest = [
    counts.fail ? `${counts.fail} fail` : '',
    counts.error ? `${counts.error} ${counts.error === 1 ? 'error' : 'errors'} with no verdict` : '',
    counts['not-applicable'] ? `${counts['not-applicable']} not applicable` : '',
    counts.skipped ? `${counts.skipped} skipped` : '',
  ].filter((part) => part !== '');
  return rest.length ? `${head} (${rest.join(', ')})` : head;
}

/** The four dimensions' counts, in the glyph's order, under a lead such as "Whole run, 86 cells". */
export function dimensionTotals(lead: string, counts: DimensionCounts): string {
  const items = DIMENSIONS.map((d) => `<li data-dimension="${e(d)}">${e(dimensionTotalWords(d, counts[d]))}</li>`).join('');
  return `<div class="dimension-totals"><b>${e(lead)}:</b><ul>${items}</ul></div>`;
}
