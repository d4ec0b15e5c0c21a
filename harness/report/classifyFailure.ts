import type { TestError } from '@playwright/test/reporter';
import { failedChecks, type FailedCheck } from './failedChecks';
import { stripAnsi } from './stripAnsi';

/** A failed expectation, or the RP refusing a step with a message: words about the RP. */
const VERDICT = /^(Error: )?expect\(|RpStepError: .* the RP said:/m;

/**
 * A failed expectation, or the RP refusing a step with a message, is a verdict on the RP (`fail`),
 * even beside other errors: a scenario goes on after a failed check, and what broke later does
 * not undo what it saw. With none of them (a timeout, a crash, the RP unreachable), no verdict
 * could be reached (`error`).
 */
export function classifyFailure(
  errors: readonly TestError[],
  checks: readonly FailedCheck[] = failedChecks({ errors, steps: [] }),
): { status: 'fail' | 'error'; reason: string } {
  const messages = errors.map((error) => stripAnsi(error.message ?? error.value ?? ''));
  const verdict = messages.some((message) => VERDICT.test(message));
  return { status: verdict ? 'fail' : 'error', reason: reason(messages, checks) };
}

/** One failure: its first lines. Several: how many, and the first with the step it failed in. */
function reason(messages: string[], checks: readonly FailedCheck[]): string {
  const first = summarize(messages[0] || 'failed without an error message');
  if (messages.length < 2) return first;
  const where = checks[0]?.step ? `, in ${checks[0].step}` : '';
  return `${messages.length} checks failed. The first${where}:\n${first}`;
}

/** The first few meaningful lines: enough for a table cell, every check is in the scenario's failedChecks. */
function summarize(message: string): string {
  return message
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('at '))
    .slice(0, 6)
    .join('\n');
}
