import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { expect, test } from '@playwright/test';
import type { FaultSwitch } from './faults';
import { startFixtureRp, type RunningFixtureRp } from './server/server';
import { ApiClient } from './testSupport/apiClient';
import { SoftAuthenticator, type SoftAuthenticatorOptions } from './testSupport/softAuthenticator';

const GPM_AAGUID = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';
const SYNCED = { backupEligible: true, backedUp: true };

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

async function creationOptions(client: ApiClient, username: string) {
  const { status, json } = await client.post('/api/registration/options', { username });
  expect(status, JSON.stringify(json)).toBe(200);
  return json as unknown as PublicKeyCredentialCreationOptionsJSON;
}

async function requestOptions(client: ApiClient, username?: string) {
  const { status, json } = await client.post('/api/authentication/options', username === undefined ? {} : { username });
  expect(status, JSON.stringify(json)).toBe(200);
  return json as unknown as PublicKeyCredentialRequestOptionsJSON;
}

/** Creates an account with one passkey; the client ends up signed in. */
async function register(client: ApiClient, device: SoftAuthenticator, username: string): Promise<string> {
  const response = device.register(await creationOptions(client, username));
  const { status, json } = await client.post('/api/registration/verify', response);
  expect(status, JSON.stringify(json)).toBe(200);
  expect(json).toEqual({ verified: true, redirect: `/account?created=${response.id}` });
  return response.id;
}

async function signIn(client: ApiClient, device: SoftAuthenticator, username?: string, credentialId?: string) {
  return client.post('/api/authentication/verify', device.authenticate(await requestOptions(client, username), credentialId));
}

function passkeyItems(html: string): string[] {
  return html.match(/<li data-testid="passkey"[\s\S]*?<\/li>/g) ?? [];
}

test.describe('registration', () => {
  test('creates the account, signs in under a new session id, and shows the passkey', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const options = await creationOptions(client, 'alice');
    expect(options).toMatchObject({
      rp: { name: 'Passkey Matrix Fixture', id: 'localhost' },
      user: { name: 'alice' },
      attestation: 'none',
      excludeCredentials: [],
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    const sessionBefore = client.cookieValues();
    const response = authenticator().register(options);
    const verify = await client.post('/api/registration/verify', response);
    expect(verify).toEqual({ status: 200, json: { verified: true, redirect: `/account?created=${response.id}` } });
    expect(client.cookieValues()).not.toEqual(sessionBefore);

    const page = await client.get(`/account?created=${response.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<span data-testid="account-username">alice</span>');
    expect(page.text).toMatch(/data-message="creation.saved" data-provider="Unknown provider" data-sync="synced"/);
    const [item] = passkeyItems(page.text);
    expect(item).toContain(`data-credential-id="${response.id}"`);
    expect(item).toContain('data-aaguid="00000000-0000-0000-0000-000000000000"');
    expect(item).toContain('<span data-field="last-used">never</span>');
  });

  test('an existing username cannot get a passkey from someone not signed in as it', async () => {
    await withRp();
    await register(new ApiClient(rp.url), authenticator(), 'alice');
    const stranger = new ApiClient(rp.url);
    const { status, json } = await stranger.post('/api/registration/options', { username: 'ALICE' });
    expect(status).toBe(409);
    expect(json).toMatchObject({ code: 'account-exists' });
    expect(String(json['error'])).toContain('already exists');
  });

  test('the account exists only once a registration verifies; the race loser gets 409', async () => {
    await withRp();
    const first = new ApiClient(rp.url);
    const second = new ApiClient(rp.url);
    const optionsA = await creationOptions(first, 'carol');
    const optionsB = await creationOptions(second, 'carol');
    expect((await second.post('/api/registration/verify', authenticator().register(optionsB))).status).toBe(200);
    const late = await first.post('/api/registration/verify', authenticator().register(optionsA));
    expect(late).toMatchObject({ status: 409, json: { code: 'account-exists' } });
  });

  test('signed in, a new passkey goes to the signed-in account whatever username is sent', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const firstId = await register(client, authenticator(), 'alice');
    const options = await creationOptions(client, 'mallory');
    expect(options.user.name).toBe('alice');
    expect(options.excludeCredentials?.map((credential) => credential.id)).toEqual([firstId]);
    const { status } = await client.post('/api/registration/verify', authenticator({ aaguid: GPM_AAGUID, ...SYNCED }).register(options));
    expect(status).toBe(200);
    const items = passkeyItems((await client.get('/account')).text);
    expect(items).toHaveLength(2);
    expect(items[1]).toContain('<span class="provider" data-field="provider">Google Password Manager</span>');
  });

  test('a device-bound passkey is shown as such, with advice to add a second one', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const id = await register(client, authenticator({ backupEligible: false, backedUp: false }), 'dave');
    const page = (await client.get(`/account?created=${id}`)).text;
    expect(page).toMatch(/data-message="creation.saved" data-provider="Unknown provider" data-sync="device-bound"/);
    expect(page).toContain('data-message="creation.device-bound-advice"');
    expect(passkeyItems(page)[0]).toContain('<span data-field="sync">Only on this device</span>');
  });

  test('a challenge is single-use: replaying a verified response fails', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const response = authenticator().register(await creationOptions(client, 'erin'));
    expect((await client.post('/api/registration/verify', response)).status).toBe(200);
    expect(await client.post('/api/registration/verify', response)).toMatchObject({ status: 400, json: { code: 'challenge-expired' } });
  });

  test('a response signed for another origin is refused, and its challenge is gone', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const options = await creationOptions(client, 'frank');
    const forged = new SoftAuthenticator({ origin: 'http://localhost:1', ...SYNCED }).register(options);
    const refused = await client.post('/api/registration/verify', forged);
    expect(refused).toMatchObject({ status: 400, json: { code: 'verification-failed' } });
    const retry = await client.post('/api/registration/verify', authenticator().register(options));
    expect(retry).toMatchObject({ status: 400, json: { code: 'challenge-expired' } });
  });
});

test.describe('sign-in', () => {
  test('discoverable: no allowCredentials; signs in, rotates the session, records the use', async () => {
    await withRp();
    const device = authenticator();
    await register(new ApiClient(rp.url), device, 'alice');
    const client = new ApiClient(rp.url);
    const options = await requestOptions(client);
    expect(options.allowCredentials).toEqual([]);
    const before = client.cookieValues();
    const verify = await client.post('/api/authentication/verify', device.authenticate(options));
    expect(verify).toEqual({ status: 200, json: { verified: true, redirect: '/account' } });
    expect(client.cookieValues()).not.toEqual(before);
    const page = (await client.get('/account')).text;
    expect(page).toContain('<span data-testid="account-username">alice</span>');
    expect(passkeyItems(page)[0]).toMatch(/<time data-field="last-used" datetime="\d{4}-\d\d-\d\dT/);
    expect((await signIn(client, device)).status).toBe(200);
  });

  test('the autofill request and a button press, fetched at once after the page loads, both stay valid', async () => {
    await withRp();
    const device = authenticator();
    await register(new ApiClient(rp.url), device, 'alice');
    const client = new ApiClient(rp.url);
    await client.get('/signin');
    const [autofill, button] = await Promise.all([requestOptions(client), requestOptions(client)]);
    expect((await client.post('/api/authentication/verify', device.authenticate(button))).status).toBe(200);
    // The sign-in replaced the session, so the autofill challenge died with the old one.
    expect(await client.post('/api/authentication/verify', device.authenticate(autofill))).toMatchObject({
      status: 400,
      json: { code: 'challenge-expired' },
    });
    const other = new ApiClient(rp.url);
    await other.get('/signin');
    const [first] = await Promise.all([requestOptions(other), requestOptions(other)]);
    expect((await other.post('/api/authentication/verify', device.authenticate(first))).status).toBe(200);
  });

  test('username-first: a known account gets its credentials, an unknown one the same empty answer', async () => {
    await withRp();
    const id = await register(new ApiClient(rp.url), authenticator(), 'alice');
    const client = new ApiClient(rp.url);
    expect((await requestOptions(client, 'alice')).allowCredentials).toEqual([{ id, type: 'public-key', transports: ['internal', 'hybrid'] }]);
    expect((await requestOptions(client, 'nobody')).allowCredentials).toEqual([]);
  });

  test('username-first refuses a passkey of another account', async () => {
    await withRp();
    const aliceDevice = authenticator();
    const bobDevice = authenticator();
    await register(new ApiClient(rp.url), aliceDevice, 'alice');
    await register(new ApiClient(rp.url), bobDevice, 'bob');
    const result = await signIn(new ApiClient(rp.url), bobDevice, 'alice');
    expect(result).toMatchObject({ status: 400, json: { code: 'credential-not-for-user' } });
  });

  test('a user handle of another account is refused', async () => {
    await withRp();
    const device = authenticator();
    const id = await register(new ApiClient(rp.url), device, 'alice');
    const key = device.keys.get(id);
    if (key) key.userHandle = 'c29tZW9uZS1lbHNl';
    expect(await signIn(new ApiClient(rp.url), device)).toMatchObject({ status: 400, json: { code: 'user-handle-mismatch' } });
  });

  test('an unknown credential is a 400 with code unknown-credential', async () => {
    await withRp();
    const device = authenticator();
    await register(new ApiClient(rp.url), device, 'alice');
    const client = new ApiClient(rp.url);
    const response = device.authenticate(await requestOptions(client));
    const unknown = { ...response, id: 'AAAAAAAAAAAAAAAAAAAAAA', rawId: 'AAAAAAAAAAAAAAAAAAAAAA' };
    const result = await client.post('/api/authentication/verify', unknown);
    expect(result).toMatchObject({ status: 400, json: { code: 'unknown-credential' } });
    expect(String(result.json['error'])).toContain('not registered');
  });

  test('a replayed (non-increasing) counter of a device-bound passkey is refused', async () => {
    await withRp();
    const device = authenticator({ backupEligible: false, backedUp: false });
    const id = await register(new ApiClient(rp.url), device, 'alice');
    const client = new ApiClient(rp.url);
    expect((await signIn(client, device)).status).toBe(200);
    const stale = device.keys.get(id);
    if (stale) stale.counter = 0;
    expect(await signIn(client, device)).toMatchObject({ status: 400, json: { code: 'counter-regressed' } });
  });

  test('sign-out ends the session', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    await register(client, authenticator(), 'alice');
    expect((await client.get('/')).location).toBe('/account');
    const signout = await client.postForm('/signout');
    expect(signout.status).toBe(303);
    expect(signout.location).toBe('/signin');
    expect(await client.get('/account')).toMatchObject({ status: 302, location: '/signin' });
    expect((await client.get('/')).location).toBe('/signin');
  });
});

test.describe('bad input never becomes a 500', () => {
  test('malformed, oversized, missing and cross-site requests', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    expect(await client.post('/api/registration/options', '{not json')).toMatchObject({ status: 400, json: { code: 'bad-request' } });
    expect(await client.post('/api/registration/options', {})).toMatchObject({ status: 400, json: { code: 'bad-username' } });
    expect(await client.post('/api/registration/options', { username: 'x'.repeat(65) })).toMatchObject({ status: 400 });
    expect(await client.post('/api/registration/verify', { id: 'x' })).toMatchObject({ status: 400, json: { code: 'bad-request' } });
    expect(await client.post('/api/authentication/verify', [])).toMatchObject({ status: 400 });
    const clientData = Buffer.from('{"challenge":"nope"}').toString('base64url');
    const noChallenge = { id: 'abc', rawId: 'abc', type: 'public-key', response: { clientDataJSON: clientData, authenticatorData: 'AA', signature: 'AA' } };
    expect(await client.post('/api/authentication/verify', noChallenge)).toMatchObject({ status: 400, json: { code: 'challenge-expired' } });
    expect(await client.post('/api/registration/options', { username: 'a'.repeat(70_000) })).toMatchObject({ status: 413 });
    const crossSite = await client.post('/api/registration/options', { username: 'eve' }, { Origin: 'https://evil.example' });
    expect(crossSite).toMatchObject({ status: 403, json: { code: 'cross-origin' } });
    expect(await client.post('/api/nothing', {})).toMatchObject({ status: 404 });
  });
});

test.describe('pages', () => {
  test('every interpolated value is escaped', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    await register(client, authenticator(), '<b>"x"</b>');
    const page = (await client.get('/account')).text;
    expect(page).toContain('<span data-testid="account-username">&lt;b&gt;&quot;x&quot;&lt;/b&gt;</span>');
    expect(page).not.toContain('<b>"x"</b>');
  });

  test('HTML responses ask for high-entropy client hints', async () => {
    await withRp();
    const response = await new ApiClient(rp.url).request('/signin', { method: 'GET' });
    expect(response.headers.get('accept-ch')).toBe('Sec-CH-UA-Platform-Version, Sec-CH-UA-Full-Version-List');
    const html = await response.text();
    expect(html).toContain('<input id="username" name="username" type="text" autocomplete="username webauthn"');
    expect(html).toContain('id="signin-passkey"');
    expect(html).toContain('id="go-register"');
  });

  test('the register page says where a passkey will likely be saved', async () => {
    await withRp();
    const response = await new ApiClient(rp.url).request('/register', {
      method: 'GET',
      headers: { 'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0' },
    });
    expect(await response.text()).toMatch(/data-message="creation.expected-provider" data-provider="Windows Hello"[^>]*data-sync="device-bound"/);
  });
});

test.describe('faults', () => {
  test('mislabel-provider renames only the passkeys of its AAGUID', async () => {
    await withRp([{ name: 'mislabel-provider', arg: GPM_AAGUID.toUpperCase() }]);
    const client = new ApiClient(rp.url);
    const id = await register(client, authenticator({ aaguid: GPM_AAGUID, ...SYNCED }), 'alice');
    await client.post('/api/registration/verify', authenticator().register(await creationOptions(client, 'alice')));
    const page = (await client.get(`/account?created=${id}`)).text;
    expect(page).toMatch(/data-message="creation.saved" data-provider="iCloud Keychain"/);
    const [gpm, other] = passkeyItems(page);
    expect(gpm).toContain(`data-aaguid="${GPM_AAGUID}"`);
    expect(gpm).toContain('data-field="provider">iCloud Keychain<');
    expect(other).toContain('data-field="provider">Unknown provider<');
  });

  test('misreport-sync shows a device-bound passkey as synced', async () => {
    await withRp([{ name: 'misreport-sync' }]);
    const client = new ApiClient(rp.url);
    const id = await register(client, authenticator({ backupEligible: false, backedUp: false }), 'alice');
    const page = (await client.get(`/account?created=${id}`)).text;
    expect(page).toMatch(/data-message="creation.saved" data-provider="Unknown provider" data-sync="synced"/);
    expect(page).not.toContain('creation.device-bound-advice');
    expect(passkeyItems(page)[0]).toContain('<span data-field="sync">Synced</span>');
  });

  test('misdetect-environment records Chrome on Windows for a passkey made on an iPhone', async () => {
    await withRp([{ name: 'misdetect-environment' }]);
    const client = new ApiClient(rp.url);
    const options = await creationOptions(client, 'alice');
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
    await client.post('/api/registration/verify', authenticator().register(options), { 'User-Agent': iphone });
    const [item] = passkeyItems((await client.get('/account')).text);
    expect(item).toContain('data-created-os="windows"');
    expect(item).toContain('data-created-browser="chrome"');
    expect(item).toContain('<span data-field="created-in">Chrome on Windows</span>');
  });
});

test('stop() returns promptly with a keep-alive connection open', async () => {
  await withRp();
  const client = new ApiClient(rp.url);
  await client.get('/signin');
  const started = performance.now();
  await rp.stop();
  expect(performance.now() - started).toBeLessThan(1000);
  await rp.stop();
});
