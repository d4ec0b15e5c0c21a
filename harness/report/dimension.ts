import { z } from 'zod';
import { CellStatus } from './cellStatus';

/**
 * What a team asks of a cell, each answered on its own: do passkeys work here, does the site tell the
 * truth about them, does every failure leave a way in, and is it safe. The seed's tables answer the
 * first; its advice to services, the next two; the security scenarios, the last.
 */
export const Dimension = z.enum(['works', 'tells-the-truth', 'leaves-a-way-in', 'safe']);
export type Dimension = z.infer<typeof Dimension>;

export const DIMENSIONS: readonly Dimension[] = Dimension.options;

/** Each dimension as the report's reader reads it. */
export const DIMENSION_TITLES: Record<Dimension, string> = {
  works: 'Passkeys work',
  'tells-the-truth': 'Tells the truth',
  'leaves-a-way-in': 'Leaves a way in',
  safe: 'Safe',
};

/** What a green verdict in each dimension means, for the report's legend. */
export const DIMENSION_MEANINGS: Record<Dimension, string> = {
  works: 'passkeys are created and sign in where the support data says they can, and are refused cleanly where they cannot',
  'tells-the-truth': 'what the site says and offers about passkeys (which provider, whether it syncs, where it can be used, when to make one) matches the support data',
  'leaves-a-way-in': 'every failed, refused or cancelled step offers a way back in',
  safe: 'forged, replayed, stale and malformed requests get nobody in and change nothing',
};

/**
 * The test tag by which a scenario declares a dimension it feeds: `test(title, { tag: '@works' }, ...)`.
 * Its first dimension tag takes the checks no `check()` step names.
 */
export function dimensionTag(dimension: Dimension): string {
  return `@${dimension}`;
}

/** The dimensions a test's tags declare, in the tags' order. */
export function dimensionsOfTags(tags: readonly string[]): Dimension[] {
  return DIMENSIONS.filter((d) => tags.includes(dimensionTag(d))).sort((a, b) => tags.indexOf(dimensionTag(a)) - tags.indexOf(dimensionTag(b)));
}

/** Dimensions in the report's fixed order (works, tells the truth, leaves a way in, safe). */
export function inReportOrder(dimensions: readonly Dimension[]): Dimension[] {
  return DIMENSIONS.filter((d) => dimensions.includes(d));
}

/** One dimension's verdict, for a scenario or a whole cell. */
export const DimensionVerdict = z.strictObject({
  dimension: Dimension,
  status: CellStatus,
  /** Why, for anything but a pass: the failed check (and the step it failed in), the error, or why it was not judged. */
  reason: z.string().nullable(),
});
export type DimensionVerdict = z.infer<typeof DimensionVerdict>;
