import { test, expect } from '../fixtures/cellTest';
import { fixtureAdapter } from './fixtureAdapter';
import { bindRp } from './boundRp';
import { RpStepError } from './adapter';

// Against the real fixture RP the run's global setup started, in one cell's browser.
test.use({ environmentId: 'windows-edge', providerId: 'windows-hello', sync: 'device-bound' });

test("the fixture RP's quicker arrangement leaves what register and sign-out leave: one passkey of the provider, signed out", async ({ rp, authenticator, username }) => {
  await rp.arrangePasskeyAccount(username);
  expect(await rp.signedInAs()).toBeNull();
  expect(await authenticator.credentials()).toHaveLength(1);
  await rp.signIn('discoverable', username);
  expect(await rp.signedInAs()).toBe(username);
  const [passkey, ...others] = await rp.listPasskeys();
  expect(others).toEqual([]);
  expect(passkey).toEqual(expect.objectContaining({ providerName: 'Windows Hello', sync: 'device-bound', createdIn: expect.objectContaining({ os: 'windows', browser: 'edge' }) }));
});

test('an adapter without it registers and signs out through the pages; a refusal is the RP\'s words either way', async ({ page, _rpUrl: rpUrl, authenticator, username }) => {
  const { arrangePasskeyAccount: _quick, ...pagesOnly } = fixtureAdapter;
  const rp = bindRp(pagesOnly, page, rpUrl);
  await rp.arrangePasskeyAccount(username);
  expect(new URL(page.url()).pathname).toBe('/signin');
  expect(await authenticator.credentials()).toHaveLength(1);
  // The same username again: the RP refuses it, through its API as through its page.
  await expect(bindRp(fixtureAdapter, page, rpUrl).arrangePasskeyAccount(username)).rejects.toThrow(RpStepError);
  await expect(rp.arrangePasskeyAccount(username)).rejects.toThrow(RpStepError);
});
