import { z } from 'zod';
import type { TestError } from '@playwright/test/reporter';
import { EXPECTED_VS_OBSERVED } from './annotations';
import { expectedAndReceived } from './expectedAndReceived';
import { stripAnsi } from './stripAnsi';
import { Dimension } from './dimension';

/** One failed check (or error) of a scenario, in the order the scenario met them. */
export const FailedCheck = z.strictObject({
  /** The scenario's steps it failed in, outermost first, joined by " › "; null when it failed outside any step. */
  step: z.string().nullable(),
  /** The check's own words (the expect's message), or the error's first line. */
  message: z.string(),
  /** What the check wanted and what it got, as Playwright words them; null where the error does not say. */
  expected: z.string().nullable(),
  received: z.string().nullable(),
  /** The `evidence.checks` entry (its `what`) attached in that step, with the oracle's and the RP's whole views. */
  explained: z.string().nullable(),
  /** The dimension it counts against: its `check` step's, else the scenario's main one; null where the test recorded none. */
  dimension: Dimension.nullable(),
});
export type FailedCheck = z.infer<typeof FailedCheck>;

/** The parts of Playwright's TestStep this reads: a fixture test can build one. */
export interface StepTree {
  title: string;
  category: string;
  error?: TestError;
  steps: readonly StepTree[];
  attachments: readonly { name: string }[];
}

const STEP_SEPARATOR = ' › ';

/** A step whose own error started there (no sub-step has it), with the scenario steps around it, innermost last. */
interface Origin {
  error: TestError;
  within: StepTree[];
}

/**
 * Every error of a test result, in order, with the scenario step it failed in: the innermost
 * `test.step` around the step where it first appeared (a failed `expect` is a step of its own).
 */
export function failedChecks(
  result: { errors: readonly TestError[]; steps: readonly StepTree[] },
  errorDimensions: readonly Dimension[] = [],
): FailedCheck[] {
  const origins = errorOrigins(result.steps, []);
  const used = new Set<Origin>();
  return result.errors.map((error, i) => {
    const origin = origins.find((o) => !used.has(o) && sameError(o.error, error));
    if (origin) used.add(origin);
    return { ...describe(error, origin?.within ?? []), dimension: errorDimensions[i] ?? null };
  });
}

function errorOrigins(steps: readonly StepTree[], within: StepTree[]): Origin[] {
  return steps.flatMap((step) => {
    const inside = step.category === 'test.step' ? [...within, step] : within;
    const below = errorOrigins(step.steps, inside);
    const own = step.error && !step.steps.some((s) => s.error && sameError(s.error, step.error!)) ? [{ error: step.error, within: inside }] : [];
    return [...own, ...below];
  });
}

function sameError(a: TestError, b: TestError): boolean {
  const place = (e: TestError) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column}` : null);
  return a.message === b.message && (place(a) === null || place(b) === null || place(a) === place(b));
}

function describe(error: TestError, within: StepTree[]): Omit<FailedCheck, 'dimension'> {
  const message = stripAnsi(error.message ?? error.value ?? 'failed without an error message');
  return {
    step: within.length ? within.map((s) => s.title).join(STEP_SEPARATOR) : null,
    message: ownWords(message),
    ...expectedAndReceived(message),
    explained: explainedIn(within),
  };
}

/** An expect given a message starts `Error: <message>` (then the matcher); any other error, with its first line. */
function ownWords(message: string): string {
  const first = message.split('\n').find((line) => line.trim() !== '') ?? '';
  return first.trim().replace(/^Error: /, '');
}

/** The expected-vs-observed evidence attached in the step the check failed in (a check's helper attaches it there). */
function explainedIn(within: StepTree[]): string | null {
  const prefix = `${EXPECTED_VS_OBSERVED}: `;
  const step = within[within.length - 1];
  if (!step) return null;
  const found = [step, ...step.steps].flatMap((s) => s.attachments.map((a) => a.name)).find((name) => name.startsWith(prefix));
  return found ? found.slice(prefix.length) : null;
}
