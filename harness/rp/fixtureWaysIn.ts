import type { Locator, Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { RpNoAnswerError, RpStepError, type AfterSignIn, type PastCode, type RpClock, type WayIn } from './adapter';
import { pageOutcome } from './pageOutcome';

/** What the user keeps to sign in to the fixture RP without a passkey: a password and an authenticator app. */
interface PasswordLogin {
  password: string;
  totpSecret: string;
  /** The last 30-second step whose code was used: the RP takes each code once. */
  lastStep: number | null;
}

const TOTP_PERIOD_MS = 30_000;
/** Per RP and username, as the user's password manager and authenticator app would hold them. */
const logins = new Map<string, PasswordLogin>();

/** The fixture RP's clock, through its test hook (`--test-hooks`). */
export const fixtureClock: RpClock = {
  async advance(page, baseUrl, seconds) {
    const answer = await page.request.post(new URL('/test-hooks/clock', baseUrl).href, { data: { advanceSeconds: seconds }, timeout: 10_000 });
    if (!answer.ok()) {
      throw new Error(`The RP's clock cannot be moved (${answer.status()} from /test-hooks/clock): start the fixture RP with --test-hooks.`);
    }
  },
  async now(page, baseUrl) {
    const answer = await page.request.get(new URL('/test-hooks/clock', baseUrl).href, { timeout: 10_000 });
    if (!answer.ok()) throw new Error(`The RP's clock cannot be read (${answer.status()} from /test-hooks/clock): start the fixture RP with --test-hooks.`);
    return new Date(((await answer.json()) as { now: string }).now);
  },
};

/** The RP's time: its test clock where it has one, else this machine's. */
async function rpNow(page: Page, baseUrl: string): Promise<number> {
  const answer = await page.request.get(new URL('/test-hooks/clock', baseUrl).href, { timeout: 10_000 });
  if (!answer.ok()) return Date.now();
  return new Date(((await answer.json()) as { now: string }).now).getTime();
}

function totpAt(login: PasswordLogin, timestamp: number): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_MS / 1000, secret: Secret.fromBase32(login.totpSecret) }).generate({ timestamp });
}

/** The authenticator app's code now; a code already used means the person waits for the next one. */
async function nextCode(page: Page, baseUrl: string, login: PasswordLogin): Promise<string> {
  let now = await rpNow(page, baseUrl);
  if (login.lastStep !== null && Math.floor(now / TOTP_PERIOD_MS) <= login.lastStep) {
    const waitMs = (login.lastStep + 1) * TOTP_PERIOD_MS - now;
    await fixtureClock.advance(page, baseUrl, Math.ceil(waitMs / 1000));
    now += Math.ceil(waitMs / 1000) * 1000;
  }
  login.lastStep = Math.floor(now / TOTP_PERIOD_MS);
  return totpAt(login, now);
}

function afterSignIn(path: string): AfterSignIn {
  return { passkeyOffered: path === '/promote-passkey' };
}

/** Signs up with a password and an authenticator app, as the fixture RP's "Prefer a password?" page asks. */
export async function signUpWithPassword(page: Page, baseUrl: string, username: string): Promise<AfterSignIn & { way: WayIn }> {
  const login: PasswordLogin = { password: `Pm-${username}-not-a-passkey`, totpSecret: '', lastStep: null };
  await page.goto(new URL('/signup/password', baseUrl).href);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(login.password);
  await page.locator('#signup-password-continue').click();
  await pageOutcome(page, 'password sign-up', ['/authenticator-setup'], ['signup.invalid', 'signup.username-taken']);
  login.totpSecret = (await page.locator('[data-testid="totp-secret"]').innerText()).trim();
  await page.locator('#totp-code').fill(await nextCode(page, baseUrl, login));
  await page.locator('#totp-confirm').click();
  const landed = await pageOutcome(page, 'authenticator app setup', ['/account', '/promote-passkey'], ['totp.invalid']);
  logins.set(`${baseUrl}|${username}`, login);
  return { way: 'password', ...afterSignIn(landed) };
}

function loginOf(baseUrl: string, username: string, step: string): PasswordLogin {
  const login = logins.get(`${baseUrl}|${username}`);
  if (!login) throw new RpStepError(step, `no password was set up for ${username} in this run`);
  return login;
}

async function submitPasswordSignIn(page: Page, baseUrl: string, step: string, username: string, password: string, code: string): Promise<AfterSignIn> {
  await followLinkToSignIn(page, baseUrl, step, PASSWORD_SIGN_IN);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#totp-code').fill(code);
  await page.locator('#signin-password-submit').click();
  return afterSignIn(await pageOutcome(page, step, ['/account', '/promote-passkey'], ['password.failed', 'password.throttled']));
}

export async function signInWithPassword(page: Page, baseUrl: string, username: string): Promise<AfterSignIn> {
  const login = loginOf(baseUrl, username, 'password sign-in');
  return submitPasswordSignIn(page, baseUrl, 'password sign-in', username, login.password, await nextCode(page, baseUrl, login));
}

/** The right password and a code the authenticator app shows at no moment the RP accepts (the step before, now or after). */
export async function signInWithWrongCode(page: Page, baseUrl: string, username: string): Promise<AfterSignIn> {
  const step = 'password sign-in with a wrong code';
  const login = loginOf(baseUrl, username, step);
  const now = await rpNow(page, baseUrl);
  const accepted = new Set([-1, 0, 1].map((offset) => totpAt(login, now + offset * TOTP_PERIOD_MS)));
  let wrong = Number(totpAt(login, now));
  do wrong = (wrong + 500_001) % 1_000_000;
  while (accepted.has(String(wrong).padStart(6, '0')));
  return submitPasswordSignIn(page, baseUrl, step, username, login.password, String(wrong).padStart(6, '0'));
}

/**
 * The user's password with its last character changed, and a code the RP would take: one not used
 * before (else the code alone would be refused, and the password never judged).
 */
export async function signInWithWrongPassword(page: Page, baseUrl: string, username: string): Promise<AfterSignIn> {
  const step = 'password sign-in with a password one character off';
  const login = loginOf(baseUrl, username, step);
  const last = login.password.at(-1)!;
  const nearMiss = `${login.password.slice(0, -1)}${last === 'x' ? 'y' : 'x'}`;
  return submitPasswordSignIn(page, baseUrl, step, username, nearMiss, await nextCode(page, baseUrl, login));
}

/** The right password and the code last typed, or the one the authenticator app showed `secondsAgo` seconds ago by the RP's clock. */
export async function signInWithPastCode(page: Page, baseUrl: string, username: string, code: PastCode): Promise<AfterSignIn> {
  const step = code === 'just-used' ? 'password sign-in with the code just used' : `password sign-in with the code from ${code.secondsAgo} s ago`;
  const login = loginOf(baseUrl, username, step);
  if (code === 'just-used' && login.lastStep === null) throw new Error(`No code was used for ${username} in this run, so none can be typed again`);
  const then = code === 'just-used' ? login.lastStep! * TOTP_PERIOD_MS : (await rpNow(page, baseUrl)) - code.secondsAgo * 1000;
  return submitPasswordSignIn(page, baseUrl, step, username, login.password, totpAt(login, then));
}

/** The user's address: one per username, at a domain that is never real. */
function emailOf(username: string): string {
  return `${username.toLowerCase()}@example.test`;
}

const MAIL_WAIT_MS = 10_000;

/** The next link in the user's inbox whose path is `path`, read through the fixture RP's `/test-hooks/mail`. */
async function linkInMail(page: Page, baseUrl: string, step: string, to: string, path: string): Promise<string> {
  const hook = new URL('/test-hooks/mail', baseUrl);
  hook.searchParams.set('to', to);
  hook.searchParams.set('timeoutMs', String(MAIL_WAIT_MS));
  const answer = await page.request.get(hook.href, { timeout: MAIL_WAIT_MS + 5_000 });
  const body = (await answer.json().catch(() => ({}))) as { code?: string; links?: string[] };
  if (answer.status() === 404 && body.code === 'no-mail') throw new RpNoAnswerError(step, `no mail to ${to} within ${MAIL_WAIT_MS / 1000} s`);
  if (!answer.ok()) throw new Error(`The RP's mail cannot be read (${answer.status()} from /test-hooks/mail): start the fixture RP with --test-hooks and without --smtp.`);
  const link = body.links?.find((candidate) => new URL(candidate).pathname === path);
  if (!link) throw new RpStepError(step, `the mail to ${to} has no ${path} link`);
  return link;
}

/**
 * Waits for the page to show `code` (which must say something) or the RP's failure message
 * `failureCode`, thrown as an RpStepError in the RP's words.
 */
export async function shown(page: Page, step: string, code: string, failureCode: string): Promise<void> {
  const success = page.locator(`[data-message="${code}"]`);
  const failure = page.locator(`[data-message="${failureCode}"]`);
  await success.or(failure).first().waitFor({ timeout: 10_000 }).catch((error: Error) => {
    throw new RpNoAnswerError(step, `neither ${code} nor ${failureCode} within 10 s: ${error.message.split('\n')[0]}`);
  });
  if (await failure.count()) throw new RpStepError(step, (await failure.first().innerText()).trim());
  await confirmedInWords(success.first(), step, code);
}

/** A confirmation the user cannot read confirms nothing: the RP must say it in words. */
export async function confirmedInWords(message: Locator, step: string, code: string): Promise<void> {
  if (!(await message.innerText()).trim()) throw new RpStepError(step, `the page confirmed with an empty message (${code})`);
}

/** On the ways-in page: sets the user's address and opens the confirmation link mailed to it. */
export async function addEmailWayIn(page: Page, baseUrl: string, username: string): Promise<void> {
  const step = 'adding an email address';
  await page.goto(new URL('/account/ways-in', baseUrl).href);
  await page.locator('#email').fill(emailOf(username));
  await page.locator('#set-email').click();
  await shown(page, step, 'email.verification-sent', 'email.invalid');
  await page.goto(await linkInMail(page, baseUrl, step, emailOf(username), '/verify-email'));
  await shown(page, step, 'email.verified', 'email-link.invalid');
}

export async function requestEmailLink(page: Page, baseUrl: string, username: string): Promise<string> {
  const step = 'asking for an email sign-in link';
  await followLinkToSignIn(page, baseUrl, step, EMAIL_SIGN_IN);
  await page.locator('#email').fill(emailOf(username));
  await page.locator('#email-link-send').click();
  await shown(page, step, 'email-link.sent', 'email.invalid');
  return linkInMail(page, baseUrl, step, emailOf(username), '/signin/email/link');
}

/** A way in without a passkey: its page, and its link on the sign-in help and on the sign-in page. */
interface SignInWay {
  words: string;
  path: string;
  onHelp: string;
  /** Its link on the sign-in page; null: the adapter opens its page directly, as from a bookmark. */
  onSignIn: string | null;
}
const EMAIL_SIGN_IN: SignInWay = { words: 'email sign-in', path: '/signin/email', onHelp: '#use-email-link', onSignIn: '#signin-email' };
const PASSWORD_SIGN_IN: SignInWay = { words: 'password sign-in', path: '/signin/password', onHelp: '#use-password', onSignIn: null };

/**
 * As the user gets there: the help page's link where the help is open, else the sign-in page's (or
 * the way's page itself, where it has no link there to follow). A page without the link is a dead
 * end, said in the RP's words.
 */
async function followLinkToSignIn(page: Page, baseUrl: string, step: string, way: SignInWay): Promise<void> {
  const onHelp = new URL(page.url()).pathname === '/signin/help';
  const selector = onHelp ? way.onHelp : way.onSignIn;
  if (selector === null) {
    await page.goto(new URL(way.path, baseUrl).href);
    return;
  }
  if (!onHelp) await page.goto(new URL('/signin', baseUrl).href);
  const link = page.locator(selector);
  if (!(await link.count())) throw new RpStepError(step, `${onHelp ? 'the sign-in help' : 'the sign-in page'} offers no ${way.words} link`);
  await link.click();
  await page.waitForURL((url) => url.pathname === way.path, { timeout: 10_000 }).catch((error: Error) => {
    throw new RpNoAnswerError(step, `the ${way.words} page did not open within 10 s: ${error.message.split('\n')[0]}`);
  });
}

/** Opens the link; the RP asks to confirm (so a mail scanner's visit uses nothing up), then signs in. */
export async function openEmailLink(page: Page, _baseUrl: string, link: string): Promise<AfterSignIn> {
  const step = 'signing in by email link';
  await page.goto(link);
  const confirm = page.locator('#email-link-continue');
  await shown(page, step, 'email-link.confirm', 'email-link.invalid');
  await confirm.click();
  return afterSignIn(await pageOutcome(page, step, ['/account', '/promote-passkey'], ['email-link.invalid']));
}

export async function declinePasskeyOffer(page: Page): Promise<void> {
  const notNow = page.locator('#promotion-not-now');
  if (!(await notNow.count())) throw new RpStepError('declining the passkey offer', 'the page shows no passkey offer to decline');
  await notNow.click();
  await pageOutcome(page, 'declining the passkey offer', ['/account'], ['csrf.expired']);
}
