// The seed's second user tip, and its service tip to show provider and sync state: the management
// page tells the user which provider holds each passkey, whether it syncs, and where it was made.
import { test, expect, forEveryCell } from '../harness/fixtures/cellTest';

forEveryCell(() => {
  test('the management page shows the provider, sync state and origin of a new passkey', async ({ rp, oracle, authenticator, username }) => {
    void authenticator; // the provider's virtual authenticator answers every ceremony below
    const expected = oracle.createdPasskey();
    await test.step('register a passkey', () => rp.register(username));
    const passkeys = await test.step('open the management page', () => rp.listPasskeys());
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
