import type { Page } from '@playwright/test';
import { RpNoAnswerError, RpStepError } from './adapter';

const OUTCOME_TIMEOUT_MS = 10_000;

/**
 * Waits for the page to reach one of `paths`, or to show one of the RP's failure messages (by
 * `data-message` code); every wait is bounded. Returns the path reached; a failure shown is an
 * RpStepError with its words, nothing at all an RpNoAnswerError.
 */
export async function pageOutcome(page: Page, step: string, paths: string[], failureCodes: [string, ...string[]]): Promise<string> {
  const failure = page.locator(failureCodes.map((code) => `[data-message="${code}"]`).join(', ')).first();
  const reached = page.waitForURL((url) => paths.includes(url.pathname), { timeout: OUTCOME_TIMEOUT_MS }).then(() => 'reached' as const);
  const failed = failure.waitFor({ state: 'visible', timeout: OUTCOME_TIMEOUT_MS }).then(() => 'failed' as const);
  const first = await Promise.race([reached, failed]).catch((error: Error) => {
    throw new RpNoAnswerError(step, `nothing within ${OUTCOME_TIMEOUT_MS / 1000} s: ${error.message.split('\n')[0]}`);
  });
  reached.catch(() => undefined);
  failed.catch(() => undefined);
  if (first === 'failed') throw new RpStepError(step, (await failure.innerText()).trim());
  return new URL(page.url()).pathname;
}
