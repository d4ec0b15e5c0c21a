import { expect, test } from '@playwright/test';
import type { FaultSwitch } from './faults';
import { startFixtureRp, type RunningFixtureRp } from './server/server';
import { ApiClient } from './testSupport/apiClient';
import { creationOptions, message, passkeyItems, register, requestOptions, signIn } from './testSupport/rpFlows';
import { SoftAuthenticator, type SoftAuthenticatorOptions } from './testSupport/softAuthenticator';
import { signUpWithPassword, TestClock } from './testSupport/waysInClient';

const GPM = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';
const APPLE = 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd';
const HELLO = '08987058-cadc-4b81-b6e1-30de50dcbe96';
const YUBIKEY = 'fa2b99dc-9e39-4257-8f92-4a30d23c4118';
const SYNCED = { backupEligible: true, backedUp: true };
const DEVICE_BOUND = { backupEligible: false, backedUp: false };

let rp: RunningFixtureRp;

async function withRp(faults: FaultSwitch[] = []): Promise<RunningFixtureRp> {
  rp = await startFixtureRp({ faults });
  return rp;
}

test.afterEach(async () => {
  await rp?.stop();
});

function authenticator(options: Omit<SoftAuthenticatorOptions, 'origin'> = SYNCED): SoftAuthenticator {
  return new SoftAuthenticator({ origin: rp.url, ...options });
}

async function accountPage(client: ApiClient): Promise<string> {
  const page = await client.get('/account');
  expect(page.status).toBe(200);
  return page.text;
}

/** alice with a GPM and a Windows Hello passkey; returns the client (signed in) and both ids. */
async function aliceWithTwoPasskeys() {
  const client = new ApiClient(rp.url);
  const gpm = authenticator({ aaguid: GPM, ...SYNCED });
  const hello = authenticator({ aaguid: HELLO, ...DEVICE_BOUND });
  const gpmId = await register(client, gpm, 'alice');
  const helloId = await register(client, hello, 'alice');
  return { client, gpm, hello, gpmId, helloId };
}

test.describe('the passkey list', () => {
  test('each passkey shows its provider name and icon; an unknown AAGUID says "Unknown provider"', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    await register(client, authenticator({ aaguid: GPM, ...SYNCED }), 'alice');
    await register(client, authenticator(), 'alice');
    await register(client, authenticator({ aaguid: YUBIKEY, ...DEVICE_BOUND }), 'alice');
    const [gpm, unknown, key] = passkeyItems(await accountPage(client));
    expect(gpm).toContain('data-provider-icon="google-password-manager"');
    expect(gpm).toContain('<span class="provider" data-field="provider">Google Password Manager</span>');
    expect(gpm).toMatch(/<img class="provider-icon" data-field="provider-icon" data-icon="google-password-manager" src="data:image\/svg\+xml,[^"]+" alt=""/);
    expect(unknown).toContain('data-provider-icon="unknown"');
    expect(unknown).toContain('<span class="provider" data-field="provider">Unknown provider</span>');
    expect(key).toContain('data-provider-icon="security-key"');
    expect(key).toContain('<span data-field="sync">Only on this device</span>');
  });

  test('no-provider-icon: every passkey shows the unknown icon, names unchanged', async () => {
    await withRp([{ name: 'no-provider-icon' }]);
    const client = new ApiClient(rp.url);
    await register(client, authenticator({ aaguid: GPM, ...SYNCED }), 'alice');
    const [item] = passkeyItems(await accountPage(client));
    expect(item).toContain('data-provider-icon="unknown"');
    expect(item).toContain('data-field="provider">Google Password Manager<');
  });

  test('the backup state is updated at every sign-in', async () => {
    await withRp();
    const device = authenticator({ backupEligible: true, backedUp: false });
    const id = await register(new ApiClient(rp.url), device, 'alice');
    const backedUpNow = authenticator(SYNCED);
    backedUpNow.keys.set(id, device.keys.get(id)!);
    const client = new ApiClient(rp.url);
    expect((await signIn(client, backedUpNow)).status).toBe(200);
    const [item] = passkeyItems(await accountPage(client));
    expect(item).toContain('data-sync="synced"');
    expect(item).toMatch(/<time data-field="last-used" datetime="/);
  });

  test('stale-sync-state: the backup state stays as it was at creation', async () => {
    await withRp([{ name: 'stale-sync-state' }]);
    const device = authenticator({ backupEligible: true, backedUp: false });
    const id = await register(new ApiClient(rp.url), device, 'alice');
    const backedUpNow = authenticator(SYNCED);
    backedUpNow.keys.set(id, device.keys.get(id)!);
    const client = new ApiClient(rp.url);
    expect((await signIn(client, backedUpNow)).status).toBe(200);
    expect(passkeyItems(await accountPage(client))[0]).toContain('data-sync="eligible"');
  });

  test('an account without passkeys says so and how to add one', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const id = await register(client, authenticator(), 'alice');
    await client.postForm(`/account/passkeys/${id}/delete`, { 'confirm-lose-access': 'yes' });
    const page = await accountPage(client);
    expect(passkeyItems(page)).toHaveLength(0);
    expect(message(page, 'passkeys.none')).toMatch(/role="note"[\s\S]*cannot sign in again/);
  });
});

test.describe('after creating a passkey', () => {
  test('BE=1, BS=0: saved, and "can sync but is not backed up yet"', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const id = await register(client, authenticator({ aaguid: GPM, backupEligible: true, backedUp: false }), 'alice');
    const page = (await client.get(`/account?created=${id}`)).text;
    expect(page).toMatch(/data-message="creation.saved" data-provider="Google Password Manager" data-sync="eligible" role="status"/);
    expect(message(page, 'creation.not-backed-up')).toMatch(/role="note"[\s\S]*can sync but is not backed up yet[\s\S]*Google Password Manager/);
    expect(page).not.toContain('creation.device-bound-advice');
  });

  test('BE=0: device-bound advice; no-device-bound-advice leaves it out', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const id = await register(client, authenticator(DEVICE_BOUND), 'alice');
    expect(message((await client.get(`/account?created=${id}`)).text, 'creation.device-bound-advice')).toContain('role="note"');
    await rp.stop();

    await withRp([{ name: 'no-device-bound-advice' }]);
    const other = new ApiClient(rp.url);
    const otherId = await register(other, authenticator(DEVICE_BOUND), 'bob');
    const page = (await other.get(`/account?created=${otherId}`)).text;
    expect(page).toMatch(/data-message="creation.saved"[^>]*data-sync="device-bound"/);
    expect(page).not.toContain('creation.device-bound-advice');
  });

  test('synced: saved, no advice', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const id = await register(client, authenticator({ aaguid: APPLE, ...SYNCED }), 'alice');
    const page = (await client.get(`/account?created=${id}`)).text;
    expect(page).toMatch(/data-message="creation.saved" data-provider="Apple Passwords" data-sync="synced"/);
    expect(page).not.toContain('creation.device-bound-advice');
    expect(page).not.toContain('creation.not-backed-up');
  });
});

test.describe('a second passkey in another provider', () => {
  test('every passkey device-bound: passkeys.all-device-bound', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    await register(client, authenticator({ aaguid: HELLO, ...DEVICE_BOUND }), 'alice');
    await register(client, authenticator({ aaguid: YUBIKEY, ...DEVICE_BOUND }), 'alice');
    const page = await accountPage(client);
    expect(message(page, 'passkeys.all-device-bound')).toMatch(/role="note"[\s\S]*another provider/);
    expect(page).not.toContain('passkeys.one-provider');
  });

  test('every passkey in one provider: passkeys.one-provider names it', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    await register(client, authenticator({ aaguid: GPM, ...SYNCED }), 'alice');
    await register(client, authenticator({ aaguid: GPM, ...SYNCED }), 'alice');
    const page = await accountPage(client);
    expect(message(page, 'passkeys.one-provider')).toMatch(/data-provider="Google Password Manager" role="note">[\s\S]*All your passkeys are in Google Password Manager[\s\S]*another provider/);
    expect(page).not.toContain('passkeys.all-device-bound');
  });

  test('passkeys in two providers, one syncing: neither note', async () => {
    await withRp();
    const { client } = await aliceWithTwoPasskeys();
    const page = await accountPage(client);
    expect(page).not.toContain('passkeys.one-provider');
    expect(page).not.toContain('passkeys.all-device-bound');
  });

  test('no-second-provider-suggestion: neither note', async () => {
    await withRp([{ name: 'no-second-provider-suggestion' }]);
    const client = new ApiClient(rp.url);
    await register(client, authenticator({ aaguid: HELLO, ...DEVICE_BOUND }), 'alice');
    const page = await accountPage(client);
    expect(page).not.toContain('passkeys.one-provider');
    expect(page).not.toContain('passkeys.all-device-bound');
  });
});

test.describe('rename', () => {
  test('sets the nickname beside the provider name, tells the provider the account details', async () => {
    await withRp();
    const { client, gpmId, helloId } = await aliceWithTwoPasskeys();
    const renamed = await client.postForm(`/account/passkeys/${helloId}/rename`, { nickname: '  Work laptop  ' });
    expect(renamed).toMatchObject({ status: 303, location: '/account' });
    const page = await accountPage(client);
    const [gpm, hello] = passkeyItems(page);
    expect(hello).toContain('<span class="provider" data-field="provider">Windows Hello</span>');
    expect(hello).toContain('<span class="nickname" data-field="nickname">Work laptop</span>');
    expect(hello).toContain('value="Work laptop"');
    expect(gpm).not.toContain('data-field="nickname"');
    expect(message(page, 'passkey.renamed')).toMatch(/role="status" data-message="passkey.renamed">Your Windows Hello passkey is now called &quot;Work laptop&quot;/);
    const userId = /data-signal-request="current-user" data-rp-id="localhost" data-user-id="([^"]+)" data-name="alice" data-display-name="alice"/.exec(page)?.[1];
    expect(userId).toBeTruthy();
    // The notice and its signal are shown once.
    const again = await accountPage(client);
    expect(again).not.toContain('passkey.renamed');
    expect(again).not.toContain('data-signal-request');
    expect(gpmId).toBeTruthy();
  });

  test('the nickname is escaped', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const id = await register(client, authenticator(), 'alice');
    await client.postForm(`/account/passkeys/${id}/rename`, { nickname: '<img src=x onerror=alert(1)>"' });
    const page = await accountPage(client);
    expect(page).toContain('data-field="nickname">&lt;img src=x onerror=alert(1)&gt;&quot;</span>');
    expect(page).not.toContain('<img src=x');
  });

  test('a bad nickname is a 400 that says why, and nothing changes', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const id = await register(client, authenticator(), 'alice');
    const bad: [Record<string, string> | string, RegExp][] = [
      [{}, /Enter a name/],
      [{ nickname: '   ' }, /Enter a name/],
      [{ nickname: 'x'.repeat(65) }, /at most 64 characters/],
      [{ nickname: 'tab\there' }, /control characters/],
      ['nickname=a&nickname=b', /Enter a name/],
    ];
    for (const [fields, reason] of bad) {
      const response =
        typeof fields === 'string'
          ? await client.request(`/account/passkeys/${id}/rename`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: rp.url },
              body: `${fields}&_csrf=${encodeURIComponent(await client.csrfToken())}`,
            }).then(async (r) => ({ status: r.status, text: await r.text() }))
          : await client.postForm(`/account/passkeys/${id}/rename`, fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(message(response.text, 'passkey.rename-invalid'), JSON.stringify(fields)).toMatch(reason);
      expect(message(response.text, 'passkey.rename-invalid')).toContain('role="alert"');
    }
    expect(await accountPage(client)).not.toContain('data-field="nickname"');
    expect((await client.postForm(`/account/passkeys/${id}/rename`, { nickname: 'x'.repeat(64) })).status).toBe(303);
  });

  test('no-signal-rename: renamed, but no current-user signal', async () => {
    await withRp([{ name: 'no-signal-rename' }]);
    const client = new ApiClient(rp.url);
    const id = await register(client, authenticator(), 'alice');
    await client.postForm(`/account/passkeys/${id}/rename`, { nickname: 'Phone' });
    const page = await accountPage(client);
    expect(page).toContain('data-message="passkey.renamed"');
    expect(page).not.toContain('data-signal-request');
  });
});

test.describe('when a passkey was made and last used', () => {
  /** The passkey's created and last-used times as the account page shows them (`datetime`, or "never"). */
  function times(page: string): { created: string | undefined; lastUsed: string | undefined } {
    return {
      created: /data-field="created-at" datetime="([^"]+)"/.exec(page)?.[1],
      lastUsed: /data-field="last-used" datetime="([^"]+)"/.exec(page)?.[1] ?? (/data-field="last-used">never</.test(page) ? 'never' : undefined),
    };
  }

  async function madeThenUsedAnHourLater(faults: FaultSwitch[]) {
    const clock = new TestClock();
    rp = await startFixtureRp({ faults, config: { now: clock.now } });
    const device = authenticator();
    const client = new ApiClient(rp.url);
    await register(client, device, 'alice');
    const made = times(await accountPage(client));
    clock.advance(3_600_000);
    expect((await signIn(client, device)).status).toBe(200);
    return { made, used: times(await accountPage(client)) };
  }

  test('by the RP\'s clock: made at registration, "never" used, then last used at the sign-in an hour later', async () => {
    const { made, used } = await madeThenUsedAnHourLater([]);
    expect(made).toEqual({ created: '2026-03-02T09:00:00.000Z', lastUsed: 'never' });
    expect(used).toEqual({ created: '2026-03-02T09:00:00.000Z', lastUsed: '2026-03-02T10:00:00.000Z' });
  });

  test('last-used-not-updated keeps "never"; created-at-overwritten moves the creation to the sign-in', async () => {
    expect((await madeThenUsedAnHourLater([{ name: 'last-used-not-updated' }])).used).toEqual({ created: '2026-03-02T09:00:00.000Z', lastUsed: 'never' });
    await rp.stop();
    expect((await madeThenUsedAnHourLater([{ name: 'created-at-overwritten' }])).used).toEqual({ created: '2026-03-02T10:00:00.000Z', lastUsed: '2026-03-02T10:00:00.000Z' });
  });
});

test.describe('the account\'s name', () => {
  test('changing it shows the new name, tells the providers (current-user signal), and new passkeys carry it', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    await register(client, authenticator(), 'alice');
    expect(await accountPage(client)).toContain('<input id="display-name" name="display-name" value="alice"');
    const changed = await client.postForm('/account/name', { 'display-name': '  Alice Liddell  ' });
    expect(changed).toMatchObject({ status: 303, location: '/account' });
    const page = await accountPage(client);
    expect(page).toContain('<input id="display-name" name="display-name" value="Alice Liddell"');
    expect(message(page, 'account.renamed')).toMatch(/role="status" data-message="account.renamed">Your account is now shown as &quot;Alice Liddell&quot;/);
    expect(page).toMatch(/data-signal-request="current-user" data-rp-id="localhost" data-user-id="[^"]+" data-name="alice" data-display-name="Alice Liddell"/);
    expect((await creationOptions(client, 'alice')).user.displayName).toBe('Alice Liddell');
  });

  test('a bad name is a 400 that says why; signed out is a 401; no-signal-rename changes it without a signal', async () => {
    await withRp([{ name: 'no-signal-rename' }]);
    const client = new ApiClient(rp.url);
    await register(client, authenticator(), 'alice');
    for (const [name, reason] of [['  ', /Enter a name/], ['x'.repeat(65), /at most 64 characters/], ['a\u200bb', /control characters/]] as const) {
      const refused = await client.postForm('/account/name', { 'display-name': name });
      expect(refused.status, name).toBe(400);
      expect(message(refused.text, 'account.rename-invalid'), name).toMatch(reason);
    }
    expect(await client.postForm('/account/name', { 'display-name': 'Alice' })).toMatchObject({ status: 303 });
    const page = await accountPage(client);
    expect(page).toContain('data-message="account.renamed"');
    expect(page).not.toContain('data-signal-request');
    expect((await new ApiClient(rp.url).postForm('/account/name', { 'display-name': 'Mallory' })).status).toBe(401);
  });
});

test.describe('delete', () => {
  test('deletes one passkey; the page lists what is still accepted for the provider', async () => {
    await withRp();
    const { client, gpmId, helloId } = await aliceWithTwoPasskeys();
    const deleted = await client.postForm(`/account/passkeys/${helloId}/delete`);
    expect(deleted).toMatchObject({ status: 303, location: '/account' });
    const page = await accountPage(client);
    expect(passkeyItems(page).map((item) => /data-credential-id="([^"]+)"/.exec(item)?.[1])).toEqual([gpmId]);
    expect(message(page, 'passkey.deleted')).toMatch(/role="status" data-message="passkey.deleted">The passkey from Windows Hello was deleted/);
    expect(page).toMatch(new RegExp(`data-signal-request="all-accepted" data-rp-id="localhost" data-user-id="[^"]+" data-credential-ids="${gpmId}"`));
  });

  test('a deleted passkey no longer signs in, and the answer says what to signal', async () => {
    await withRp();
    const { client, hello, helloId } = await aliceWithTwoPasskeys();
    await client.postForm(`/account/passkeys/${helloId}/delete`);
    const result = await signIn(new ApiClient(rp.url), hello);
    expect(result).toMatchObject({
      status: 400,
      json: { code: 'unknown-credential', signal: { kind: 'unknown-credential', rpId: 'localhost', credentialId: helloId } },
    });
  });

  test('no-signal-unknown-credential: the refusal carries nothing to signal', async () => {
    await withRp([{ name: 'no-signal-unknown-credential' }]);
    const { client, hello, helloId } = await aliceWithTwoPasskeys();
    await client.postForm(`/account/passkeys/${helloId}/delete`);
    const result = await signIn(new ApiClient(rp.url), hello);
    expect(result).toMatchObject({ status: 400, json: { code: 'unknown-credential' } });
    expect(result.json['signal']).toBeUndefined();
  });

  test('no-signal-on-delete: deleted, but no all-accepted signal', async () => {
    await withRp([{ name: 'no-signal-on-delete' }]);
    const { client, helloId } = await aliceWithTwoPasskeys();
    await client.postForm(`/account/passkeys/${helloId}/delete`);
    const page = await accountPage(client);
    expect(page).toContain('data-message="passkey.deleted"');
    expect(page).not.toContain('data-signal-request');
  });

  test('the last way in is refused without confirmation, saying what will be lost; confirmed, it goes', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const id = await register(client, authenticator(), 'alice');
    const page = await accountPage(client);
    expect(page).toContain('name="confirm-lose-access" type="checkbox" value="yes"');
    const refused = await client.postForm(`/account/passkeys/${id}/delete`);
    expect(refused.status).toBe(409);
    expect(message(refused.text, 'passkey.delete-last-refused')).toMatch(
      /role="alert" data-message="passkey.delete-last-refused">[^<]*This is the only way into your account alice: without it you cannot sign in again\./,
    );
    expect(passkeyItems(refused.text)).toHaveLength(1);
    // A checkbox value other than the form's own does not count.
    expect((await client.postForm(`/account/passkeys/${id}/delete`, { 'confirm-lose-access': 'on' })).status).toBe(409);
    expect(passkeyItems(await accountPage(client))).toHaveLength(1);
    const confirmed = await client.postForm(`/account/passkeys/${id}/delete`, { 'confirm-lose-access': 'yes' });
    expect(confirmed).toMatchObject({ status: 303, location: '/account' });
    const after = await accountPage(client);
    expect(passkeyItems(after)).toHaveLength(0);
    expect(after).toContain('data-message="passkey.deleted"');
    expect(after).toMatch(/data-signal-request="all-accepted"[^>]*data-credential-ids=""/);
  });

  test('with two passkeys, neither delete form asks for confirmation', async () => {
    await withRp();
    const { client } = await aliceWithTwoPasskeys();
    expect(await accountPage(client)).not.toContain('confirm-lose-access');
  });

  test('delete-last-passkey-silently: the last way in goes without confirmation', async () => {
    await withRp([{ name: 'delete-last-passkey-silently' }]);
    const client = new ApiClient(rp.url);
    const id = await register(client, authenticator(), 'alice');
    expect(await client.postForm(`/account/passkeys/${id}/delete`)).toMatchObject({ status: 303 });
    expect(passkeyItems(await accountPage(client))).toHaveLength(0);
  });
});

test.describe('only the signed-in owner', () => {
  test("someone else's passkey is a 404 and stays; a made-up id too; a malformed one a 400", async () => {
    await withRp();
    const { client: alice, gpmId } = await aliceWithTwoPasskeys();
    const bob = new ApiClient(rp.url);
    await register(bob, authenticator(), 'bob');
    for (const action of ['rename', 'delete']) {
      const theirs = await bob.postForm(`/account/passkeys/${gpmId}/${action}`, { nickname: 'mine now', 'confirm-lose-access': 'yes' });
      expect(theirs.status).toBe(404);
      expect(message(theirs.text, 'passkey.not-found')).toContain('role="alert"');
      expect((await bob.postForm(`/account/passkeys/AAAAAAAAAAAAAAAAAAAAAA/${action}`, { nickname: 'x' })).status).toBe(404);
      const malformed = await bob.postForm(`/account/passkeys/not%20base64url!/${action}`, { nickname: 'x' });
      expect(malformed.status).toBe(400);
      expect(malformed.text).toContain('data-message="passkey.bad-id"');
      expect((await bob.postForm(`/account/passkeys/${'A'.repeat(1365)}/${action}`, { nickname: 'x' })).status).toBe(400);
    }
    const page = await accountPage(alice);
    expect(passkeyItems(page)).toHaveLength(2);
    expect(page).not.toContain('data-field="nickname"');
    expect((await requestOptions(new ApiClient(rp.url), 'alice')).allowCredentials?.map((c) => c.id)).toContain(gpmId);
  });

  test('signed out: 401 with a way to sign in, nothing changes', async () => {
    await withRp();
    const { client, gpmId } = await aliceWithTwoPasskeys();
    const stranger = new ApiClient(rp.url);
    const response = await stranger.postForm(`/account/passkeys/${gpmId}/delete`, { 'confirm-lose-access': 'yes' });
    expect(response.status).toBe(401);
    expect(message(response.text, 'account.signed-out')).toContain('role="alert"');
    expect(response.text).toContain('href="/signin"');
    expect(passkeyItems(await accountPage(client))).toHaveLength(2);
  });

  test('without the CSRF token: 403 page that says the form expired, nothing changes', async () => {
    await withRp();
    const { client, gpmId } = await aliceWithTwoPasskeys();
    for (const fields of [{}, { _csrf: 'forged' }] as Record<string, string>[]) {
      const response = await client.postForm(`/account/passkeys/${gpmId}/delete`, fields, { csrf: '_csrf' in fields });
      expect(response.status).toBe(403);
      expect(message(response.text, 'csrf.expired')).toMatch(/role="alert"[^>]*>This form has expired/);
      expect(response.text).toContain('id="notice-continue"');
    }
    expect(passkeyItems(await accountPage(client))).toHaveLength(2);
  });
});

test.describe('with another way in', () => {
  test('an account with a password: its only passkey goes without confirmation, and the page lists the other way in', async () => {
    const clock = new TestClock();
    rp = await startFixtureRp({ config: { now: clock.now } });
    const client = new ApiClient(rp.url);
    await signUpWithPassword(client, clock, { username: 'carol', password: 'correct horse battery staple' });
    const id = await register(client, authenticator(), 'carol');
    const page = await accountPage(client);
    expect(page).not.toContain('confirm-lose-access');
    expect(page).toMatch(/<ul data-testid="other-ways-in">\s*<li>[^<]*password[^<]*<\/li>/i);
    expect(await client.postForm(`/account/passkeys/${id}/delete`)).toMatchObject({ status: 303, location: '/account' });
    const after = await accountPage(client);
    expect(passkeyItems(after)).toHaveLength(0);
    expect(message(after, 'passkeys.none')).toContain('You sign in another way for now.');
  });
});
