/**
 * The forgeries of a state-changing request the RP's own page sent: from a page on another site, and
 * with the user's cookies but its CSRF token taken out, made up, or one character short. Each returns
 * null, with a note on the test, where the request gives the harness nothing to forge.
 */
import { test, type Page } from '@playwright/test';
import { check } from '../checks/check';
import { expect } from '../checks/checkMatchers';
import type { Rp } from '../rp/boundRp';
import { CrossSitePage, type ForgingReferrer } from './crossSitePage';
import { withoutCsrfToken, withShortCsrfToken, withWrongCsrfToken } from './forgedRequest';
import type { CapturedRequest } from './heldRequest';
import { brokenLinks } from './staleForm';

/**
 * The forging page's Referer, both ways an attacker may set it: its whole address, or none. Each
 * forgery lands the user on the RP's answer, whose links are checked.
 */
const FORGING_REFERRERS: { referrer: ForgingReferrer; kind: string }[] = [
  { referrer: 'unsafe-url', kind: "the forging page's whole address as Referer" },
  { referrer: 'no-referrer', kind: 'no Referer' },
];

/** A page on another site makes the user's browser send `request` (once per FORGING_REFERRERS); notes why not where a browser would not let it. */
export async function fromAnotherSite(rp: Rp, tab: Page, request: CapturedRequest): Promise<boolean> {
  const why = CrossSitePage.cannotSend(request);
  if (why) {
    note(`not tried from another site: ${why}`);
    return false;
  }
  const site = await CrossSitePage.start(rp.url);
  try {
    for (const { referrer, kind } of FORGING_REFERRERS) {
      await site.send(tab, request, referrer);
      // A form post lands the user on the RP's answer: whatever it says, its links must lead somewhere.
      if (new URL(tab.url()).origin === new URL(rp.url).origin) {
        await check('leaves-a-way-in', `the page the forged post (${kind}) landed on leads somewhere`, async () => {
          await tab.waitForLoadState('domcontentloaded', { timeout: 10_000 });
          expect.soft(await brokenLinks(tab), "the links of the RP's page the forged post landed on that lead nowhere (4xx or 5xx)").toEqual([]);
        });
      }
    }
  } finally {
    await site.stop();
  }
  return true;
}

/** The request without its CSRF token, or null (with a note) when it carries none the harness recognises. */
export function tokenTakenOut(request: CapturedRequest): CapturedRequest | null {
  return tokenChanged(withoutCsrfToken(request), 'without its token');
}

/** The request with a wrong token of the right shape in place of its own (a near miss), or null with a note. */
export function tokenMadeUp(request: CapturedRequest): CapturedRequest | null {
  return tokenChanged(withWrongCsrfToken(request), 'with a made-up token');
}

/** The request with its own token one character short (a near miss of another length), or null with a note. */
export function tokenCut(request: CapturedRequest): CapturedRequest | null {
  return tokenChanged(withShortCsrfToken(request), 'with its token one character short');
}

function tokenChanged(changed: { request: CapturedRequest; taken: string[] } | null, how: string): CapturedRequest | null {
  if (!changed || changed.taken.length === 0) {
    const why = changed ? "it carries no CSRF token the harness recognises (by name, or as a cookie's value)" : 'its body is neither a form nor JSON';
    note(`not sent ${how}: ${why}`);
    return null;
  }
  return changed.request;
}

function note(description: string): void {
  test.info().annotations.push({ type: 'note', description });
}
