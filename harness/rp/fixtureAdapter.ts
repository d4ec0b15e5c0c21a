import type { Locator, Page } from '@playwright/test';
import { BrowserId, OsId, SyncFlag } from '../matrix/schema';
import { pickAutofillPasskey } from '../browser/autofillHold';
import { iconShown } from './fixtureIcons';
import { pageOutcome } from './pageOutcome';
import { RpNoAnswerError, RpStepError, type AnotherProviderReason, type CreationView, type DeleteOutcome, type PasskeyView, type Reachability, type RpAdapter, type SignInMethod, type SignInHelpView, type WayIn } from './adapter';
import { addEmailWayIn, confirmedInWords, declinePasskeyOffer, fixtureClock, openEmailLink, requestEmailLink, signInWithPassword, signInWithPastCode, signInWithWrongCode, signInWithWrongPassword, signUpWithPassword, shown } from './fixtureWaysIn';

/** Waits for the page to reach `path`, or for the RP's failure message. */
async function outcome(page: Page, step: string, path: string, failureCode: string): Promise<void> {
  await pageOutcome(page, step, [path], [failureCode]);
}

function oneOf<T extends string>(options: readonly T[], value: string | null): T | 'unknown' {
  return value !== null && (options as readonly string[]).includes(value) ? (value as T) : 'unknown';
}

/** What the fixture RP's register page scripts put on `window` (rpApi.js, SimpleWebAuthn's browser bundle). */
interface RegisterPageScripts {
  FixtureRpApi: { postJSON(url: string, body: unknown): Promise<unknown> };
  SimpleWebAuthnBrowser: { startRegistration(options: { optionsJSON: unknown }): Promise<unknown> };
}

/** Pages that sign-out just left on a fresh sign-in page, and that page's URL. */
const freshSignInPage = new WeakMap<Page, string>();

/**
 * The sync state the user reads on the management page, from the fixture RP's words for each: the
 * page must say it, not only carry it in markup a user never sees.
 */
/** The help page's words for whether a provider works here (pages/signinHelp.ts), read as the user reads them. */
const REACH_WORDS: Record<string, Reachability> = { 'Should work here.': 'yes', 'May work here.': 'maybe', 'Not usable here.': 'no' };
const SYNC_WORDS: Record<string, SyncFlag> = { Synced: 'synced', 'Can sync, not backed up yet': 'eligible', 'Only on this device': 'device-bound' };

function syncShown(words: string): SyncFlag | 'unknown' {
  return SYNC_WORDS[words.trim()] ?? 'unknown';
}

/** The fixture RP's words for an AAGUID it cannot name. */
function knownProvider(shown: string): string | null {
  return shown === 'Unknown provider' ? null : shown;
}

/**
 * Where the saved message says the passkey went, in its words (pages/account.ts): "Your passkey was
 * saved in <provider>."; null when it says it cannot tell which provider holds it; undefined when it
 * says neither.
 */
function savedIn(words: string): string | null | undefined {
  if (/^Your passkey was saved, but we cannot tell which passkey provider holds it\./.test(words)) return null;
  return /^Your passkey was saved in (.+?)\.(?:\s|$)/.exec(words)?.[1];
}

/** The saved message's words for each sync state, as the user reads them (pages/account.ts). */
const SAVED_SYNC_WORDS: [string, SyncFlag][] = [
  ['It is synced and backed up', 'synced'],
  ['It can sync, but it is not backed up yet', 'eligible'],
  ['It is only on this device', 'device-bound'],
];

function savedSync(words: string): SyncFlag | 'unknown' {
  return SAVED_SYNC_WORDS.find(([said]) => words.includes(said))?.[1] ?? 'unknown';
}

/** The advice for a passkey not backed up yet, as the user reads it (pages/account.ts): what it is, and what to do. */
const NOT_BACKED_UP_WORDS = /\bnot backed up yet\b.*\bonly on this device\b.*\b(?:turned on|second passkey)\b/s;

/** On the register page: reads what it says will happen, creates the passkey, reads what it says happened. */
async function createPasskey(page: Page, step: string): Promise<CreationView> {
  const expected = page.locator('[data-message="creation.expected-provider"]');
  const advised = (await expected.count()) > 0;
  const named = advised ? await expected.getAttribute('data-provider') : null;
  const alternatives = advised ? ((await expected.getAttribute('data-alternatives')) ?? '') : '';
  // The user reads the advice, not its markup: a provider counts as named only where the words name it.
  const words = advised ? (await expected.innerText()).toLowerCase() : '';
  const expectedProviders = [named ?? '', ...alternatives.split(',')].filter((name) => name && name !== 'none' && name !== 'unknown' && words.includes(name.toLowerCase()));
  const warning = page.locator('[data-message="creation.wont-sync"]');
  const wontSyncWarning = (await warning.count()) > 0 && (await warning.first().innerText()).trim() !== '';
  await page.locator('#create-passkey').click();
  await outcome(page, step, '/account', 'registration.failed');
  const saved = page.locator('[data-message="creation.saved"]');
  await saved.waitFor({ timeout: 10_000 });
  const savedWords = (await saved.innerText()).trim();
  await noLooseWords(page, step, 'the management page');
  const where = savedIn(savedWords);
  return {
    expectedProviders,
    wontSyncWarning,
    // A saved message that says nothing of where the passkey went tells the user nothing of it.
    saved: where === undefined ? null : { providerName: where, sync: savedSync(savedWords) },
    deviceBoundAdvice: (await page.locator('[data-message="creation.device-bound-advice"]').count()) > 0,
    notBackedUpAdvice: NOT_BACKED_UP_WORDS.test(await wordsNow(page.locator('[data-message="creation.not-backed-up"]'))),
  };
}

/** The fixture RP's icon for a provider it cannot name is the question mark, `unknown`. */
/**
 * The time a `<time datetime>` field shows, or null when the page shows none, an unreadable one, or
 * words that do not say the same minute (the fixture RP writes "2026-11-29 14:05 UTC"): the user
 * reads the words, not the attribute.
 */
async function timeShown(field: Locator): Promise<Date | null> {
  const datetime = (await field.count()) ? await field.getAttribute('datetime') : null;
  const at = datetime === null ? Number.NaN : Date.parse(datetime);
  if (Number.isNaN(at)) return null;
  const words = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC$/.exec((await field.innerText()).trim());
  const sameMinute = words !== null && `${words[1]}T${words[2]}` === new Date(at).toISOString().slice(0, 16);
  return sameMinute ? new Date(at) : null;
}

/** A passkey's "Last used": its time, 'never', or null when the item says neither. */
async function lastUsedShown(item: Locator): Promise<Date | 'never' | null> {
  const field = item.locator('[data-field="last-used"]');
  if (!(await field.count())) return null;
  if ((await field.getAttribute('datetime')) === null) return (await field.innerText()).trim() === 'never' ? 'never' : null;
  return timeShown(field);
}

/**
 * A management page that lists no passkeys says so, and says what it means for signing in, truthfully:
 * with no other way in listed, that the user cannot sign in again once signed out; with one, that they
 * sign in that way for now (pages/account.ts). An empty list with no words leaves the user guessing.
 */
async function noPasskeysExplained(page: Page): Promise<void> {
  const step = 'reading the management page with no passkeys';
  const words = await wordsNow(page.locator('[data-message="passkeys.none"]'));
  if (!/\bno passkeys\b/.test(words)) throw new RpStepError(step, `the page lists no passkeys and does not say so ("${words}")`);
  const otherWays = (await page.locator('[data-testid="other-ways-in"] li').count()) > 0;
  const locksOut = /\bcannot sign in again\b/.test(words);
  const anotherWay = /\bsign in another way\b/.test(words);
  if (otherWays ? locksOut || !anotherWay : !locksOut) {
    throw new RpStepError(step, `the page says "${words}", but it lists ${otherWays ? 'another way in' : 'no other way in'}`);
  }
}

/** A picture that has not decoded by then is one the user sees broken. */
const ICON_DECODE_MS = 5_000;

/**
 * Whose icon a passkey's picture draws, read from the picture (`iconShown`). A picture that does not
 * load shows the user a broken-image mark: no icon, and not the question mark either.
 */
async function iconRead(item: Locator): Promise<string | null> {
  const icon = item.locator('[data-field="provider-icon"]');
  const src = await icon.getAttribute('src');
  const loads = await icon.evaluate(
    (img: HTMLImageElement, ms: number) => Promise.race([img.decode().then(() => true, () => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]),
    ICON_DECODE_MS,
  );
  if (!loads) throw new RpStepError('reading the management page', `a passkey's icon is a picture that does not load (src "${(src ?? '').slice(0, 80)}")`);
  return iconShown(src);
}

/** Waits for the help page (for `username`, when given) to load after a click. */
async function helpOpened(page: Page, step: string, username?: string): Promise<void> {
  const opened = (url: URL) => url.pathname === '/signin/help' && (username === undefined || url.searchParams.get('username') === username);
  await page.waitForURL(opened, { timeout: 10_000 }).catch((error: Error) => {
    throw new RpNoAnswerError(step, `the help page did not open within 10 s: ${error.message.split('\n')[0]}`);
  });
}

/** The help page's links to the other ways in, by the words the user reads (pages/signinHelp.ts). */
const WAYS_IN_BY_WORDS: Record<string, WayIn> = { 'Password and authenticator app': 'password', 'Email me a sign-in link': 'email-link' };

/** The management page's list of other ways in, by the words the user reads (pages/account.ts, waysInStore.ts). */
const LISTED_WAYS: [RegExp, WayIn][] = [
  [/^Password and authenticator app$/, 'password'],
  [/^Email sign-in link to \S+@\S+$/, 'email-link'],
];

/** Every line of the management page's "Other ways in", each one a way in by its words. */
async function otherWaysListed(page: Page, step: string): Promise<WayIn[]> {
  const lines = (await page.locator('[data-testid="other-ways-in"] li').allInnerTexts()).map((line) => line.trim());
  return lines.map((line) => {
    const way = LISTED_WAYS.find(([words]) => words.test(line))?.[1];
    if (!way) throw new RpStepError(step, `the management page lists "${line}" among the other ways in, which names none`);
    return way;
  });
}

/** What the help page says went wrong, in words; '' when it says nothing of the failure the link carried. */
async function failureRestated(page: Page): Promise<string> {
  const words = page.locator('[data-message="signin.failed"] [data-field="what-failed"]');
  return (await words.count()) ? (await words.first().innerText()).trim() : '';
}

/** The help's list of other ways in, read as the user reads it: every line a link to a way in, and nothing else. */
async function otherWaysOffered(page: Page, step: string): Promise<WayIn[]> {
  const section = page.locator('[data-message="signin-help.other-ways"]');
  const links = (await section.locator('ul a').allInnerTexts()).map((text) => text.trim());
  const lines = (await section.locator('ul').allInnerTexts()).flatMap((text) => text.split('\n')).map((line) => line.trim()).filter(Boolean);
  const known = Object.keys(WAYS_IN_BY_WORDS);
  for (const line of lines) {
    if (!known.includes(line) || !links.includes(line)) {
      throw new RpStepError(step, `the help lists "${line}" among the other ways in, which is no link to any of: ${known.join(', ')}`);
    }
  }
  return links.flatMap((text) => (known.includes(text) ? [WAYS_IN_BY_WORDS[text]!] : []));
}

/**
 * Words a page shows loose in its main content: text that sits straight in a container (the main
 * content, a section, a box, a list, a form) rather than in a heading, paragraph, label, button,
 * link, list item or field a user reads as one part. None are written for the user. A live region's
 * own words (`aria-live`, a status or alert) are announced there on purpose; hidden parts show nothing.
 * Read from the page as loaded, without waiting: a page with no main content has none.
 */
async function looseWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const containers = new Set(['MAIN', 'SECTION', 'DIV', 'UL', 'OL', 'DL', 'FORM', 'ARTICLE', 'NAV', 'ASIDE', 'HEADER', 'FIELDSET', 'TABLE', 'TBODY', 'TR']);
    const main = document.querySelector('main');
    if (!main) return [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const words: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || !containers.has(parent.tagName) || !parent.checkVisibility()) continue;
      if (parent.closest('[aria-live], [role="status"], [role="alert"]')) continue;
      words.push(text);
    }
    return words;
  });
}

/** Fails the step when the page shows loose words (looseWords), naming them. */
async function noLooseWords(page: Page, step: string, what: string): Promise<void> {
  const loose = await looseWords(page);
  if (loose.length) throw new RpStepError(step, `${what} shows words that belong to none of its parts: "${loose.join('", "')}"`);
}

/** A part's words as the loaded page shows them, '' when it has no such part: never a wait for a part that may not come. */
async function wordsNow(part: Locator): Promise<string> {
  return (await part.count()) ? (await part.first().innerText()).trim() : '';
}

/** The fixture RP's why for a passkey whose provider it cannot tell (providerReach.ts): it says it does not know the provider, whatever the label. */
const PROVIDER_UNKNOWN_WHY = /^We cannot tell which provider holds this passkey\b/;

/** The fixture RP's why where it says it does not know the system or browser (providerReach.ts). */
const ENVIRONMENT_UNKNOWN_WHY = /\bcould not tell which (browser|device)\b/i;
/** Its footer's words for a system or browser it cannot name (environment.ts' labels). */
const ENVIRONMENT_UNNAMED = /\bUnknown browser\b|\bunknown OS\b/;

/** Every page's title ends with the site's name (pages/layout.ts); what comes before it is the page's own. */
const SITE_TITLE = /\s*·\s*Passkey Matrix Fixture$/;

/** The page's own title, as the browser's tab and a screen reader give it, without the site's name. */
async function ownTitle(page: Page): Promise<string> {
  return (await page.title()).trim().replace(SITE_TITLE, '').trim();
}

/**
 * A passkey-only account's way to recover, followed as the user follows it: the help's support link
 * must open a page that says how to reach support. Then back to the help, where the user goes on.
 */
async function recoveryExplained(page: Page, step: string): Promise<boolean> {
  const explained = page.locator('[data-message="signin-help.passkey-only"]');
  if (!(await explained.count())) return false;
  const helpUrl = page.url();
  const supportStep = `${step}: contacting support`;
  const contact = explained.locator('#contact-support');
  if (!(await contact.count())) throw new RpStepError(supportStep, 'the help sends the user to support but gives no "Contact support" link');
  await contact.click();
  await page.waitForURL((url) => url.href !== helpUrl, { timeout: 10_000 }).catch((error: Error) => {
    throw new RpNoAnswerError(supportStep, `the "Contact support" link opened nothing within 10 s: ${error.message.split('\n')[0]}`);
  });
  const support = page.locator('[data-message="support.contact"]');
  if (!(await support.count())) throw new RpStepError(supportStep, `the "Contact support" link led to no support page (at ${new URL(page.url()).pathname}): "${(await page.locator('body').innerText()).trim().slice(0, 200)}"`);
  await confirmedInWords(support.first(), supportStep, 'support.contact');
  // A tab and a screen reader name the page by its title (WCAG 2.4.2), as they do the help's.
  if (!(await ownTitle(page))) throw new RpStepError(supportStep, 'the support page has no title of its own');
  await page.goBack({ timeout: 10_000 });
  await page.waitForURL(helpUrl, { timeout: 10_000 });
  return true;
}

/**
 * The management page's confirmations (rp-fixture/README.md) are statuses: shown as done and
 * announced to screen readers as such, not as an alert or a mere note.
 */
async function confirmedAsDone(page: Page, step: string, code: string): Promise<void> {
  const role = await page.locator(`[data-message="${code}"]`).first().getAttribute('role');
  if (role !== 'status') throw new RpStepError(step, `the page confirmed it (${code}) but not as done: its role is ${JSON.stringify(role)}, not "status"`);
}

/** Words inside a form outside each of its labels and buttons: none are written for the user. */
async function strayWords(form: Locator): Promise<string[]> {
  return form.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const words: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && !node.parentElement?.closest('label, button')) words.push(text);
    }
    return words;
  });
}

/** The words of the label of a field or box the user fills (`label for` its id, within `scope`); '' when it has none. */
async function labelWords(scope: Locator | Page, input: Locator): Promise<string> {
  const id = await input.first().getAttribute('id');
  const label = id === null ? null : scope.locator(`label[for="${id}"]`);
  return label && (await label.count()) ? (await label.first().innerText()).trim() : '';
}

/** A field or box the user fills must say in words what it is for. */
async function saysWhatItIsFor(scope: Locator | Page, input: Locator, step: string, what: string): Promise<void> {
  if (!(await labelWords(scope, input))) throw new RpStepError(step, `${what} says nothing of what it is for`);
}

/**
 * The status of the next page load in `page` that fails (4xx or 5xx), once that page has loaded;
 * rejects after 10 s without one. Call it before the click that loads the page: it listens from then.
 */
async function failedPageLoad(page: Page): Promise<number> {
  // The next document's own event: the page shown before the click has loaded already.
  const loaded = page.waitForEvent('domcontentloaded', { timeout: 10_000 });
  loaded.catch(() => undefined);
  const response = await page.waitForResponse((answer) => answer.request().isNavigationRequest() && answer.frame() === page.mainFrame() && answer.status() >= 400, { timeout: 10_000 });
  await loaded;
  return response.status();
}

/** Drives the fixture RP through its pages and its `data-message` / `data-field` contract. */
export const fixtureAdapter: RpAdapter = {
  name: 'fixture RP',

  async register(page, baseUrl, username) {
    await page.goto(new URL('/register', baseUrl).href);
    await page.locator('#username').fill(username);
    return createPasskey(page, 'registration');
  },

  // The register page's own calls (its API helpers and SimpleWebAuthn, the same ceremony and
  // options), then the account page's sign-out form, without the clicks and page loads between.
  async arrangePasskeyAccount(page, baseUrl, username) {
    await page.goto(new URL('/register', baseUrl).href);
    const failure = await page.evaluate(async (name) => {
      const { FixtureRpApi, SimpleWebAuthnBrowser } = window as unknown as RegisterPageScripts;
      try {
        const optionsJSON = await FixtureRpApi.postJSON('/api/registration/options', { username: name });
        await FixtureRpApi.postJSON('/api/registration/verify', await SimpleWebAuthnBrowser.startRegistration({ optionsJSON }));
        // Signed in, in a new session: its token is on the account page, as the sign-out form carries it.
        const account = new DOMParser().parseFromString(await (await fetch('/account')).text(), 'text/html');
        const token = account.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
        const signedOut = await fetch('/signout', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: token }) });
        return new URL(signedOut.url).pathname === '/signin' ? null : `signing out ended on ${new URL(signedOut.url).pathname} (${signedOut.status})`;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    }, username);
    if (failure !== null) throw new RpStepError('registration (through the API)', failure);
  },

  async addPasskey(page, baseUrl) {
    if (new URL(page.url()).pathname !== '/account') await page.goto(new URL('/account', baseUrl).href);
    await page.locator('#add-passkey').click();
    await page.waitForURL((url) => url.pathname === '/register', { timeout: 10_000 });
    return createPasskey(page, 'adding a passkey');
  },

  async signOut(page, baseUrl) {
    if (new URL(page.url()).pathname !== '/account') await page.goto(new URL('/account', baseUrl).href);
    await page.locator('#signout').click();
    await page.waitForURL((url) => url.pathname === '/signin', { timeout: 10_000 });
    freshSignInPage.set(page, page.url());
  },

  async signIn(page, baseUrl, method: SignInMethod, username) {
    // Signing out lands on a fresh sign-in page: loading it again would only cost a round trip.
    const fresh = freshSignInPage.get(page) === page.url();
    freshSignInPage.delete(page);
    if (!fresh) await page.goto(new URL('/signin', baseUrl).href);
    if (method === 'cross-device') {
      // As the user finds it: the sign-in page's "Can't use your passkey?", where a phone is offered before any username is asked.
      await page.locator('#signin-help').click();
      await helpOpened(page, 'sign-in (cross-device)');
      const phone = page.locator('#signin-hybrid');
      if (!(await phone.count())) throw new RpStepError('sign-in (cross-device)', 'the page offers no sign-in with a phone or tablet');
      await phone.click();
      return outcome(page, 'sign-in (cross-device)', '/account', 'signin-help.cross-device-failed');
    }
    if (method === 'discoverable') {
      await page.locator('#signin-passkey').click();
    } else if (method === 'username-first') {
      await page.locator('#username').fill(username);
      await page.locator('#signin-continue').click();
    } else {
      await page.locator('#username').focus();
      await pickAutofillPasskey(page);
    }
    await outcome(page, `sign-in (${method})`, '/account', 'signin.failed');
  },

  async signedInAs(page, baseUrl) {
    if (new URL(page.url()).pathname !== '/account') await page.goto(new URL('/account', baseUrl).href);
    const name = page.locator('[data-testid="account-username"]');
    return (await name.count()) ? (await name.innerText()).trim() : null;
  },

  async listPasskeys(page, baseUrl): Promise<PasskeyView[]> {
    if (new URL(page.url()).pathname !== '/account') await page.goto(new URL('/account', baseUrl).href);
    await noLooseWords(page, 'reading the management page', 'the management page');
    // The tab and a screen reader name the page by its title first (WCAG 2.4.2): the site's name alone says nothing.
    if (!(await ownTitle(page))) throw new RpStepError('reading the management page', 'the management page has no title of its own');
    const items = await page.locator('[data-testid="passkey"]').all();
    if (!items.length) await noPasskeysExplained(page);
    const views: PasskeyView[] = [];
    for (const item of items) {
      const nickname = item.locator('[data-field="nickname"]');
      views.push({
        credentialId: (await item.getAttribute('data-credential-id')) ?? '',
        providerName: knownProvider((await item.locator('[data-field="provider"]').innerText()).trim()),
        providerIcon: await iconRead(item),
        sync: syncShown(await item.locator('[data-field="sync"]').innerText()),
        createdIn: {
          os: oneOf(OsId.options, await item.getAttribute('data-created-os')),
          browser: oneOf(BrowserId.options, await item.getAttribute('data-created-browser')),
          label: (await item.locator('[data-field="created-in"]').innerText()).trim(),
        },
        createdAt: await timeShown(item.locator('[data-field="created-at"]')),
        lastUsedAt: await lastUsedShown(item),
        name: (await nickname.count()) ? (await nickname.innerText()).trim() : null,
      });
    }
    return views;
  },

  signUpWithoutPasskey: signUpWithPassword,
  signInWithoutPasskey: signInWithPassword,
  signInWithWrongCode,
  signInWithPastCode,
  signInWithWrongPassword,
  addEmailWayIn,
  requestEmailLink,
  openEmailLink,
  // The fixture RP's pages and mails say a link works "once, within 15 minutes".
  emailLinkLifetimeSeconds: 15 * 60,

  async environmentShown(page, baseUrl) {
    // Every page says it in its footer; the sign-in page is there for anyone, signed in or not. A page
    // that fails to load (5xx) is no page that says nothing: the cell fixtures make that cell an error.
    await page.goto(new URL('/signin', baseUrl).href);
    const footer = page.locator('[data-message="environment.detected"]');
    return (await footer.count()) ? (await footer.innerText()).trim() : null;
  },
  declinePasskeyOffer: (page) => declinePasskeyOffer(page),
  clock: fixtureClock,

  async suggestsAnotherProvider(page, baseUrl) {
    if (new URL(page.url()).pathname !== '/account') await page.goto(new URL('/account', baseUrl).href);
    const noneSyncs = (await page.locator('[data-message="passkeys.all-device-bound"]').count()) > 0;
    const oneProvider = page.locator('[data-message="passkeys.one-provider"]');
    // The provider as the words name it ("All your passkeys are in <provider>."), not from markup.
    const named = (await oneProvider.count()) ? /are in (.+?)\. If you lose/.exec(await oneProvider.innerText())?.[1] ?? null : undefined;
    if (!noneSyncs && named === undefined) return null;
    const reasons: AnotherProviderReason[] = [...(noneSyncs ? (['none-syncs'] as const) : []), ...(named !== undefined ? (['one-provider'] as const) : [])];
    return { reasons, provider: named ?? null };
  },

  async deletePasskey(page, baseUrl, credentialId, confirmLosingAccess): Promise<DeleteOutcome> {
    const step = 'deleting a passkey';
    if (new URL(page.url()).pathname !== '/account') await page.goto(new URL('/account', baseUrl).href);
    const item = page.locator(`[data-testid="passkey"][data-credential-id="${credentialId}"]`);
    if (!(await item.count())) throw new RpStepError(step, `the management page does not list passkey ${credentialId}`);
    const button = item.locator('[data-testid="delete-passkey"]');
    if (!(await button.count())) throw new RpStepError(step, `the management page offers no way to delete passkey ${credentialId}`);
    const form = button.locator('xpath=ancestor::form');
    if (!(await form.count())) throw new RpStepError(step, `the delete button of passkey ${credentialId} is in no form`);
    const stray = await strayWords(form);
    if (stray.length) throw new RpStepError(step, `the delete form shows words that belong to none of its parts: "${stray.join('", "')}"`);
    const confirm = form.locator('input[name="confirm-lose-access"]');
    if (await confirm.count()) await saysWhatItIsFor(form, confirm, step, 'the box to tick before deleting the last way in');
    if (confirmLosingAccess && (await confirm.count())) await confirm.check();
    const deleted = page.locator('[data-message="passkey.deleted"]');
    const refused = page.locator('[data-message="passkey.delete-last-refused"]');
    const errorPage = failedPageLoad(page);
    await button.click();
    const first = await Promise.race([deleted.or(refused).waitFor({ timeout: 10_000 }).then(() => null), errorPage]).catch((error: Error) => {
      throw new RpNoAnswerError(step, `neither deleted nor refused within 10 s: ${error.message.split('\n')[0]}`);
    });
    errorPage.catch(() => undefined);
    // A page that failed to load (an error status) and is not the refusal: the user is told neither outcome.
    if (first !== null && !(await deleted.or(refused).count())) {
      throw new RpStepError(step, `the delete led to an HTTP ${first} page that neither confirms nor refuses it: "${(await page.locator('body').innerText()).trim().slice(0, 200)}"`);
    }
    // A refusal the user cannot read leaves them stuck: it must say why, as a confirmation must say what.
    if (!(await deleted.count())) {
      await confirmedInWords(refused, step, 'passkey.delete-last-refused');
      return 'refused';
    }
    await confirmedInWords(deleted, step, 'passkey.deleted');
    await confirmedAsDone(page, step, 'passkey.deleted');
    return 'deleted';
  },

  async otherWaysListed(page, baseUrl) {
    if (new URL(page.url()).pathname !== '/account') await page.goto(new URL('/account', baseUrl).href);
    return otherWaysListed(page, 'reading the other ways in on the management page');
  },

  async renamePasskey(page, baseUrl, credentialId, name): Promise<void> {
    if (new URL(page.url()).pathname !== '/account') await page.goto(new URL('/account', baseUrl).href);
    const item = page.locator(`[data-testid="passkey"][data-credential-id="${credentialId}"]`);
    if (!(await item.count())) throw new RpStepError('renaming a passkey', `the management page does not list passkey ${credentialId}`);
    const field = item.locator('input[name="nickname"]');
    await saysWhatItIsFor(item, field, 'renaming a passkey', "the field for the passkey's name");
    await field.fill(name);
    await item.locator('[data-testid="rename-passkey"]').click();
    await shown(page, 'renaming a passkey', 'passkey.renamed', 'passkey.rename-invalid');
    await confirmedAsDone(page, 'renaming a passkey', 'passkey.renamed');
  },

  async renameAccount(page, baseUrl, displayName): Promise<void> {
    if (new URL(page.url()).pathname !== '/account') await page.goto(new URL('/account', baseUrl).href);
    const field = page.locator('#display-name');
    await saysWhatItIsFor(page, field, "changing the account's name", "the field for the account's name");
    await field.fill(displayName);
    await page.locator('[data-testid="change-account-name"]').click();
    await shown(page, "changing the account's name", 'account.renamed', 'account.rename-invalid');
    await confirmedAsDone(page, "changing the account's name", 'account.renamed');
  },

  async signInHelp(page, _baseUrl, username): Promise<SignInHelpView> {
    const step = 'looking for help after the failed sign-in';
    const failure = page.locator('[data-message="signin.failed"]');
    if (!(await failure.count())) throw new RpStepError(step, `the page shows no failed sign-in to go on from (at ${new URL(page.url()).pathname})`);
    const link = failure.locator('#signin-failed-help');
    if (!(await link.count())) throw new RpStepError(step, `the failure offers no way onward: "${(await failure.innerText()).trim()}"`);
    // The link carries what failed; the help page then says it again, before what to do next.
    const carriesFailure = new URL((await link.getAttribute('href')) ?? '', page.url()).searchParams.has('error');
    await link.click();
    await helpOpened(page, step);
    const whatFailed = carriesFailure ? await failureRestated(page) : undefined;
    // A sign-in that named no account (the passkey button) leads to help that asks who the user is.
    const askedWho = page.locator('#help-username-form');
    if (await askedWho.count()) {
      await askedWho.locator('#help-username').fill(username);
      await askedWho.locator('#help-lookup').click();
      await helpOpened(page, step, username);
    }
    // Told who the user is (by the failed sign-in or the form), the help does not ask again.
    if (new URL(page.url()).searchParams.has('username') && (await askedWho.count())) {
      throw new RpStepError(step, 'the help for a named account still asks who the user is');
    }
    const providers: SignInHelpView['providers'] = [];
    // What the same page says the user is on (its footer): a why may not take it back.
    const detected = await wordsNow(page.locator('[data-message="environment.detected"]'));
    for (const item of await page.locator('[data-message="signin-help.providers"] [data-provider]').all()) {
      const shownName = await item.getAttribute('data-provider');
      const label = shownName ?? 'a provider';
      const reach = await wordsNow(item.locator('[data-field="reach"]'));
      const reachable = REACH_WORDS[reach];
      if (!reachable) throw new RpStepError(step, `the help says of ${label} "${reach}", which is none of ${Object.keys(REACH_WORDS).join(' ')}`);
      const why = await wordsNow(item.locator('[data-field="why"]'));
      if (ENVIRONMENT_UNKNOWN_WHY.test(why) && detected && !ENVIRONMENT_UNNAMED.test(detected)) {
        throw new RpStepError(step, `the help says of ${label} "${why}", though the same page names what the user is on: "${detected}"`);
      }
      // A why that says the site cannot tell the provider takes back the name beside it: the user is told it is not known.
      const name = PROVIDER_UNKNOWN_WHY.test(why) ? null : knownProvider(shownName ?? '');
      providers.push({ name, reachable, why });
    }
    await noLooseWords(page, step, 'the help');
    const otherWays = await otherWaysOffered(page, step);
    const title = await ownTitle(page);
    const crossDevice = (await page.locator('[data-message="signin-help.cross-device"] #signin-hybrid').count()) > 0;
    const recoveryPath = await recoveryExplained(page, step);
    return { providers, crossDevice, otherWays, recoveryPath, title, ...(whatFailed === undefined ? {} : { whatFailed }) };
  },
};
