// The seed's service tips on creating a passkey: say where it will go and whether it syncs, then
// show the provider, the sync state and where it was made (user tip 2: know your provider).
import { test, expect, forEveryCell } from '../harness/fixtures/cellTest';
import { expectCreation } from '../harness/fixtures/expectCreation';

forEveryCell(() => {
  test('register a passkey, sign out, sign in with it', async ({ rp, oracle, authenticator, username }) => {
    void authenticator; // the provider's virtual authenticator answers every ceremony below
    const expected = oracle.createdPasskey();

    const said = await test.step('register a passkey', () => rp.register(username));
    await expectCreation(said, oracle.creation(), expected);
    await test.step('sign out', () => rp.signOut());
    await test.step('sign in with the passkey', () => rp.signIn('discoverable', username));

    await test.step('the RP says who is signed in', async () => {
      expect(await rp.signedInAs()).toBe(username);
    });
    await test.step('the RP shows the provider, sync state and environment of the passkey', async () => {
      const passkeys = await rp.listPasskeys();
      expect(passkeys).toHaveLength(1);
      const [passkey] = passkeys;
      if (expected.providerNames.length) {
        expect(expected.providerNames, `provider name shown: "${passkey!.providerName}"`).toContain(passkey!.providerName);
      } else {
        expect(passkey!.providerName, 'a provider with no public AAGUID is shown as unknown').toBeNull();
      }
      expect(passkey!.sync, 'sync state shown').toBe(expected.sync);
      expect(passkey!.createdIn.os, 'OS it was created in').toBe(expected.createdIn.os);
      expect(passkey!.createdIn.browser, 'browser it was created in').toBe(expected.createdIn.browser);
    });
  });
});
