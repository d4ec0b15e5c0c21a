// An adapter for a site the harness has never seen: "Example Shop", whose pages and copy differ from
// the fixture RP's. Copy this file, change the selectors and words to your site's, and run
//   RP_URL=https://staging.example.test RP_ADAPTER=./my-adapter.ts npm run matrix
// Every wait is bounded (Playwright's action timeout); a refusal becomes an RpStepError with the words
// the user saw, so the report can say what went wrong.
import { expect, type Page } from '@playwright/test';
import { RpStepError, type CreationView, type PasskeyView, type RpAdapter, type SignInHelpView } from '../adapter';

/** Waits for the account page, or for the shop's error banner: what the user would see next. */
async function landOnAccount(page: Page, step: string): Promise<void> {
  const banner = page.getByRole('alert');
  const outcome = await Promise.race([
    page.waitForURL('**/my-account**', { timeout: 10_000 }).then(() => 'account' as const),
    banner.waitFor({ timeout: 10_000 }).then(() => 'refused' as const),
  ]);
  if (outcome === 'refused') throw new RpStepError(step, (await banner.innerText()).trim());
}

/** Staging sends the shop's mail to a test inbox with an HTTP API (Mailpit here): where, is the team's setting. */
const TEST_INBOX = process.env.SHOP_TEST_INBOX ?? 'http://127.0.0.1:8025';

/** The newest link to `path` in a mail to `to`, waiting up to 10 s for the mail to arrive in the test inbox. */
async function linkInInbox(page: Page, to: string, path: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const search = await page.request.get(`${TEST_INBOX}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}&limit=1`);
        const [newest] = ((await search.json()) as { messages: { ID: string }[] }).messages;
        if (!newest) return false;
        const message = (await (await page.request.get(`${TEST_INBOX}/api/v1/message/${newest.ID}`)).json()) as { Text: string };
        link = message.Text.match(/https?:\/\/\S+/g)?.find((candidate) => new URL(candidate).pathname.startsWith(path));
        return link !== undefined;
      },
      { timeout: 10_000, message: `a mail to ${to} with a ${path} link in the test inbox` },
    )
    .toBe(true);
  return link!;
}

/** A `<time datetime>` of the shop's page as a Date; null when it is missing or unreadable. */
function shopTime(datetime: string | null): Date | null {
  const at = datetime === null ? Number.NaN : Date.parse(datetime);
  return Number.isNaN(at) ? null : new Date(at);
}

const exampleShop: RpAdapter = {
  name: 'Example Shop',
  // What the shop does not have: the scenarios that need it are reported not applicable, with this reason.
  lacks: {
    'several-passkeys': 'the shop keeps one passkey per account',
    'other-ways-in': 'accounts sign in with passkeys only',
    'passkey-offer': 'every account starts with a passkey',
    'second-factor': 'accounts have no password',
    clock: 'staging has no test hooks',
    'passkey-rename': 'passkeys are named by the device they were made on',
    'account-name': 'the account is known by its email address only',
  },

  async register(page, baseUrl, username): Promise<CreationView> {
    await page.goto(new URL('/join', baseUrl).href);
    await page.getByLabel('Email').fill(`${username}@example.test`);
    await page.getByRole('button', { name: 'Continue with a passkey' }).click();
    await landOnAccount(page, 'registration');
    const saved = page.getByTestId('passkey-saved');
    return {
      expectedProviders: [], // the shop does not say beforehand where the passkey will go
      wontSyncWarning: false,
      saved: { providerName: (await saved.getAttribute('data-provider')) || null, sync: 'unknown' },
      deviceBoundAdvice: (await page.getByText('add a second passkey').count()) > 0,
    };
  },

  async signOut(page, baseUrl) {
    await page.goto(new URL('/my-account', baseUrl).href);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login**', { timeout: 10_000 });
  },

  async signIn(page, baseUrl, method, username) {
    await page.goto(new URL('/login', baseUrl).href);
    if (method === 'username-first') await page.getByLabel('Email').fill(`${username}@example.test`);
    if (method === 'cross-device') await page.getByRole('button', { name: 'Use a phone' }).click();
    else await page.getByRole('button', { name: 'Log in with a passkey' }).click();
    await landOnAccount(page, `sign-in (${method})`);
  },

  async signedInAs(page, baseUrl) {
    await page.goto(new URL('/my-account', baseUrl).href);
    const email = page.getByTestId('account-email');
    return (await email.count()) ? (await email.innerText()).replace(/@example\.test$/, '') : null;
  },

  async listPasskeys(page, baseUrl): Promise<PasskeyView[]> {
    await page.goto(new URL('/my-account/security', baseUrl).href);
    const rows = await page.getByRole('row', { name: /passkey/i }).all();
    return Promise.all(
      rows.map(async (row) => ({
        credentialId: (await row.getAttribute('data-id')) ?? '',
        providerName: (await row.getByTestId('provider').innerText()).trim() || null,
        providerIcon: (await row.getByRole('img').getAttribute('alt')) || null,
        sync: 'unknown' as const,
        createdIn: { os: 'unknown' as const, browser: 'unknown' as const, label: (await row.getByTestId('device').innerText()).trim() },
        // The shop shows "Added <time datetime=...>" and "Last used <time>" or "Never used".
        createdAt: shopTime(await row.getByTestId('added').locator('time').getAttribute('datetime')),
        lastUsedAt: (await row.getByText('Never used').count()) ? ('never' as const) : shopTime(await row.getByTestId('last-used').locator('time').getAttribute('datetime')),
      })),
    );
  },

  async suggestsAnotherProvider(page, baseUrl) {
    await page.goto(new URL('/my-account/security', baseUrl).href);
    // One message for every reason, naming no provider: the reasons cannot be told apart.
    return (await page.getByText('Add a backup passkey').count()) > 0 ? { reasons: [], provider: null } : null;
  },

  async deletePasskey(page, baseUrl, credentialId, confirmLosingAccess) {
    await page.goto(new URL('/my-account/security', baseUrl).href);
    await page.locator(`[data-id="${credentialId}"]`).getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog');
    if (await dialog.count()) await dialog.getByRole('button', { name: confirmLosingAccess ? 'Remove anyway' : 'Keep it' }).click();
    return (await page.locator(`[data-id="${credentialId}"]`).count()) ? 'refused' : 'deleted';
  },

  // Email sign-in links: the account's email is its login; the link is switched on in its settings.
  async addEmailWayIn(page, baseUrl) {
    await page.goto(new URL('/my-account/security', baseUrl).href);
    await page.getByRole('switch', { name: 'Email me sign-in links' }).check();
  },

  async requestEmailLink(page, baseUrl, username) {
    await page.goto(new URL('/login', baseUrl).href);
    await page.getByLabel('Email').fill(`${username}@example.test`);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    return linkInInbox(page, `${username}@example.test`, '/login/link');
  },

  async openEmailLink(page, _baseUrl, link) {
    await page.goto(link);
    await landOnAccount(page, 'email link sign-in');
    return { passkeyOffered: false };
  },

  async signInHelp(page, _baseUrl, username): Promise<SignInHelpView> {
    // As the user goes on from the failed sign-in: the shop's "Trouble signing in?" link, then who they are.
    const trouble = page.getByRole('link', { name: 'Trouble signing in?' });
    if (!(await trouble.count())) throw new RpStepError('looking for help after the failed sign-in', 'the failure offers no way onward');
    await trouble.click();
    await page.waitForLoadState();
    const email = page.getByLabel('Email');
    if (await email.count()) {
      await email.fill(`${username}@example.test`);
      await page.getByRole('button', { name: 'Show my options' }).click();
      await page.waitForLoadState();
    }
    const providers = await page.getByTestId('passkey-provider').allInnerTexts();
    return {
      providers: providers.map((name) => ({ name: name.trim(), reachable: 'maybe' })),
      crossDevice: (await page.getByRole('button', { name: 'Use a phone' }).count()) > 0,
      otherWays: (await page.getByRole('link', { name: 'Email me a link' }).count()) > 0 ? ['email-link'] : [],
      recoveryPath: (await page.getByRole('link', { name: 'Contact support' }).count()) > 0,
    };
  },
};

export default exampleShop;
