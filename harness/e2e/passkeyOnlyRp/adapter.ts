// The adapter for the passkey demo RP (server.ts), written as docs/own-rp.md tells
// a team to write one: the four core members, every other feature declared lacking with why, and
// what the page says read as the user reads it. The demo says nothing about where a passkey went,
// so the creation view names no provider and says nothing after creating.
import type { Page } from '@playwright/test';
import { RpStepError, type CreationView, type RpAdapter } from '../../rp/adapter';

/** After a button press the page reloads signed in, or shows "Error: ..." in its alert. */
async function signedInOrRefused(page: Page, step: string): Promise<void> {
  const who = page.locator('#who');
  const error = page.getByRole('alert').filter({ hasText: /\S/ });
  await who.or(error).waitFor({ timeout: 10_000 });
  if (await error.count()) throw new RpStepError(step, (await error.innerText()).trim());
}

const demo: RpAdapter = {
  name: 'Passkey demo',
  lacks: {
    'several-passkeys': 'an account has the one passkey it was registered with',
    'management-page': 'passkeys are not listed anywhere',
    'sign-in-help': 'a failed sign-in shows its error and nothing more',
    'other-ways-in': 'accounts have a passkey only',
    'passkey-offer': 'every account starts with a passkey',
    'autofill-sign-in': 'the sign-in page starts no autofill request (started with signInOnLoad autofill it does; this adapter still signs in by the button)',
    'cross-device-sign-in': 'no QR code is offered',
    'email-link': 'no email address is kept',
    'second-factor': 'accounts have no password',
    clock: 'the demo has no test hooks',
    'passkey-rename': 'passkeys are not listed anywhere',
    'account-name': 'the account is known by its username only',
  },

  async register(page, baseUrl, username): Promise<CreationView> {
    await page.goto(baseUrl);
    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Register' }).click();
    await signedInOrRefused(page, 'registration');
    // The demo says nothing before or after about where the passkey goes or whether it syncs:
    // no provider named, no warning, no advice, and `saved: null` (silent, not "unknown").
    return { expectedProviders: [], wontSyncWarning: false, saved: null, deviceBoundAdvice: false };
  },

  async signOut(page, baseUrl) {
    if (!(await page.locator('#who').count())) await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
  },

  async signIn(page, baseUrl, method, username) {
    await page.goto(new URL('/signin', baseUrl).href);
    // Where the page starts a sign-in by itself as it loads, its buttons wait until that is over:
    // signed in by then, there is nothing left to click.
    const who = page.locator('#who');
    await who.or(page.locator('#login:enabled')).waitFor({ timeout: 10_000 });
    if (await who.count()) return;
    // Username-first names the account; "discoverable" leaves the field empty for the passkey to say.
    if (method === 'username-first') await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await signedInOrRefused(page, `sign-in (${method})`);
  },

  async signedInAs(page, baseUrl) {
    await page.goto(baseUrl);
    const who = page.locator('#who');
    return (await who.count()) ? (await who.innerText()).trim() : null;
  },
};

export default demo;
