import { expect, test } from '@playwright/test';
import { startMailbox, type Mailbox } from './mailbox';
import type { RpConfigInput } from './config';
import type { FaultSwitch } from './faults';
import { startFixtureRp, type RunningFixtureRp } from './server/server';
import { ApiClient } from './testSupport/apiClient';
import { SoftAuthenticator } from './testSupport/softAuthenticator';
import {
  expectMessage,
  registerPasskey,
  messageTag,
  open,
  signInWithPassword,
  signOut,
  signUpWithPassword,
  submit,
  TestClock,
  totpCode,
} from './testSupport/waysInClient';

let rp: RunningFixtureRp | undefined;
let mailbox: Mailbox | undefined;

test.afterEach(async () => {
  await rp?.stop();
  await mailbox?.stop();
  rp = undefined;
  mailbox = undefined;
});

async function withRp(options: { faults?: FaultSwitch[]; config?: RpConfigInput; mail?: boolean } = {}) {
  const clock = new TestClock();
  if (options.mail) mailbox = await startMailbox();
  const smtp = mailbox ? { host: mailbox.host, port: mailbox.port } : null;
  rp = await startFixtureRp({ faults: options.faults ?? [], config: { now: clock.now, smtp, ...options.config } });
  return { rp, clock, client: new ApiClient(rp.url) };
}

const ALICE = { username: 'alice', password: 'correct horse battery' };

test.describe('password and authenticator app', () => {
  test('sign-up asks for the app; the account exists only once a code works; sign-in needs password and code', async () => {
    const { rp, clock, client } = await withRp();
    const form = await open(client, '/signup/password');
    expectMessage(form.text, 'signup.second-factor', 'note');
    expect(await submit(client, '/signup/password', { ...ALICE, email: '' })).toMatchObject({ status: 303, location: '/authenticator-setup' });
    const setup = await open(client, '/authenticator-setup');
    expectMessage(setup.text, 'totp.enrol', 'note');
    expect(setup.text).toMatch(/<textarea id="totp-uri" data-testid="totp-uri" readonly rows="5" cols="44">otpauth:\/\/totp\/Passkey%20Matrix%20Fixture:alice\?issuer=Passkey%20Matrix%20Fixture&amp;secret=[A-Z2-7]+&amp;algorithm=SHA1&amp;digits=6&amp;period=30<\/textarea>/);
    // Not yet an account: the name is still free for someone else's sign-up form.
    expect((await open(new ApiClient(rp.url), '/signin/help?username=alice')).text).not.toContain('signin-help.passkey-only');

    const wrong = await submit(client, '/authenticator-setup', { code: '000000' });
    expect(wrong.status).toBe(400);
    expectMessage(wrong.text, 'totp.invalid', 'alert');

    const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(setup.text)?.[1] ?? '';
    const before = client.cookieValues();
    const done = await submit(client, '/authenticator-setup', { code: totpCode(secret, clock) });
    expect(done).toMatchObject({ status: 303, location: '/promote-passkey' });
    expect(client.cookieValues()).not.toEqual(before);
    expect((await open(client, '/account')).text).toContain('<span data-testid="account-username">alice</span>');

    await signOut(client);
    const signedIn = await signInWithPassword(client, clock, { ...ALICE, secret });
    expect(signedIn.status).toBe(303);
    expect((await open(client, '/account')).text).toContain('<span data-testid="account-username">alice</span>');
  });

  test('a wrong password, a wrong code, a replayed code and an unknown user all get the same answer', async () => {
    const { rp, clock, client } = await withRp();
    const { secret } = await signUpWithPassword(client, clock, ALICE);
    const stranger = new ApiClient(rp.url);
    clock.advance(30_000);
    const code = totpCode(secret, clock);
    const attempts = [
      { username: 'alice', password: 'wrong password!', code },
      { username: 'alice', password: ALICE.password, code: code === '123456' ? '654321' : '123456' },
      { username: 'alice', password: ALICE.password, code: '' },
      { username: 'nobody', password: ALICE.password, code },
    ];
    const answers = [];
    for (const attempt of attempts) {
      const page = await submit(stranger, '/signin/password', attempt);
      expect(page.status).toBe(401);
      expectMessage(page.text, 'password.failed', 'alert');
      answers.push(/<p role="alert"[^>]*>[^<]*<\/p>/.exec(page.text)?.[0]);
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).not.toMatch(/password is wrong|code is wrong|no such/i);

    expect((await submit(stranger, '/signin/password', { ...ALICE, code })).status).toBe(303);
    // The same code again, within its 30 seconds: refused, it works once.
    const replay = await submit(new ApiClient(rp.url), '/signin/password', { ...ALICE, code });
    expect(replay.status).toBe(401);
    expectMessage(replay.text, 'password.failed', 'alert');
  });

  test('after 10 failures in 15 minutes a username is refused for a while, known or not', async () => {
    const { rp, clock, client } = await withRp();
    const { secret } = await signUpWithPassword(client, clock, ALICE);
    const guesser = new ApiClient(rp.url);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await submit(guesser, '/signin/password', { username: 'Alice', password: `guess ${attempt}!`, code: '111111' })).status).toBe(401);
    }
    clock.advance(30_000);
    const blocked = await submit(guesser, '/signin/password', { ...ALICE, code: totpCode(secret, clock) });
    expect(blocked.status).toBe(429);
    expectMessage(blocked.text, 'password.throttled', 'alert');
    clock.advance(15 * 60_000);
    expect((await signInWithPassword(guesser, clock, { ...ALICE, secret })).status).toBe(303);
  });

  test('sign-up refuses bad input and a taken username, with the form kept', async () => {
    const { clock, client } = await withRp();
    await signUpWithPassword(client, clock, ALICE);
    const other = new ApiClient(client.baseUrl);
    const short = await submit(other, '/signup/password', { username: 'bob', password: 'short', email: '' });
    expect(short.status).toBe(400);
    expect(expectMessage(short.text, 'signup.invalid', 'alert')).toBeTruthy();
    expect(short.text).toContain('at least 8 characters');
    expect(short.text).toContain('value="bob"');
    const taken = await submit(other, '/signup/password', { username: 'ALICE', password: 'another fine password', email: '' });
    expect(taken.status).toBe(409);
    expectMessage(taken.text, 'signup.username-taken', 'alert');
    const badEmail = await submit(other, '/signup/password', { username: 'bob', password: 'another fine password', email: 'not an address' });
    expectMessage(badEmail.text, 'signup.invalid', 'alert');
  });

  test('a passkey account adds a password with its app on the ways-in page', async () => {
    const { clock, client } = await withRp();
    await signUpWithPassword(client, clock, ALICE);
    const page = await open(client, '/account/ways-in');
    expect(page.text).toContain('data-testid="ways-in-password">Set.<');
    expect(await submit(client, '/account/ways-in/password', { password: 'a brand new password' })).toMatchObject({ status: 303, location: '/authenticator-setup' });
    const setup = await open(client, '/authenticator-setup');
    const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(setup.text)?.[1] ?? '';
    clock.advance(30_000);
    const saved = await submit(client, '/authenticator-setup', { code: totpCode(secret, clock) });
    expect(saved).toMatchObject({ status: 303, location: '/account/ways-in?notice=password.saved' });
    expectMessage((await open(client, saved.location ?? '')).text, 'password.saved', 'status');
    await signOut(client);
    expect((await signInWithPassword(client, clock, { username: 'alice', password: 'a brand new password', secret })).status).toBe(303);
  });

  test('fault totp-not-checked: the right password alone signs in', async () => {
    const { rp, clock, client } = await withRp({ faults: [{ name: 'totp-not-checked' }] });
    await signUpWithPassword(client, clock, ALICE);
    const page = await submit(new ApiClient(rp.url), '/signin/password', { ...ALICE, code: '' });
    expect(page.status).toBe(303);
    // A wrong password still fails.
    expect((await submit(new ApiClient(rp.url), '/signin/password', { username: 'alice', password: 'nope nope nope', code: '' })).status).toBe(401);
  });
});

test.describe('email sign-in links', () => {
  const ADDRESS = 'alice@example.com';

  /** Signs up with an address and opens the confirmation link, as the owner would. */
  async function accountWithConfirmedEmail(client: ApiClient, clock: TestClock) {
    const { secret } = await signUpWithPassword(client, clock, { ...ALICE, email: ADDRESS });
    const confirmation = await mailbox!.waitForMessage(ADDRESS, 5_000);
    expect(confirmation.subject).toBe('Confirm your email address for Passkey Matrix Fixture');
    const [link] = confirmation.links;
    expect(link).toMatch(/\/verify-email\?token=[\w-]{43}$/);
    const verified = await open(client, new URL(link ?? '').pathname + new URL(link ?? '').search);
    expectMessage(verified.text, 'email.verified', 'status');
    await signOut(client);
    return { secret };
  }

  async function requestLink(client: ApiClient, address = ADDRESS) {
    const page = await submit(client, '/signin/email', { email: address });
    expect(page.status).toBe(200);
    expectMessage(page.text, 'email-link.sent', 'status');
    return page;
  }

  function pathOf(link: string | undefined): string {
    const url = new URL(link ?? '');
    return url.pathname + url.search;
  }

  test('a link sent over SMTP signs in once, after a button press, under a new session id', async () => {
    const { rp, clock, client } = await withRp({ mail: true });
    await accountWithConfirmedEmail(client, clock);
    await requestLink(client);
    const mail = await mailbox!.waitForMessage(ADDRESS, 5_000);
    expect(mail.subject).toBe('Your sign-in link for Passkey Matrix Fixture');
    expect(mail.text).toContain('It works once, within 15 minutes');
    const [link] = mail.links;
    expect(link).toMatch(new RegExp(`^${rp.url}/signin/email/link\\?token=[\\w-]{43}$`));

    // Opening the link (as a mail scanner would) does not use it up or sign in.
    const landing = await open(client, pathOf(link));
    expectMessage(landing.text, 'email-link.confirm', 'note');
    expect(landing.text).toContain('Sign in as alice');
    const token = new URL(link ?? '').searchParams.get('token') ?? '';
    const before = client.cookieValues();
    const signedIn = await submit(client, '/signin/email/link', { token });
    expect(signedIn).toMatchObject({ status: 303, location: '/promote-passkey' });
    expect(client.cookieValues()).not.toEqual(before);
    expect((await open(client, '/account')).text).toContain('<span data-testid="account-username">alice</span>');

    const again = await open(new ApiClient(rp.url), pathOf(link));
    expect(again.status).toBe(400);
    expectMessage(again.text, 'email-link.invalid', 'alert');
    expect(again.text).toContain('id="email-link-again"');
    const reuse = await submit(new ApiClient(rp.url), '/signin/email/link', { token });
    expectMessage(reuse.text, 'email-link.invalid', 'alert');
  });

  test('a link expires after 15 minutes', async () => {
    const { rp, clock, client } = await withRp({ mail: true });
    await accountWithConfirmedEmail(client, clock);
    await requestLink(client);
    const [link] = (await mailbox!.waitForMessage(ADDRESS, 5_000)).links;
    clock.advance(15 * 60_000 + 1);
    const page = await open(new ApiClient(rp.url), pathOf(link));
    expectMessage(page.text, 'email-link.invalid', 'alert');
    const token = new URL(link ?? '').searchParams.get('token') ?? '';
    expect((await submit(client, '/signin/email/link', { token })).status).toBe(400);
  });

  test('the answer is the same for an unknown address, and it gets no mail; an unconfirmed address gets none', async () => {
    const { clock, client } = await withRp({ mail: true });
    await signUpWithPassword(client, clock, { ...ALICE, email: ADDRESS });
    await mailbox!.waitForMessage(ADDRESS, 5_000); // the confirmation, left unopened
    await signOut(client);
    const known = await requestLink(client);
    const unknown = await requestLink(client, 'nobody@example.com');
    const strip = (html: string) => html.replaceAll(ADDRESS, 'X').replaceAll('nobody@example.com', 'X').replace(/content="[^"]+"|value="[\w-]{43}"/g, '');
    expect(strip(known.text)).toBe(strip(unknown.text));
    await expect(mailbox!.waitForMessage(ADDRESS, 700)).rejects.toThrow(/No mail to alice@example.com/);
    await expect(mailbox!.waitForMessage('nobody@example.com', 300)).rejects.toThrow(/No mail/);
    const bad = await submit(client, '/signin/email', { email: 'not-an-address' });
    expect(bad.status).toBe(400);
    expectMessage(bad.text, 'email.invalid', 'alert');
  });

  test('an address set on the ways-in page is confirmed by its link; changing it kills old sign-in links', async () => {
    const { rp, clock, client } = await withRp({ mail: true });
    await signUpWithPassword(client, clock, ALICE);
    const set = await submit(client, '/account/ways-in/email', { email: 'Alice@Example.com' });
    expect(set).toMatchObject({ status: 303, location: '/account/ways-in?notice=email.verification-sent' });
    expectMessage((await open(client, set.location ?? '')).text, 'email.verification-sent', 'status');
    const confirmation = await mailbox!.waitForMessage(ADDRESS, 5_000);
    expect((await open(new ApiClient(rp.url), pathOf(confirmation.links[0]))).text).toContain('data-message="email.verified"');
    expect((await open(client, '/account/ways-in')).text).toContain('Alice@Example.com (confirmed).');

    await requestLink(new ApiClient(rp.url));
    const [oldLink] = (await mailbox!.waitForMessage(ADDRESS, 5_000)).links;
    await submit(client, '/account/ways-in/email', { email: 'alice@elsewhere.example' });
    expectMessage((await open(new ApiClient(rp.url), pathOf(oldLink))).text, 'email-link.invalid', 'alert');
  });

  test('fault reusable-email-link: a used link signs in again', async () => {
    const { rp, clock, client } = await withRp({ mail: true, faults: [{ name: 'reusable-email-link' }] });
    await accountWithConfirmedEmail(client, clock);
    await requestLink(client);
    const token = new URL((await mailbox!.waitForMessage(ADDRESS, 5_000)).links[0] ?? '').searchParams.get('token') ?? '';
    expect((await submit(new ApiClient(rp.url), '/signin/email/link', { token })).status).toBe(303);
    expect((await submit(new ApiClient(rp.url), '/signin/email/link', { token })).status).toBe(303);
  });
});

test.describe('the ways-in page', () => {
  test('an account keeps a way in besides passkeys: the last one cannot be removed', async () => {
    const { clock, client } = await withRp({ mail: true });
    await signUpWithPassword(client, clock, ALICE);
    const refused = await submit(client, '/account/ways-in/remove', { way: 'password' });
    expect(refused.status).toBe(409);
    expectMessage(refused.text, 'ways-in.last-way', 'alert');

    await submit(client, '/account/ways-in/email', { email: 'alice@example.com' });
    const link = (await mailbox!.waitForMessage('alice@example.com', 5_000)).links[0] ?? '';
    await open(client, new URL(link).pathname + new URL(link).search);
    const removed = await submit(client, '/account/ways-in/remove', { way: 'password' });
    expect(removed).toMatchObject({ status: 303, location: '/account/ways-in?notice=ways-in.removed' });
    expectMessage((await open(client, removed.location ?? '')).text, 'ways-in.removed', 'status');
    expect((await submit(client, '/account/ways-in/remove', { way: 'email' })).status).toBe(409);
  });

  test('a passkey account is asked for another way in; with passkey-only accounts it is told about support', async () => {
    for (const passkeyOnlyAccounts of [false, true]) {
      const { rp, client } = await withRp({ config: { passkeyOnlyAccounts } });
      await registerPasskey(client, new SoftAuthenticator({ origin: rp.url, backupEligible: true, backedUp: true }), 'carol');
      const page = await open(client, '/account/ways-in');
      expect(page.status).toBe(200);
      if (passkeyOnlyAccounts) {
        expectMessage(page.text, 'ways-in.passkey-only', 'note');
        expect(messageTag(page.text, 'ways-in.missing')).toBeUndefined();
      } else {
        expectMessage(page.text, 'ways-in.missing', 'note');
      }
      expect(page.text).toContain('data-testid="ways-in-passkeys">1 passkey.');
      expect((await open(client, '/account')).text).toContain('<a id="ways-in" href="/account/ways-in">');
      await rp.stop();
    }
  });

  test('signed out, the ways-in pages send you to sign in', async () => {
    const { client } = await withRp();
    expect(await open(client, '/account/ways-in')).toMatchObject({ status: 302, location: '/signin' });
    expect(await submit(client, '/account/ways-in/email', { email: 'a@example.com' })).toMatchObject({ status: 303, location: '/signin' });
    expect(await open(client, '/authenticator-setup')).toMatchObject({ status: 302, location: '/signup/password' });
  });
});
