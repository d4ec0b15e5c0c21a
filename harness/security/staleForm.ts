/**
 * A form the user left open on the RP's page and submitted later, after the session it came from was
 * replaced (a sign-in in between): the page's CSRF token in it is stale. The harness puts the form the
 * RP's own page sent before back on that page, with the same fields, and submits it as the user's
 * click would, so the RP answers a real same-site form post from its own page (its Referer, the
 * current session's cookies).
 */
import type { Page, Response } from '@playwright/test';
import type { CapturedRequest } from './heldRequest';

const WAIT_MS = 10_000;

/** What the user sees after a refused form post, read the same way whatever the RP. */
export interface RefusedFormPage {
  status: number;
  /** The answer is a page (HTML), not data a script was meant to read. */
  isPage: boolean;
  /** The page's main heading, trimmed; empty when it has none. */
  heading: string;
  /** What the page's alerts (role "alert") say, trimmed; empty when it has none. */
  alert: string;
}

/** Opens `formPageUrl` and submits there a form carrying `request`'s fields to its address; the RP's answer. */
export async function submitStaleForm(page: Page, formPageUrl: string, request: CapturedRequest): Promise<Response> {
  await page.goto(formPageUrl, { timeout: WAIT_MS });
  const answered = page.waitForResponse((r) => r.request().method() === request.method && r.url() === request.url && r.request().isNavigationRequest(), { timeout: WAIT_MS });
  // The answer's page (or the one it redirects to) replacing the form's, not only its first bytes.
  const landed = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: WAIT_MS });
  await page.evaluate(
    ({ action, fields }) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = action;
      for (const [name, value] of fields) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    },
    { action: request.url, fields: [...new URLSearchParams(request.body ?? '')] },
  );
  const response = await answered;
  await landed;
  await page.waitForLoadState('domcontentloaded', { timeout: WAIT_MS });
  return response;
}

export async function readRefusedForm(page: Page, response: Response): Promise<RefusedFormPage> {
  const alerts = await page.getByRole('alert').allInnerTexts();
  const heading = page.locator('h1').first();
  return {
    status: response.status(),
    isPage: (response.headers()['content-type'] ?? '').startsWith('text/html'),
    heading: (await heading.count()) ? (await heading.innerText()).trim() : '',
    alert: alerts.join(' ').trim(),
  };
}

/** The links on the page that lead back to `formPageUrl` (same path and query), as a user would look for one. */
export async function linksBackTo(page: Page, formPageUrl: string): Promise<{ href: string; label: string }[]> {
  const target = new URL(formPageUrl);
  const links = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => ({ href: (a as HTMLAnchorElement).href, label: (a.textContent ?? '').trim() })));
  return links.filter(({ href }) => {
    const url = new URL(href);
    return url.origin === target.origin && url.pathname === target.pathname && url.search === target.search;
  });
}

/**
 * The links of the page, on the RP's own site, that lead nowhere a user can go: each is opened as a
 * click would (GET, the user's cookies, redirects followed), and one answered with 4xx or 5xx is
 * listed as "href (HTTP status)". A refusal page whose "go back" link is broken leaves the user stuck.
 */
export async function brokenLinks(page: Page): Promise<string[]> {
  const here = new URL(page.url());
  const hrefs = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  const ownSite = [...new Set(hrefs)].filter((href) => new URL(href).origin === here.origin);
  const broken: string[] = [];
  for (const href of ownSite) {
    const response = await page.request.get(href, { failOnStatusCode: false, maxRedirects: 5, timeout: WAIT_MS });
    if (response.status() >= 400) broken.push(`${new URL(href).pathname}${new URL(href).search} (HTTP ${response.status()})`);
  }
  return broken;
}
