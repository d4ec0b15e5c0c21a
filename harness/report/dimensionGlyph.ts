import type { CellStatus } from './cellStatus';
import { DIMENSIONS, DIMENSION_TITLES, type DimensionVerdict } from './dimension';
import { escapeHtml as e } from './escapeHtml';

/** Each status's symbol, so a glyph reads without its colours. */
export const STATUS_SYMBOLS: Record<CellStatus, string> = {
  pass: '✓',
  fail: '✗',
  'not-applicable': '–',
  error: '!',
  skipped: '·',
};

/** Each status in words, for a glyph part's name and the legend. */
export const STATUS_WORDS: Record<CellStatus, string> = {
  pass: 'pass',
  fail: 'fail',
  'not-applicable': 'not applicable',
  error: 'error (no verdict)',
  skipped: 'skipped',
};

/**
 * Okabe and Ito's palette, which stays distinct with deuteranopia and protanopia: blue for a pass,
 * vermillion for a fail, yellow edged in black for an error, grey for not applicable, an outline for skipped.
 */
export const GLYPH_STYLE = `
.glyph{display:inline-flex;gap:2px;vertical-align:middle}
.part{display:inline-flex;align-items:center;justify-content:center;box-sizing:border-box;width:18px;height:18px;border-radius:3px;border:1px solid transparent;font:700 13px/1 "DejaVu Sans",system-ui,sans-serif}
.part.s-pass{background:#0072b2;color:#fff}
.part.s-fail{background:#d55e00;color:#fff}
.part.s-error{background:#f0e442;color:#000;border:2px solid #000}
.part.s-not-applicable{background:#e4e6e9;color:#4a525a}
.part.s-skipped{background:#fff;color:#4a525a;border:1px dashed #4a525a}
`;

/** A verdict in words: "Tells the truth: fail — <why>". */
export function verdictWords(verdict: DimensionVerdict): string {
  const why = verdict.reason ? ` — ${verdict.reason}` : '';
  return `${DIMENSION_TITLES[verdict.dimension]}: ${STATUS_WORDS[verdict.status]}${why}`;
}

/** One status as a square, without a name of its own (the words beside it say it). */
export function statusSquare(status: CellStatus): string {
  return `<span class="part s-${e(status)}" aria-hidden="true">${STATUS_SYMBOLS[status]}</span>`;
}

function glyphPart(verdict: DimensionVerdict): string {
  const words = verdictWords(verdict);
  return `<span class="part s-${e(verdict.status)}" data-dimension="${e(verdict.dimension)}" role="img" aria-label="${e(words)}" title="${e(words)}">${STATUS_SYMBOLS[verdict.status]}</span>`;
}

/**
 * A cell's four dimensions at a glance: a square each, always in the order of DIMENSIONS, so the
 * place says which dimension and the colour and symbol say its status.
 */
export function dimensionGlyph(verdicts: readonly DimensionVerdict[]): string {
  const parts = DIMENSIONS.map(
    (dimension): DimensionVerdict => verdicts.find((v) => v.dimension === dimension) ?? { dimension, status: 'not-applicable', reason: 'No verdict recorded for this dimension.' },
  );
  return `<span class="glyph">${parts.map(glyphPart).join('')}</span>`;
}

/** A scenario's verdicts in the dimensions it judges, each in words beside its square. */
export function verdictList(verdicts: readonly DimensionVerdict[]): string {
  if (!verdicts.length) return '';
  const items = verdicts.map((v) => {
    const why = v.reason ? ` <span class="why">— ${e(v.reason)}</span>` : '';
    return `<li data-dimension="${e(v.dimension)}">${statusSquare(v.status)} ${e(DIMENSION_TITLES[v.dimension])}: ${e(STATUS_WORDS[v.status])}${why}</li>`;
  });
  return `<ul class="verdicts">${items.join('')}</ul>`;
}
