import { expect, test } from '@playwright/test';
import type { RpConfigInput } from './config';
import type { FaultSwitch } from './faults';
import { startFixtureRp, type RunningFixtureRp } from './server/server';
import { ApiClient } from './testSupport/apiClient';
import { SoftAuthenticator } from './testSupport/softAuthenticator';
import { expectMessage, open, registerPasskey, signInWithPassword, signOut, signUpWithPassword, submit, TestClock, UA } from './testSupport/waysInClient';

const DAY_MS = 24 * 60 * 60 * 1000;
const GPM = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';
const HELLO = '08987058-cadc-4b81-b6e1-30de50dcbe96';
const PAT = { username: 'pat', password: 'a long enough password' };

let rp: RunningFixtureRp | undefined;

test.afterEach(async () => {
  await rp?.stop();
  rp = undefined;
});

async function withRp(faults: FaultSwitch[] = [], config: RpConfigInput = {}) {
  const clock = new TestClock();
  rp = await startFixtureRp({ faults, config: { now: clock.now, ...config } });
  return { rp, clock, client: new ApiClient(rp.url) };
}

/** Signs up with a password from `userAgent`, declines the first offer, signs out. */
async function patWhoSaidNotNow(client: ApiClient, clock: TestClock, userAgent: string = UA.windowsChrome) {
  const { secret, landing } = await signUpWithPassword(client, clock, PAT, userAgent);
  expect(landing).toBe('/promote-passkey');
  const offer = await open(client, '/promote-passkey', userAgent);
  expectMessage(offer.text, 'promotion.offer', 'note');
  expect(offer.text).toContain('<form method="get" action="/register"><button id="promotion-create" type="submit">Create a passkey</button></form>');
  expect(await submit(client, '/promote-passkey/not-now', {})).toMatchObject({ status: 303, location: '/account' });
  await signOut(client);
  return { ...PAT, secret };
}

test('the offer comes once per interval, "Not now" is remembered, and it comes back after the interval', async () => {
  const { clock, client } = await withRp();
  const pat = await patWhoSaidNotNow(client, clock);

  clock.advance(29 * DAY_MS);
  expect((await signInWithPassword(client, clock, pat)).location).toBe('/account');
  // Opened by hand when not due: straight to the account.
  expect(await open(client, '/promote-passkey')).toMatchObject({ status: 302, location: '/account' });
  await signOut(client);

  clock.advance(DAY_MS);
  expect((await signInWithPassword(client, clock, pat)).location).toBe('/promote-passkey');
  expectMessage((await open(client, '/promote-passkey')).text, 'promotion.offer', 'note');
  // Shown, not answered: it still counts, so a reload does not ask again.
  expect((await open(client, '/promote-passkey')).location).toBe('/account');
});

test('the interval is configurable', async () => {
  const { clock, client } = await withRp([], { promotionIntervalDays: 2 });
  const pat = await patWhoSaidNotNow(client, clock);
  clock.advance(DAY_MS);
  expect((await signInWithPassword(client, clock, pat)).location).toBe('/account');
  await signOut(client);
  clock.advance(DAY_MS);
  expect((await signInWithPassword(client, clock, pat)).location).toBe('/promote-passkey');
});

test('never offered when the account has a passkey usable here; offered when its only passkey stays elsewhere', async () => {
  const { rp, clock, client } = await withRp();
  const pat = await patWhoSaidNotNow(client, clock, UA.windowsEdge);
  clock.advance(31 * DAY_MS);
  // A Windows Hello passkey made in Edge on Windows: may be usable on Windows (the same computer?), not on a Mac.
  expect((await signInWithPassword(client, clock, pat, UA.windowsEdge)).location).toBe('/promote-passkey');
  await registerPasskey(client, new SoftAuthenticator({ origin: rp.url, aaguid: HELLO }), 'pat', UA.windowsEdge);
  await signOut(client);
  clock.advance(31 * DAY_MS);
  expect((await signInWithPassword(client, clock, pat, UA.windowsEdge)).location).toBe('/account');
  await signOut(client);
  expect((await signInWithPassword(client, clock, pat, UA.macSafari)).location).toBe('/promote-passkey');
});

test('a synced Google Password Manager passkey counts in Chrome, not in Edge on a computer', async () => {
  const { rp, clock, client } = await withRp();
  const pat = await patWhoSaidNotNow(client, clock);
  await signInWithPassword(client, clock, pat);
  await registerPasskey(client, new SoftAuthenticator({ origin: rp.url, aaguid: GPM, backupEligible: true, backedUp: true }), 'pat', UA.windowsChrome);
  await signOut(client);
  clock.advance(31 * DAY_MS);
  expect((await signInWithPassword(client, clock, pat, UA.androidChrome)).location).toBe('/account');
  await signOut(client);
  expect((await signInWithPassword(client, clock, pat, UA.windowsEdge)).location).toBe('/promote-passkey');
});

test('fault nag-every-login: offered at every sign-in despite "Not now"', async () => {
  const { clock, client } = await withRp([{ name: 'nag-every-login' }]);
  const pat = await patWhoSaidNotNow(client, clock);
  expect((await signInWithPassword(client, clock, pat)).location).toBe('/promote-passkey');
  expectMessage((await open(client, '/promote-passkey')).text, 'promotion.offer', 'note');
  expectMessage((await open(client, '/promote-passkey')).text, 'promotion.offer', 'note');
});

test('fault promote-despite-passkey: offered although a passkey works here', async () => {
  const { rp, clock, client } = await withRp([{ name: 'promote-despite-passkey' }]);
  const pat = await patWhoSaidNotNow(client, clock, UA.windowsEdge);
  await signInWithPassword(client, clock, pat, UA.windowsEdge);
  await registerPasskey(client, new SoftAuthenticator({ origin: rp.url, aaguid: HELLO }), 'pat', UA.windowsEdge);
  await signOut(client);
  clock.advance(31 * DAY_MS);
  expect((await signInWithPassword(client, clock, pat, UA.windowsEdge)).location).toBe('/promote-passkey');
});

test('not signed in: no offer, and "Not now" without a token is refused', async () => {
  const { clock, client } = await withRp();
  expect(await open(client, '/promote-passkey')).toMatchObject({ status: 302, location: '/signin' });
  await signUpWithPassword(client, clock, PAT);
  const forged = await client.request('/promote-passkey/not-now', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: client.baseUrl },
    body: '',
  });
  expect(forged.status).toBe(403);
  expectMessage((await open(client, '/promote-passkey')).text, 'promotion.offer', 'note');
});
