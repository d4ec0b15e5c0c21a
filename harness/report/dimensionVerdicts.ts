import type { TestError } from '@playwright/test/reporter';
import { classifyFailure } from './classifyFailure';
import { inReportOrder, type Dimension, type DimensionVerdict } from './dimension';

/** The check a failure happened in: its dimension and its step's title. */
export interface CheckPlace {
  dimension: Dimension;
  title: string;
}

/** What the checks of a finished test saw (`harness/checks/check.ts` keeps it). */
export interface ChecksSeen {
  /** Each of the test's errors, in order, with the check it arose in (null: outside every check). */
  places: (CheckPlace | null)[];
  /** The check a thrown error (or a timeout) ended the test in; null when the test ran to its end or stopped outside every check. */
  stoppedIn: CheckPlace | null;
  /** The dimensions whose check steps ran. */
  entered: Dimension[];
  /** Dimensions whose checks could not apply here, with why (the RP lacks what they read). */
  notJudged: { dimension: Dimension; reason: string }[];
}

/** What a finished test tells about its dimensions. */
export interface TestOutcome {
  /** The dimensions the test declares, its main one first. */
  declared: Dimension[];
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  /** Why the test was not applicable (the cell or the RP lacks what it needs), or skipped. */
  notApplicable?: string;
  skipped?: string;
  errors: readonly TestError[];
  seen: ChecksSeen;
  /** Trouble on the RP's, the authenticator's or the harness's side: no verdict in any dimension. */
  trouble?: string;
}

/** Each error's dimension, by its index among the test's errors, and each declared dimension's verdict. */
export interface DimensionJudgement {
  errorDimensions: Dimension[];
  verdicts: DimensionVerdict[];
}

/**
 * Judges a test dimension by dimension. A dimension with a failed check fails (or is an error when
 * none of its failures is a verdict); one with none passes when the test ran to its end and one of
 * its checks ran, and is not judged (not applicable, saying why) when the test stopped early or none
 * of its checks applied: a green dimension means its behaviour was seen.
 */
export function judgeDimensions(outcome: TestOutcome): DimensionJudgement {
  const [main] = outcome.declared;
  if (!main) throw new Error('judgeDimensions: a test declares at least one dimension');
  const errorDimensions = outcome.seen.places.map((place) => place?.dimension ?? main);
  const declared = inReportOrder(outcome.declared);
  const all = (status: DimensionVerdict['status'], reason: string | null) => declared.map((dimension) => ({ dimension, status, reason }));
  if (outcome.status === 'skipped') {
    return outcome.notApplicable !== undefined
      ? { errorDimensions, verdicts: all('not-applicable', outcome.notApplicable) }
      : { errorDimensions, verdicts: all('skipped', outcome.skipped ?? 'skipped without a reason given') };
  }
  if (outcome.trouble !== undefined) return { errorDimensions, verdicts: all('error', `No verdict: ${outcome.trouble}.`) };
  const stopped = outcome.status === 'passed' ? null : stopPlace(outcome.seen);
  const verdicts = declared.map((dimension): DimensionVerdict => {
    const indices = errorDimensions.flatMap((d, i) => (d === dimension ? [i] : []));
    if (indices.length) {
      const judged = classifyFailure(indices.map((i) => outcome.errors[i]!));
      const place = outcome.seen.places[indices[0]!];
      return { dimension, status: judged.status, reason: place ? `In "${place.title}": ${judged.reason}` : judged.reason };
    }
    if (stopped !== null) return { dimension, status: 'not-applicable', reason: `Not judged: the scenario stopped ${stopped}, so this dimension's checks may not all have run.` };
    // The main dimension is the test's own: its body checks it. Another is judged only where one of its check steps ran.
    if (dimension !== main && !outcome.seen.entered.includes(dimension)) {
      const why = outcome.seen.notJudged.find((n) => n.dimension === dimension)?.reason;
      return { dimension, status: 'not-applicable', reason: why ?? "Not judged here: none of the scenario's checks of it applied in this cell." };
    }
    return { dimension, status: 'pass', reason: null };
  });
  return { errorDimensions, verdicts };
}

/** Where the test stopped early, in words; null when it ran to its end (every failure was a soft check inside a check step). */
function stopPlace(seen: ChecksSeen): string | null {
  if (seen.stoppedIn) return `at "${seen.stoppedIn.title}"`;
  // An error outside every check step may have been thrown: nothing says the test went on after it.
  return seen.places.some((place) => place === null) ? 'at a failure outside every check step' : null;
}
