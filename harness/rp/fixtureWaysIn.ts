import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { RpStepError, type AfterSignIn, type RpClock, type WayIn } from './adapter';
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
};

/** The RP's time: its test clock where it has one, else this machine's. */
async function rpNow(page: Page, baseUrl: string): Promise<number> {
  const answer = await page.request.get(new URL('/test-hooks/clock', baseUrl).href, { timeout: 10_000 });
  if (!answer.ok()) return Date.now();
  return new Date(((await answer.json()) as { now: string }).now).getTime();
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
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_MS / 1000, secret: Secret.fromBase32(login.totpSecret) }).generate({ timestamp: now });
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

export async function signInWithPassword(page: Page, baseUrl: string, username: string): Promise<AfterSignIn> {
  const login = logins.get(`${baseUrl}|${username}`);
  if (!login) throw new RpStepError('password sign-in', `no password was set up for ${username} in this run`);
  await page.goto(new URL('/signin/password', baseUrl).href);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(login.password);
  await page.locator('#totp-code').fill(await nextCode(page, baseUrl, login));
  await page.locator('#signin-password-submit').click();
  return afterSignIn(await pageOutcome(page, 'password sign-in', ['/account', '/promote-passkey'], ['password.failed', 'password.throttled']));
}

export async function declinePasskeyOffer(page: Page): Promise<void> {
  const notNow = page.locator('#promotion-not-now');
  if (!(await notNow.count())) throw new RpStepError('declining the passkey offer', 'the page shows no passkey offer to decline');
  await notNow.click();
  await pageOutcome(page, 'declining the passkey offer', ['/account'], ['csrf.expired']);
}
