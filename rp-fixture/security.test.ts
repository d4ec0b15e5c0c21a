import { expect, test } from '@playwright/test';
import type { FaultSwitch } from './faults';
import type { Policy } from './policy';
import { startFixtureRp, type RunningFixtureRp } from './server/server';
import { ApiClient } from './testSupport/apiClient';
import { creationOptions, passkeyItems, register, requestOptions, signIn } from './testSupport/rpFlows';
import { SoftAuthenticator, type SoftAuthenticatorOptions } from './testSupport/softAuthenticator';

const SYNCED = { backupEligible: true, backedUp: true };
const DEVICE_BOUND = { backupEligible: false, backedUp: false };

let rp: RunningFixtureRp;

async function withRp(faults: FaultSwitch[] = [], policy: Partial<Policy> = {}): Promise<RunningFixtureRp> {
  rp = await startFixtureRp({ faults, policy });
  return rp;
}

test.afterEach(async () => {
  await rp?.stop();
});

function authenticator(options: Omit<SoftAuthenticatorOptions, 'origin'> = SYNCED): SoftAuthenticator {
  return new SoftAuthenticator({ origin: rp.url, ...options });
}

test.describe('user verification policy', () => {
  test('required: asked for in both ceremonies; a passkey made or used without UV is refused', async () => {
    await withRp([], { userVerification: 'required' });
    const client = new ApiClient(rp.url);
    const options = await creationOptions(client, 'alice');
    expect(options.authenticatorSelection?.userVerification).toBe('required');
    const noUv = authenticator({ ...SYNCED, userVerified: false });
    const refused = await client.post('/api/registration/verify', noUv.register(options));
    expect(refused).toMatchObject({ status: 400, json: { code: 'user-verification-required' } });
    expect(String(refused.json['error'])).toContain('PIN, fingerprint');
    // No account was made.
    expect((await requestOptions(new ApiClient(rp.url), 'alice')).allowCredentials).toEqual([]);

    const device = authenticator();
    await register(client, device, 'alice');
    expect((await requestOptions(new ApiClient(rp.url))).userVerification).toBe('required');
    const without = authenticator({ ...SYNCED, userVerified: false });
    without.keys.set(...[...device.keys][0]!);
    expect(await signIn(new ApiClient(rp.url), without)).toMatchObject({ status: 400, json: { code: 'user-verification-required' } });
    expect((await signIn(new ApiClient(rp.url), device)).status).toBe(200);
  });

  test('preferred (the default) and discouraged accept a response without UV', async () => {
    for (const userVerification of ['preferred', 'discouraged'] as const) {
      await withRp([], { userVerification });
      const client = new ApiClient(rp.url);
      const options = await creationOptions(client, 'alice');
      expect(options.authenticatorSelection?.userVerification).toBe(userVerification);
      const device = authenticator({ ...SYNCED, userVerified: false });
      await register(client, device, 'alice');
      expect((await signIn(new ApiClient(rp.url), device)).status).toBe(200);
      await rp.stop();
    }
  });

  test('ignore-user-verification: "required" is still asked for, but UV=0 is accepted', async () => {
    await withRp([{ name: 'ignore-user-verification' }], { userVerification: 'required' });
    const client = new ApiClient(rp.url);
    expect((await creationOptions(client, 'alice')).authenticatorSelection?.userVerification).toBe('required');
    const device = authenticator({ ...SYNCED, userVerified: false });
    await register(client, device, 'alice');
    expect((await signIn(new ApiClient(rp.url), device)).status).toBe(200);
  });

  test('an invalid policy is refused at start', async () => {
    const bogus = { userVerification: 'sometimes' } as unknown as Partial<Policy>;
    await expect(startFixtureRp({ policy: bogus })).rejects.toThrow('Invalid user verification "sometimes"');
  });
});

test.describe('signature counter', () => {
  test('device-bound: a counter that does not increase is refused and nothing is recorded', async () => {
    await withRp();
    const device = authenticator(DEVICE_BOUND);
    const id = await register(new ApiClient(rp.url), device, 'alice');
    const client = new ApiClient(rp.url);
    expect((await signIn(client, device)).status).toBe(200);
    expect((await signIn(client, device)).status).toBe(200);
    const key = device.keys.get(id)!;
    key.counter = 1; // the next use sends 2 after 2
    const refused = await signIn(new ApiClient(rp.url), device);
    expect(refused).toMatchObject({ status: 400, json: { code: 'counter-regressed' } });
    expect(String(refused.json['error'])).toContain('went backwards (2 after 2)');
    expect((await signIn(new ApiClient(rp.url), device)).status).toBe(200); // 3 after 2
  });

  test('synced passkeys and providers that send 0 are not judged by the counter', async () => {
    await withRp();
    const synced = authenticator(SYNCED);
    const id = await register(new ApiClient(rp.url), synced, 'alice');
    expect((await signIn(new ApiClient(rp.url), synced)).status).toBe(200);
    synced.keys.get(id)!.counter = 0;
    expect((await signIn(new ApiClient(rp.url), synced)).status).toBe(200);
    const zero = authenticator(DEVICE_BOUND);
    const zeroId = await register(new ApiClient(rp.url), zero, 'bob');
    for (let i = 0; i < 2; i++) {
      zero.keys.get(zeroId)!.counter = -1; // sends 0 every time
      expect((await signIn(new ApiClient(rp.url), zero)).status).toBe(200);
    }
  });

  test('ignore-counter: a regressed counter is accepted', async () => {
    await withRp([{ name: 'ignore-counter' }]);
    const device = authenticator(DEVICE_BOUND);
    const id = await register(new ApiClient(rp.url), device, 'alice');
    expect((await signIn(new ApiClient(rp.url), device)).status).toBe(200);
    device.keys.get(id)!.counter = 0;
    expect((await signIn(new ApiClient(rp.url), device)).status).toBe(200);
  });
});

test.describe('origin and RP ID', () => {
  test('a sign-in signed for another origin is refused; skip-origin-check accepts it', async () => {
    for (const faults of [[], [{ name: 'skip-origin-check' }]] as FaultSwitch[][]) {
      await withRp(faults);
      const device = authenticator();
      const id = await register(new ApiClient(rp.url), device, 'alice');
      const phished = new SoftAuthenticator({ origin: 'https://evil.example', ...SYNCED });
      phished.keys.set(id, device.keys.get(id)!);
      const result = await signIn(new ApiClient(rp.url), phished);
      expect(result.status, JSON.stringify(faults)).toBe(faults.length ? 200 : 400);
      if (!faults.length) expect(result.json).toMatchObject({ code: 'verification-failed' });
      const registration = new ApiClient(rp.url);
      const made = await registration.post('/api/registration/verify', phished.register(await creationOptions(registration, 'bob')));
      expect(made.status, JSON.stringify(faults)).toBe(faults.length ? 200 : 400);
      await rp.stop();
    }
  });

  test('a sign-in from a look-alike origin (the RP\'s own, then more) is refused; origin-prefix-match accepts it', async () => {
    for (const faults of [[], [{ name: 'origin-prefix-match' }]] as FaultSwitch[][]) {
      await withRp(faults);
      const device = authenticator();
      const id = await register(new ApiClient(rp.url), device, 'alice');
      const lookAlike = new SoftAuthenticator({ origin: `${new URL(rp.url).origin}.evil.example`, ...SYNCED });
      lookAlike.keys.set(id, device.keys.get(id)!);
      const result = await signIn(new ApiClient(rp.url), lookAlike);
      expect(result.status, JSON.stringify(faults)).toBe(faults.length ? 200 : 400);
      const elsewhere = new SoftAuthenticator({ origin: 'https://evil.example', ...SYNCED });
      elsewhere.keys.set(id, device.keys.get(id)!);
      expect((await signIn(new ApiClient(rp.url), elsewhere)).status, 'another site entirely is refused either way').toBe(400);
      await rp.stop();
    }
  });

  test('a response for another RP ID is refused in both ceremonies; skip-rpid-check accepts it', async () => {
    for (const faults of [[], [{ name: 'skip-rpid-check' }]] as FaultSwitch[][]) {
      await withRp(faults);
      const client = new ApiClient(rp.url);
      const otherSite = authenticator({ ...SYNCED, rpId: 'evil.example' });
      const made = await client.post('/api/registration/verify', otherSite.register(await creationOptions(client, 'alice')));
      expect(made.status, JSON.stringify(made.json)).toBe(faults.length ? 200 : 400);
      if (!faults.length) expect(String(made.json['error'])).toContain('RP ID');

      const device = authenticator();
      const id = await register(new ApiClient(rp.url), device, 'bob');
      otherSite.keys.set(id, device.keys.get(id)!);
      const used = await signIn(new ApiClient(rp.url), otherSite);
      expect(used.status, JSON.stringify(used.json)).toBe(faults.length ? 200 : 400);
      await rp.stop();
    }
  });
});

test.describe('passkey owner', () => {
  test("username-first: another account's passkey is refused; skip-owner-check signs in the account asked for", async () => {
    for (const faults of [[], [{ name: 'skip-owner-check' }]] as FaultSwitch[][]) {
      await withRp(faults);
      await register(new ApiClient(rp.url), authenticator(), 'alice');
      const mallory = authenticator();
      await register(new ApiClient(rp.url), mallory, 'mallory');
      const client = new ApiClient(rp.url);
      const result = await signIn(client, mallory, 'alice');
      if (!faults.length) {
        expect(result).toMatchObject({ status: 400, json: { code: 'credential-not-for-user' } });
      } else {
        expect(result.status).toBe(200);
        expect((await client.get('/account')).text).toContain('data-testid="account-username">alice<');
      }
      await rp.stop();
    }
  });
});

test.describe('challenges', () => {
  test('a sign-in response cannot be replayed; replayable-challenge lets it through', async () => {
    for (const faults of [[], [{ name: 'replayable-challenge' }]] as FaultSwitch[][]) {
      await withRp(faults);
      const device = authenticator();
      await register(new ApiClient(rp.url), device, 'alice');
      const client = new ApiClient(rp.url);
      const response = device.authenticate(await requestOptions(client));
      expect((await client.post('/api/authentication/verify', response)).status).toBe(200);
      const replay = await new ApiClient(rp.url).post('/api/authentication/verify', response);
      if (faults.length) expect(replay.status).toBe(200);
      else expect(replay).toMatchObject({ status: 400, json: { code: 'challenge-expired' } });
      await rp.stop();
    }
  });
});

test.describe('challenges after a refused answer', () => {
  test('a refused answer uses its challenge up; challenge-survives-failure leaves it open for the genuine answer', async () => {
    for (const faults of [[], [{ name: 'challenge-survives-failure' }]] as FaultSwitch[][]) {
      await withRp(faults);
      const device = authenticator();
      await register(new ApiClient(rp.url), device, 'alice');
      const client = new ApiClient(rp.url);
      const genuine = device.authenticate(await requestOptions(client));
      const tampered = { ...genuine, response: { ...genuine.response, signature: Buffer.from('not the signature').toString('base64url') } };
      expect(await client.post('/api/authentication/verify', tampered)).toMatchObject({ status: 400, json: { code: 'verification-failed' } });
      const after = await client.post('/api/authentication/verify', genuine);
      if (faults.length) expect(after.status).toBe(200);
      else expect(after).toMatchObject({ status: 400, json: { code: 'challenge-expired' } });
      await rp.stop();
    }
  });
});

test.describe('session', () => {
  test('sign-out ends the session on the server; keep-session-at-sign-out leaves a copied cookie signed in', async () => {
    for (const faults of [[], [{ name: 'keep-session-at-sign-out' }]] as FaultSwitch[][]) {
      await withRp(faults);
      const client = new ApiClient(rp.url);
      await register(client, authenticator(), 'alice');
      const copied = client.copy();
      expect((await copied.get('/account')).status).toBe(200);
      expect(await client.postForm('/signout')).toMatchObject({ status: 303, location: '/signin' });
      expect((await client.get('/account')).status, 'the browser that signed out').toBe(302);
      expect((await copied.get('/account')).status, JSON.stringify(faults)).toBe(faults.length ? 200 : 302);
      await rp.stop();
    }
  });

  test('keep-session-id: the session id from before sign-in stays', async () => {
    for (const faults of [[], [{ name: 'keep-session-id' }]] as FaultSwitch[][]) {
      await withRp(faults);
      const device = authenticator();
      await register(new ApiClient(rp.url), device, 'alice');
      const client = new ApiClient(rp.url);
      const options = await requestOptions(client);
      const before = client.cookieValues();
      expect((await client.post('/api/authentication/verify', device.authenticate(options))).status).toBe(200);
      if (faults.length) expect(client.cookieValues()).toEqual(before);
      else expect(client.cookieValues()).not.toEqual(before);
      expect((await client.get('/account')).status).toBe(200);
      await rp.stop();
    }
  });
});

test.describe('CSRF', () => {
  test('every POST needs the session token: missing, wrong or another session\'s is a 403', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const other = new ApiClient(rp.url);
    const routes = ['/api/registration/options', '/api/registration/verify', '/api/authentication/options', '/api/authentication/verify', '/signout'];
    for (const route of routes) {
      for (const headers of [{}, { 'X-CSRF-Token': 'wrong' }, { 'X-CSRF-Token': await other.csrfToken() }] as Record<string, string>[]) {
        const result = await client.post(route, { username: 'alice' }, headers, { csrf: 'X-CSRF-Token' in headers });
        expect(result, `${route} ${JSON.stringify(headers)}`).toMatchObject({ status: 403, json: { code: 'csrf' } });
      }
    }
    expect((await client.post('/api/registration/options', { username: 'alice' })).status).toBe(200);
  });

  test('the token changes at sign-in: one read before it is refused after', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const before = await client.csrfToken();
    await register(client, authenticator(), 'alice');
    const after = await client.csrfToken();
    expect(after).not.toBe(before);
    expect(await client.post('/api/authentication/options', {}, { 'X-CSRF-Token': before })).toMatchObject({ status: 403 });
  });

  test('the token is in every page and the sign-out form', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    await register(client, authenticator(), 'alice');
    const token = await client.csrfToken();
    for (const path of ['/signin', '/register', '/account']) {
      expect((await client.get(path)).text, path).toContain(`<meta name="csrf-token" content="${token}">`);
    }
    expect((await client.get('/account')).text).toContain(`<form method="post" action="/signout"><input type="hidden" name="_csrf" value="${token}">`);
  });

  test('csrf-any-token: a made-up token passes where none does not', async () => {
    await withRp([{ name: 'csrf-any-token' }]);
    const client = new ApiClient(rp.url);
    await register(client, authenticator(), 'alice');
    expect(await client.post('/api/authentication/options', {}, {}, { csrf: false })).toMatchObject({ status: 403 });
    expect((await client.post('/api/authentication/options', {}, { 'X-CSRF-Token': 'made-up' })).status).toBe(200);
  });

  test('no-csrf: a forged post goes through', async () => {
    await withRp([{ name: 'no-csrf' }]);
    const client = new ApiClient(rp.url);
    await register(client, authenticator(), 'alice');
    const signout = await client.postForm('/signout', {}, { csrf: false });
    expect(signout).toMatchObject({ status: 303, location: '/signin' });
    expect((await client.get('/account')).status).toBe(302);
  });
});

test.describe('excludeCredentials', () => {
  test('the account\'s passkeys are excluded; no-exclude-credentials sends none', async () => {
    for (const faults of [[], [{ name: 'no-exclude-credentials' }]] as FaultSwitch[][]) {
      await withRp(faults);
      const client = new ApiClient(rp.url);
      const id = await register(client, authenticator(), 'alice');
      const excluded = (await creationOptions(client, 'alice')).excludeCredentials?.map((credential) => credential.id);
      expect(excluded).toEqual(faults.length ? [] : [id]);
      await rp.stop();
    }
  });
});

test.describe('the register page', () => {
  const UA = {
    windowsEdge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    windowsFirefox: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    windowsChrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    android: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  };

  async function registerPage(userAgent: string): Promise<string> {
    const response = await new ApiClient(rp.url).request('/register', { method: 'GET', headers: { 'User-Agent': userAgent } });
    return response.text();
  }

  test('says where the passkey will likely go, and warns when it will not sync from here', async () => {
    await withRp();
    for (const ua of [UA.windowsEdge, UA.windowsFirefox]) {
      const page = await registerPage(ua);
      expect(page).toMatch(/data-message="creation.expected-provider" data-provider="Windows Hello"[^>]*role="note"/);
      expect(page).toMatch(/data-message="creation.wont-sync" data-provider="Windows Hello" role="note">A passkey saved by Windows Hello stays on this computer/);
    }
    const chrome = await registerPage(UA.windowsChrome);
    expect(chrome).toMatch(/data-provider="Google Password Manager" data-alternatives="Windows Hello"/);
    expect(chrome).toContain('without a TPM, Windows Hello');
    expect(chrome).not.toContain('creation.wont-sync');
    expect(await registerPage(UA.android)).toMatch(/data-provider="Google Password Manager"[\s\S]*password manager such as 1Password/);
    expect(await registerPage(UA.iphone)).toMatch(/data-provider="iCloud Keychain"/);
    expect(await registerPage(UA.android)).not.toContain('creation.wont-sync');
  });

  test('no-sync-warning: no creation.wont-sync anywhere', async () => {
    await withRp([{ name: 'no-sync-warning' }]);
    for (const ua of Object.values(UA)) expect(await registerPage(ua)).not.toContain('creation.wont-sync');
    expect(await registerPage(UA.windowsEdge)).toContain('data-provider="Windows Hello"');
  });
});

test.describe('bad input: a clear 4xx, never a 5xx, never a changed account', () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64url');
  const garbage: [string, unknown][] = [
    ['broken JSON', '{"username": '],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['a string', '"alice"'],
    ['an array', [{ username: 'x' }]],
    ['an empty object', {}],
    ['wrong types', { username: 42, id: 7, rawId: [], type: 'public-key', response: 'nope' }],
    ['nested wrong types', { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 5, attestationObject: {}, authenticatorData: null, signature: [] } }],
    ['invalid base64url', { id: 'not base64!', rawId: 'not base64!', type: 'public-key', response: { clientDataJSON: '***', attestationObject: '***', authenticatorData: '***', signature: '***' } }],
    ['a huge string', { username: 'x'.repeat(60_000) }],
    ['too large', { username: 'x'.repeat(70_000) }],
    ['clientData not JSON', { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: b64('not json'), attestationObject: 'AAAA', authenticatorData: 'AAAA', signature: 'AAAA' } }],
    ['clientData an array', { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: b64('[1,2]'), attestationObject: 'AAAA', authenticatorData: 'AAAA', signature: 'AAAA' } }],
    ['proto pollution', JSON.parse('{"__proto__": {"admin": true}, "username": {"__proto__": 1}}')],
  ];
  const apiRoutes = ['/api/registration/options', '/api/registration/verify', '/api/authentication/options', '/api/authentication/verify'];

  test('every API route with every kind of garbage', async () => {
    await withRp();
    const owner = new ApiClient(rp.url);
    const id = await register(owner, authenticator(), 'alice');
    const before = (await owner.get('/account')).text;
    for (const signedIn of [false, true]) {
      const client = signedIn ? owner : new ApiClient(rp.url);
      for (const route of apiRoutes) {
        for (const [what, body] of garbage) {
          // {} is a valid options request: discoverable sign-in, or a passkey for the signed-in account.
          if (route.endsWith('/options') && what === 'an empty object') continue;
          const result = await client.post(route, body);
          const label = `${signedIn ? 'signed in' : 'anonymous'} ${route} ${what}: ${JSON.stringify(result.json)}`;
          expect(result.status, label).toBeGreaterThanOrEqual(400);
          expect(result.status, label).toBeLessThan(500);
          expect(typeof result.json['error'], label).toBe('string');
          expect(typeof result.json['code'], label).toBe('string');
        }
        // A body that is not JSON at all.
        const text = await client.request(route, {
          method: 'POST',
          headers: { 'Content-Type': 'text/plain', Origin: rp.url, 'X-CSRF-Token': await client.csrfToken() },
          body: 'username=alice',
        });
        expect(text.status, `${route} text/plain`).toBe(415);
        expect(await text.json()).toMatchObject({ code: 'unsupported-media-type' });
        const form = await client.request(route, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: rp.url, 'X-CSRF-Token': await client.csrfToken() },
          body: 'username=mallory',
        });
        expect(form.status, `${route} form`).toBe(415);
      }
    }
    expect(await new ApiClient(rp.url).post('/api/registration/options', {})).toMatchObject({ status: 400, json: { code: 'bad-username' } });
    expect((await new ApiClient(rp.url).post('/api/authentication/options', {})).status).toBe(200);
    const after = (await owner.get('/account')).text;
    expect(passkeyItems(after)).toEqual(passkeyItems(before));
    expect(after).toContain(`data-credential-id="${id}"`);
    expect((await requestOptions(new ApiClient(rp.url), 'mallory')).allowCredentials).toEqual([]);
  });

  test('every form route with garbage', async () => {
    await withRp();
    const client = new ApiClient(rp.url);
    const id = await register(client, authenticator(), 'alice');
    const token = await client.csrfToken();
    const forms = [`/account/passkeys/${id}/rename`, `/account/passkeys/${id}/delete`, '/account/passkeys/%E0%A4%A/rename', '/account/passkeys/%00/delete'];
    const bodies: [string, string, string][] = [
      ['form with arrays', 'application/x-www-form-urlencoded', `_csrf=${token}&nickname[]=a&nickname[b]=c&confirm-lose-access=yes&confirm-lose-access=yes`],
      ['huge form', 'application/x-www-form-urlencoded', `_csrf=${token}&nickname=${'x'.repeat(70_000)}`],
      ['many fields', 'application/x-www-form-urlencoded', `_csrf=${token}&${Array.from({ length: 200 }, (_, i) => `f${i}=1`).join('&')}`],
      ['JSON', 'application/json', JSON.stringify({ _csrf: token, nickname: ['a'], 'confirm-lose-access': true })],
      ['broken JSON', 'application/json', '{"_csrf":'],
      ['text', 'text/plain', 'nickname=x'],
    ];
    for (const form of forms) {
      for (const [what, type, body] of bodies) {
        const response = await client.request(form, { method: 'POST', headers: { 'Content-Type': type, Origin: rp.url, 'X-CSRF-Token': token }, body });
        const label = `${form} ${what}`;
        expect(response.status, label).toBeGreaterThanOrEqual(400);
        expect(response.status, label).toBeLessThan(500);
      }
    }
    const page = (await client.get('/account')).text;
    expect(passkeyItems(page)).toHaveLength(1);
    expect(page).not.toContain('data-field="nickname"');
  });

  test('crash-on-malformed: a malformed verify body is a 500', async () => {
    await withRp([{ name: 'crash-on-malformed' }]);
    const client = new ApiClient(rp.url);
    for (const route of ['/api/registration/verify', '/api/authentication/verify']) {
      expect((await client.post(route, { id: 'x' })).status, route).toBe(500);
    }
  });
});
