// Every harness feature a cell leans on, on the engine that runs the cells (Chromium's headless
// shell wherever it is installed): one cell of Edge on Windows against the fixture RP.
import { test, expect } from '../fixtures/cellTest';
import { findChromium } from './findChromium';
import { rpCredentialId } from './cdpCredential';

test.use({ environmentId: 'windows-edge', providerId: 'windows-hello', sync: 'device-bound' });

test('the cells run on the Chromium this machine offers first', async ({ launchOptions }) => {
  expect(launchOptions.executablePath).toBe(findChromium()?.executablePath);
});

test("identity and client hints: the page and the RP see Edge on Windows, not the engine's own", async ({ page, _rpUrl: rpUrl }) => {
  const request = page.waitForRequest((r) => new URL(r.url()).pathname === '/signin');
  await page.goto(new URL('/signin', rpUrl).href);
  expect(await (await request).headerValue('sec-ch-ua')).toContain('"Microsoft Edge"');
  const seen = await page.evaluate(() => ({ ua: navigator.userAgent, brands: (navigator as unknown as { userAgentData: { brands: { brand: string }[]; platform: string } }).userAgentData }));
  expect(seen.ua).toMatch(/Windows NT 10\.0.* Edg\//);
  expect(seen.brands.brands.map((b) => b.brand)).toContain('Microsoft Edge');
  expect(seen.brands.platform).toBe('Windows');
});

test('AAGUID stamp, autofill and the Signal API work on this engine', async ({ rp, authenticator, username, page }) => {
  await rp.register(username);
  // The stamp reached the RP: it names the provider from the AAGUID.
  expect((await rp.listPasskeys()).map((p) => p.providerName)).toEqual(['Windows Hello']);
  await rp.signOut();
  // Conditional mediation, held until the passkey is picked from the list.
  await rp.signIn('autofill', username);
  expect(await rp.signedInAs()).toBe(username);
  // The page tells the authenticator a passkey is unknown: the virtual authenticator drops it.
  const [held] = await authenticator.credentials();
  await page.evaluate(
    ([rpId, credentialId]) => (PublicKeyCredential as unknown as { signalUnknownCredential(o: object): Promise<void> }).signalUnknownCredential({ rpId, credentialId }),
    [new URL(page.url()).hostname, rpCredentialId(held!)] as const,
  );
  await expect.poll(async () => (await authenticator.credentials()).length, { timeout: 5_000 }).toBe(0);
});
