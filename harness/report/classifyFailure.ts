import type { TestError } from '@playwright/test/reporter';

/**
 * A failed expectation, or the RP refusing a step with a message, is a verdict on the RP (`fail`).
 * Anything else (a timeout, a crash, the RP unreachable) means no verdict could be reached (`error`).
 */
export function classifyFailure(errors: readonly TestError[]): { status: 'fail' | 'error'; reason: string } {
  const first = errors[0];
  const message = stripAnsi(first?.message ?? 'failed without an error message');
  const verdict = /^(Error: )?expect\(|RpStepError: .* the RP said:/m.test(message);
  return { status: verdict ? 'fail' : 'error', reason: summarize(message) };
}

/** The first few meaningful lines: enough for a table cell, the whole error is in the Playwright report. */
function summarize(message: string): string {
  return message
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('at '))
    .slice(0, 6)
    .join('\n');
}

export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
