/** The terminal table of an adapter check: one row per method, its mark and one line of why. */
import type { CheckResult, MethodVerdict } from './adapterCheckVerdict';

export const RESULT_MARKS: Record<CheckResult, string> = { pass: '✓', fail: '✗', 'not-tried': '–', lacking: '–' };

/** Columns padded to the longest method name; the why is never cut: its end often says what to do. */
export function renderCheckTable(verdicts: readonly MethodVerdict[]): string {
  const nameWidth = Math.max('method'.length, ...verdicts.map((v) => v.method.length));
  const line = (method: string, mark: string, why: string) => `${method.padEnd(nameWidth)}  ${mark}  ${why}`.trimEnd();
  return [line('method', ' ', 'why'), line('-'.repeat(nameWidth), '-', '-'.repeat(3)), ...verdicts.map((v) => line(v.method, RESULT_MARKS[v.result], v.why))].join('\n');
}

/** The closing line: how many did what the contract says, how many did not, how many were not tried or lacking. */
export function summaryLine(verdicts: readonly MethodVerdict[]): string {
  const count = (result: CheckResult) => verdicts.filter((v) => v.result === result).length;
  const failed = count('fail');
  const verdict = failed ? `${failed} did not do what the contract says` : 'every method tried did what the contract says';
  return `${verdict} (${count('pass')} ✓, ${failed} ✗, ${count('not-tried')} not tried, ${count('lacking')} lacking)`;
}
