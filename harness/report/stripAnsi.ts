/** Playwright's messages carry terminal colours; a report shows plain text. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
