import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { expect, test } from '@playwright/test';
import type { RpConfigInput } from './config';
import type { FaultSwitch } from './faults';
import { startFixtureRp, type RunningFixtureRp } from './server/server';
import { ApiClient } from './testSupport/apiClient';
import { SoftAuthenticator } from './testSupport/softAuthenticator';
import { expectMessage, messageCodes, messageTag, open, registerPasskey, signUpWithPassword, TestClock, UA } from './testSupport/waysInClient';

const GPM = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';
const ICLOUD = 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd';
const HELLO = '08987058-cadc-4b81-b6e1-30de50dcbe96';
const ONE_PASSWORD = 'bada5566-a7aa-401f-bd96-45619a55120d';

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

function device(aaguid: string, synced = true): SoftAuthenticator {
  return new SoftAuthenticator({ origin: rp?.url ?? '', aaguid, backupEligible: synced, backedUp: synced });
}

/** alice: an iCloud Keychain passkey made on a Mac, a Windows Hello one made in Edge, a 1Password one. */
async function aliceWithThreeProviders(client: ApiClient): Promise<void> {
  await registerPasskey(client, device(ICLOUD), 'alice', UA.macSafari);
  await registerPasskey(client, device(HELLO, false), 'alice', UA.windowsEdge);
  await registerPasskey(client, device(ONE_PASSWORD), 'alice', UA.windowsEdge);
}

function providerItems(html: string): Array<{ provider: string; reachable: string }> {
  return [...html.matchAll(/<li data-provider="([^"]*)" data-reachable="([^"]*)">/g)].map(([, provider = '', reachable = '']) => ({ provider, reachable }));
}

test.describe('sign-in help', () => {
  test('names the providers of a known account and whether each is reachable from here', async () => {
    const { rp, client } = await withRp();
    await aliceWithThreeProviders(client);
    const fromAndroid = await open(new ApiClient(rp.url), '/signin/help?username=alice&error=NotAllowedError', UA.androidChrome);
    expect(fromAndroid.status).toBe(200);
    expect(expectMessage(fromAndroid.text, 'signin.failed', 'alert')).toContain('data-error-name="NotAllowedError"');
    expectMessage(fromAndroid.text, 'signin-help.providers', 'note');
    expect(providerItems(fromAndroid.text)).toEqual([
      { provider: 'Apple Passwords', reachable: 'no' },
      { provider: 'Windows Hello', reachable: 'no' },
      { provider: '1Password', reachable: 'maybe' },
    ]);
    expect(fromAndroid.text).toContain('iCloud Keychain passkeys cannot be used from Chrome on Android');

    const fromEdge = await open(new ApiClient(rp.url), '/signin/help?username=alice', UA.windowsEdge);
    expect(providerItems(fromEdge.text)).toEqual([
      { provider: 'Apple Passwords', reachable: 'no' },
      { provider: 'Windows Hello', reachable: 'maybe' },
      { provider: '1Password', reachable: 'maybe' },
    ]);
    const fromMac = await open(new ApiClient(rp.url), '/signin/help?username=alice', UA.macSafari);
    expect(providerItems(fromMac.text).map((item) => item.reachable)).toEqual(['yes', 'no', 'maybe']);
  });

  test('Google Password Manager: Chrome anywhere and any browser on Android, not Edge on a computer', async () => {
    const { rp, client } = await withRp();
    await registerPasskey(client, device(GPM), 'gina', UA.androidChrome);
    const reach = async (userAgent: string) => providerItems((await open(new ApiClient(rp.url), '/signin/help?username=gina', userAgent)).text)[0]?.reachable;
    expect(await reach(UA.windowsChrome)).toBe('yes');
    expect(await reach(UA.androidChrome)).toBe('yes');
    expect(await reach(UA.windowsEdge)).toBe('no');
    expect(await reach(UA.macSafari)).toBe('no');
  });

  test('offers a phone or tablet, the account’s own other ways in, and ways back', async () => {
    const { rp, clock, client } = await withRp();
    await signUpWithPassword(client, clock, { username: 'pat', password: 'a long enough password' });
    const page = await open(new ApiClient(rp.url), '/signin/help?username=pat');
    expectMessage(page.text, 'signin-help.cross-device', 'note');
    expect(page.text).toContain('<button id="signin-hybrid" type="button" data-username="pat">Use a phone or tablet</button>');
    expectMessage(page.text, 'signin-help.other-ways', 'note');
    expect(page.text).toContain('<a id="use-password" href="/signin/password?username=pat">');
    expect(page.text).not.toContain('id="use-email-link"');
    expect(page.text).toContain('id="help-retry"');
    const script = /<script src="(\/static\/waysIn\.js\?v=[0-9a-f]{12})" defer><\/script>/.exec(page.text)?.[1];
    expect(script, 'the page loads its versioned script').toBeDefined();
    const served = await open(client, script!);
    expect(served.text).toContain("hints: ['hybrid']");
  });

  test('a passkey-only account is told that recovery goes through support, which has its page', async () => {
    const { rp, client } = await withRp([], { passkeyOnlyAccounts: true });
    await registerPasskey(client, device(GPM), 'olga', UA.androidChrome);
    const page = await open(new ApiClient(rp.url), '/signin/help?username=olga');
    expectMessage(page.text, 'signin-help.passkey-only', 'note');
    expect(messageTag(page.text, 'signin-help.other-ways')).toBeUndefined();
    expect(page.text).toContain('<a id="contact-support" href="/help/support">');
    const support = await open(client, '/help/support');
    expectMessage(support.text, 'support.contact', 'note');
    expect(support.text).toContain('id="help-retry"');
  });

  test('an unknown username gets the same page as no account would: generic ways in, no providers', async () => {
    const { rp, client } = await withRp();
    await registerPasskey(client, device(GPM), 'alice', UA.androidChrome);
    const unknown = await open(new ApiClient(rp.url), '/signin/help?username=nobody&error=NotAllowedError');
    expect(messageCodes(unknown.text)).toEqual(['signin.failed', 'signin-help.cross-device', 'signin-help.other-ways', 'environment.detected']);
    expect(unknown.text).toContain('id="use-password"');
    expect(unknown.text).toContain('id="use-email-link"');
    expect(unknown.text).not.toMatch(/no such|not found|does not exist|unknown user/i);
    // Without a username the page asks for it, and still offers every way forward.
    const bare = await open(new ApiClient(rp.url), '/signin/help');
    expect(bare.text).toContain('<form method="get" action="/signin/help" id="help-username-form">');
    expect(messageCodes(bare.text)).toEqual(['signin-help.cross-device', 'signin-help.other-ways', 'environment.detected']);
    // Free text in the URL is never shown back.
    const odd = await open(new ApiClient(rp.url), '/signin/help?error=%3Cb%3EHacked%3C%2Fb%3E');
    expect(messageTag(odd.text, 'signin.failed')).toBeUndefined();
  });

  test('cross-device options carry hints ["hybrid"] and the answer signs in through the normal verify', async () => {
    const { rp, client } = await withRp();
    const phone = device(GPM);
    const id = await registerPasskey(client, phone, 'alice', UA.androidChrome);
    const laptop = new ApiClient(rp.url);
    await open(laptop, '/signin/help?username=alice', UA.windowsEdge);
    const options = await laptop.post('/api/signin-help/cross-device-options', { username: 'alice' });
    expect(options.status).toBe(200);
    const json = options.json as unknown as PublicKeyCredentialRequestOptionsJSON;
    expect(json).toMatchObject({ hints: ['hybrid'], rpId: 'localhost', allowCredentials: [{ id, type: 'public-key' }] });
    expect(json.allowCredentials?.[0]).not.toHaveProperty('transports');
    const verify = await laptop.post('/api/authentication/verify', phone.authenticate(json));
    expect(verify).toEqual({ status: 200, json: { verified: true, redirect: '/account' } });

    const anyone = await new ApiClient(rp.url).post('/api/signin-help/cross-device-options', { username: 'nobody' });
    expect(anyone.json).toMatchObject({ hints: ['hybrid'], allowCredentials: [] });
    const noToken = await new ApiClient(rp.url).post('/api/signin-help/cross-device-options', {}, {}, { csrf: false });
    expect(noToken).toMatchObject({ status: 403, json: { code: 'csrf' } });
  });

  test('the sign-in page links to the other ways in and to help', async () => {
    const { client } = await withRp();
    const page = (await open(client, '/signin')).text;
    expect(page).toContain('<a id="signin-password" href="/signin/password">');
    expect(page).toContain('<a id="signin-email" href="/signin/email">');
    expect(page).toContain('<a id="signin-help" href="/signin/help" data-help-url="/signin/help">');
    expect(page).toContain('id="go-signup-password"');
    expect((await open(client, '/register')).text).toContain('id="go-signup-password"');
  });
});

test.describe('sign-in help faults', () => {
  test('no-fallback-link: neither the sign-in page nor the help page offers another way in', async () => {
    const { rp, clock, client } = await withRp([{ name: 'no-fallback-link' }]);
    await signUpWithPassword(client, clock, { username: 'pat', password: 'a long enough password' });
    const signin = (await open(new ApiClient(rp.url), '/signin')).text;
    expect(signin).not.toContain('id="signin-password"');
    expect(signin).not.toContain('id="signin-email"');
    expect(signin).toContain('id="signin-help"');
    const help = (await open(new ApiClient(rp.url), '/signin/help?username=pat')).text;
    expect(messageTag(help, 'signin-help.other-ways')).toBeUndefined();
    expect(messageTag(help, 'signin-help.passkey-only')).toBeUndefined();
    expect(help).not.toContain('id="use-password"');
    expect(messageTag(help, 'signin-help.cross-device')).toBeDefined();
  });

  test('dead-end-on-failure: the help page says it failed and offers nothing', async () => {
    const { rp, client } = await withRp([{ name: 'dead-end-on-failure' }]);
    await registerPasskey(client, device(GPM), 'alice', UA.androidChrome);
    const help = (await open(new ApiClient(rp.url), '/signin/help?username=alice&error=NotAllowedError')).text;
    expect(messageCodes(help)).toEqual(['signin.failed', 'environment.detected']);
    expect(help).not.toContain('<a id=');
    expect(help).not.toContain('signin-hybrid');
  });

  test('no-provider-hints: the providers are not named', async () => {
    const { rp, client } = await withRp([{ name: 'no-provider-hints' }]);
    await aliceWithThreeProviders(client);
    const help = (await open(new ApiClient(rp.url), '/signin/help?username=alice', UA.androidChrome)).text;
    expect(messageTag(help, 'signin-help.providers')).toBeUndefined();
    expect(providerItems(help)).toEqual([]);
    expect(messageTag(help, 'signin-help.cross-device')).toBeDefined();
  });

  test('wrong-reachability: every provider is said to be reachable', async () => {
    const { rp, client } = await withRp([{ name: 'wrong-reachability' }]);
    await aliceWithThreeProviders(client);
    const help = (await open(new ApiClient(rp.url), '/signin/help?username=alice', UA.androidChrome)).text;
    expect(providerItems(help).map((item) => item.reachable)).toEqual(['yes', 'yes', 'yes']);
  });

  test('no-cross-device: no phone or tablet is offered', async () => {
    const { rp, client } = await withRp([{ name: 'no-cross-device' }]);
    await aliceWithThreeProviders(client);
    const help = (await open(new ApiClient(rp.url), '/signin/help?username=alice', UA.androidChrome)).text;
    expect(messageTag(help, 'signin-help.cross-device')).toBeUndefined();
    expect(help).not.toContain('signin-hybrid');
    expect(messageTag(help, 'signin-help.providers')).toBeDefined();
  });
});
