import { test, expect } from '@playwright/test';
import { installCapabilityProfile, describeEmulation } from './capabilityProfile';
import { loadMatrixData } from '../matrix/load';

const { capabilities } = loadMatrixData();

/** What the page's feature detection sees, on a secure origin (WebAuthn exists only there). */
async function detect(page: import('@playwright/test').Page) {
  await page.route('http://localhost/', (route) => route.fulfill({ contentType: 'text/html', body: '<title>rp</title>' }));
  await page.goto('http://localhost/');
  return page.evaluate(async () => {
    const pkc = PublicKeyCredential as unknown as Record<string, unknown>;
    const getCaps = pkc.getClientCapabilities as undefined | (() => Promise<Record<string, boolean>>);
    return {
      signal: typeof pkc.signalUnknownCredential === 'function',
      signalAll: typeof pkc.signalAllAcceptedCredentials === 'function',
      getClientCapabilities: typeof getCaps === 'function',
      caps: getCaps ? await getCaps.call(PublicKeyCredential) : null,
      conditional: await PublicKeyCredential.isConditionalMediationAvailable(),
    };
  });
}

test('Firefox on Android: no Signal API, no autofill, no conditional create', async ({ browser }) => {
  const context = await browser.newContext();
  await installCapabilityProfile(context, capabilities['android-firefox']!);
  const seen = await detect(await context.newPage());
  expect(seen.signal).toBe(false);
  expect(seen.signalAll).toBe(false);
  expect(seen.conditional).toBe(false);
  expect(seen.getClientCapabilities).toBe(true);
  expect(seen.caps).toMatchObject({ conditionalCreate: false, conditionalGet: false, hybridTransport: true });
  await context.close();
});

test('Chrome on Windows keeps every API, and reports hybrid as a client', async ({ browser }) => {
  const context = await browser.newContext();
  await installCapabilityProfile(context, capabilities['windows-chrome']!);
  const seen = await detect(await context.newPage());
  expect(seen.signal).toBe(true);
  expect(seen.conditional).toBe(true);
  expect(seen.caps).toMatchObject({ conditionalCreate: true, conditionalGet: true, hybridTransport: true });
  await context.close();
});

test('Firefox on Linux cannot sign in with a phone', async ({ browser }) => {
  const context = await browser.newContext();
  await installCapabilityProfile(context, capabilities['linux-firefox']!);
  const seen = await detect(await context.newPage());
  expect(seen.signal).toBe(false);
  expect(seen.caps).toMatchObject({ hybridTransport: false });
  await context.close();
});

test('the report says what was emulated', () => {
  expect(describeEmulation(capabilities['android-firefox']!)).toEqual([
    'Signal API hidden',
    'getClientCapabilities answers conditionalCreate=false, conditionalGet=false, hybridTransport=true',
    'isConditionalMediationAvailable answers false',
  ]);
  expect(describeEmulation(capabilities['windows-chrome']!)).toEqual([
    'getClientCapabilities answers conditionalCreate=true, conditionalGet=true, hybridTransport=true',
  ]);
});
