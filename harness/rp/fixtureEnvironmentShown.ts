import type { Page } from '@playwright/test';
import { RpStepError } from './adapter';

const STEP = 'reading which system and browser the site names';

/**
 * The words the fixture RP's footer says it detected, from its sign-in page (there for anyone,
 * signed in or not); null where the page says nothing. A page that fails to load is no page that
 * says nothing: detection that breaks the page (an error status) is a failure, never "does not tell".
 */
export async function fixtureEnvironmentShown(page: Page, baseUrl: string): Promise<string | null> {
  const response = await page.goto(new URL('/signin', baseUrl).href);
  if (response && response.status() >= 400) throw new RpStepError(STEP, `the sign-in page answered ${response.status()}`);
  const footer = page.locator('[data-message="environment.detected"]');
  return (await footer.count()) ? (await footer.innerText()).trim() : null;
}
