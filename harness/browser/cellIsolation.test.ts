import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Request } from '@playwright/test';
import { test, expect } from '../fixtures/cellTest';
import { matrixData } from '../matrix/load';
import type { Environment } from '../matrix/schema';
import type { Device } from './device';
import { addVirtualAuthenticator, type VirtualAuthenticator } from './virtualAuthenticator';

/**
 * A worker keeps one device per environment and lends pooled devices again, resetting them in
 * between. These tests run in order in one worker: the first, in one cell, leaves on its devices
 * everything a scenario can leave behind; the next two, in another cell of the same worker, must see
 * none of it, on the cell's device and on the pooled device a world gets again.
 */
test.describe.configure({ mode: 'serial' });
const CELL_ENVIRONMENT = 'windows-chrome';
const POOLED_ENVIRONMENT = 'android-chrome';
test.use({ environmentId: CELL_ENVIRONMENT });

function environment(id: string): Environment {
  const found = matrixData().environments.find((e) => e.id === id);
  if (!found) throw new Error(`No environment ${id}`);
  return found;
}

/** What the first test left, so the second can look for exactly that. */
interface Left {
  device: Device;
  /** Passkeys the RP or the page can ask for by id (standard base64). */
  credentialIds: string[];
}
let leftOnCellDevice: Left | undefined;
let leftOnPooledDevice: Left | undefined;

const WAIT_MS = 5_000;

/**
 * A security key holding a passkey for the RP, added as the harness adds any authenticator (with its
 * AAGUID stamp) and never removed: what a scenario that adds its own and fails before removing it leaves.
 */
async function addStrayAuthenticator(device: Device, rpId: string): Promise<string> {
  const securityKey = matrixData().providers.find((p) => p.id === 'security-key');
  if (!securityKey) throw new Error('No security-key provider');
  const stray = await addVirtualAuthenticator(device.cdp, securityKey, 'device-bound', { refuses: null });
  const credentialId = randomBytes(16).toString('base64');
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  await stray.addCredential({
    credentialId,
    isResidentCredential: true,
    rpId,
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    userHandle: randomBytes(16).toString('base64'),
    signCount: 0,
  });
  return credentialId;
}

/**
 * Leaves on the device what a scenario can leave: cookies (the RP's and another site's), every
 * kind of site storage, a popup, an armed dismissal, a pending autofill request, a stray passkey
 * and another environment's identity.
 */
async function dirty(device: Device, rpUrl: string, otherIdentity: Environment): Promise<string> {
  const { page, context, cdp } = device;
  await page.goto(`${rpUrl}/signin`);
  await context.addCookies([{ name: 'pm-leak-other', value: '1', url: 'http://other.test/' }]);
  await page.evaluate(async () => {
    document.cookie = 'pm-leak=1; path=/; max-age=3600';
    localStorage.setItem('pm-leak', '1');
    sessionStorage.setItem('pm-leak', '1');
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('pm-leak', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('leaks').put('1', 'pm-leak');
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
    await (await caches.open('pm-leak')).put('/pm-leak', new Response('1'));
  });
  expect(await context.cookies(rpUrl)).toContainEqual(expect.objectContaining({ name: 'pm-leak' }));

  const popup = context.waitForEvent('page', { timeout: WAIT_MS });
  await page.evaluate((url) => void window.open(url, '_blank'), `${rpUrl}/signin`);
  await (await popup).waitForLoadState('domcontentloaded');

  // Left pending: the autofill hold keeps it until the person picks a passkey, which never happens.
  await page.evaluate((rpId) => {
    void navigator.credentials.get({ mediation: 'conditional', publicKey: { challenge: new Uint8Array(32), rpId } }).catch(() => undefined);
  }, new URL(rpUrl).hostname);
  await page.waitForFunction(() => (window as { __passkeyMatrixAutofill?: { pending(): boolean } }).__passkeyMatrixAutofill?.pending() === true, undefined, { timeout: WAIT_MS });

  const stray = await addStrayAuthenticator(device, new URL(rpUrl).hostname);
  device.dismissNextPrompt();

  // Both CDP ways of overriding the identity, the network one last.
  const hints = otherIdentity.clientHints;
  await cdp.send('Emulation.setUserAgentOverride', { userAgent: otherIdentity.userAgent, platform: otherIdentity.navigatorPlatform, ...(hints ? { userAgentMetadata: hints } : {}) });
  await cdp.send('Network.setUserAgentOverride', { userAgent: otherIdentity.userAgent, platform: otherIdentity.navigatorPlatform, ...(hints ? { userAgentMetadata: hints } : {}) });
  await page.reload();
  expect(await page.evaluate(() => navigator.userAgent)).toBe(otherIdentity.userAgent);
  expect(context.pages()).toHaveLength(2);
  // Routes a scenario that failed while holding requests would leave: left, they abort the next cell's every request.
  await page.route('**/*', (route) => route.abort());
  await context.route('**/*', (route) => route.abort());
  return stray;
}

/** Asserts the device shows nothing of what `dirty` left and looks exactly like its own environment. */
async function expectClean(device: Device, rpUrl: string, authenticator: VirtualAuthenticator, left: Left): Promise<void> {
  const { page, context, environment: own } = device;
  expect(device, 'the same device, lent again').toBe(left.device);
  // Soft from here: a broken reset shows every leak at once, not only the first.

  // Before the page visits the RP, which may set its own session cookie.
  expect.soft(context.pages(), 'only the device page, no popup').toEqual([page]);
  expect.soft(page.url()).toBe('about:blank');
  expect.soft(await context.cookies(), 'no cookie on any site').toEqual([]);
  expect.soft(device.webauthnRequests()).toEqual([]);
  expect.soft(device.rpTrouble()).toEqual([]);

  // The identity as the RP receives it, as the page reports it, and as the RP detects it.
  const arrived = page.waitForRequest((r: Request) => r.url() === `${rpUrl}/signin` && r.isNavigationRequest(), { timeout: WAIT_MS });
  await page.goto(`${rpUrl}/signin`);
  const headers = await (await arrived).allHeaders();
  expect.soft(headers['user-agent']).toBe(own.userAgent);
  expect.soft(headers['sec-ch-ua-platform']).toBe(own.clientHints ? `"${own.clientHints.platform}"` : undefined);
  expect.soft(headers['sec-ch-ua-mobile']).toBe(own.clientHints ? (own.mobile ? '?1' : '?0') : undefined);
  const seen = await page.evaluate(() => {
    const data = (navigator as { userAgentData?: { brands: { brand: string; version: string }[]; platform: string; mobile: boolean } }).userAgentData;
    return {
      userAgent: navigator.userAgent,
      platform: navigator.platform,
      hasUserAgentData: 'userAgentData' in navigator,
      hints: data ? { brands: data.brands.map(({ brand, version }) => ({ brand, version })), platform: data.platform, mobile: data.mobile } : null,
    };
  });
  expect.soft(seen).toEqual({
    userAgent: own.userAgent,
    platform: own.navigatorPlatform,
    hasUserAgentData: own.clientHints !== null,
    hints: own.clientHints ? { brands: own.clientHints.brands, platform: own.clientHints.platform, mobile: own.mobile } : null,
  });
  await expect.soft(page.getByTestId('detected-environment')).toHaveAttribute('data-os', own.os);
  await expect.soft(page.getByTestId('detected-environment')).toHaveAttribute('data-browser', own.browser);

  const storage = await page.evaluate(async () => ({
    cookie: document.cookie,
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
  }));
  expect.soft(storage).toEqual({ cookie: '', localStorage: 0, sessionStorage: 0, indexedDB: [], caches: [] });
  expect.soft((await context.cookies()).map((c) => c.name)).not.toContain('pm-leak');

  // No passkey of the last cell: not in this cell's authenticator, not anywhere the page can reach.
  expect.soft(await authenticator.credentials()).toEqual([]);
  const asked = await page.evaluate(
    async ({ ids, rpId, timeout }) => {
      const bytes = (id: string) => Uint8Array.from(atob(id), (c) => c.charCodeAt(0));
      try {
        await navigator.credentials.get({
          publicKey: { challenge: new Uint8Array(32), rpId, timeout, userVerification: 'discouraged', allowCredentials: ids.map((id) => ({ type: 'public-key' as const, id: bytes(id) })) },
          signal: AbortSignal.timeout(timeout * 2),
        });
        return 'found';
      } catch (error) {
        return (error as DOMException).name;
      }
    },
    { ids: left.credentialIds, rpId: new URL(rpUrl).hostname, timeout: WAIT_MS },
  );
  expect.soft(asked, 'no passkey of the last cell answers').toBe('NotAllowedError');
  // Logged only if it reached the authenticator: a dismissal armed in the last cell would have closed it first.
  expect.soft(device.webauthnRequests(), 'the modal request was not dismissed').toEqual([{ kind: 'get', outcome: 'rejected', error: 'NotAllowedError' }]);
}

test.describe('Google Password Manager · synced', () => {
  test.use({ providerId: 'google-password-manager', sync: 'synced' });

  test('leaves cookies, storage, a popup, pending requests, request routes, stray passkeys and another identity on its devices', async ({ _device: device, authenticator, rp, _rpUrl: rpUrl, username, world }) => {
    await rp.register(username);
    const registered = (await authenticator.credentials()).map((c) => c.credentialId);
    expect(registered).toHaveLength(1);
    const stray = await dirty(device, rpUrl, environment(POOLED_ENVIRONMENT));
    leftOnCellDevice = { device, credentialIds: [...registered, stray] };

    const user = await world({ phone: { environment: POOLED_ENVIRONMENT, providers: ['google-password-manager'] } });
    await user.on('phone').register(`${username}-phone`);
    const phone = user.device('phone');
    const onPhone = (await phone.active!.authenticator.credentials()).map((c) => c.credentialId);
    const strayOnPhone = await dirty(phone.device, rpUrl, environment(CELL_ENVIRONMENT));
    leftOnPooledDevice = { device: phone.device, credentialIds: [...onPhone, strayOnPhone] };
  });
});

test.describe('Windows Hello · device-bound', () => {
  test.use({ providerId: 'windows-hello', sync: 'device-bound' });

  test("the next cell's device shows none of it and is its own environment again", async ({ _device: device, authenticator, rp, _rpUrl: rpUrl, username }) => {
    expect(leftOnCellDevice, 'the first test ran in this worker').toBeDefined();
    await expectClean(device, rpUrl, authenticator, leftOnCellDevice!);
    // The passkey made here carries this cell's provider's AAGUID, not the stray security key's.
    const created = await rp.register(username);
    expect(created.saved?.providerName).toBe('Windows Hello');
  });

  test('a pooled device lent again to a world shows none of it and is its own environment again', async ({ _rpUrl: rpUrl, world, username }) => {
    expect(leftOnPooledDevice, 'the first test ran in this worker').toBeDefined();
    const user = await world({ phone: { environment: POOLED_ENVIRONMENT, providers: ['google-password-manager'] } });
    await user.use('phone');
    const phone = user.device('phone');
    await expectClean(phone.device, rpUrl, phone.active!.authenticator, leftOnPooledDevice!);
    const created = await user.on('phone').register(username);
    expect(created.saved?.providerName).toBe('Google Password Manager');
  });
});
