// The seed's service tips on management: keep a way in (deleting the last one needs the user's
// say-so), and keep providers tidy with the Signal API, so a deleted passkey is not offered again.
import { test, expect, forEveryCell } from '../harness/fixtures/cellTest';
import { RpStepError } from '../harness/rp/adapter';
import { rpCredentialId } from '../harness/browser/cdpCredential';

forEveryCell(() => {
  test('deleting the only passkey: refused until confirmed, then the provider forgets it', async ({ rp, oracle, authenticator, username }) => {
    await test.step('register a passkey', () => rp.register(username));
    const [passkey] = await rp.listPasskeys();
    await test.step('deleting the last way in without confirming is refused', async () => {
      expect(await rp.deletePasskey(passkey!.credentialId, false)).toBe('refused');
      expect(await rp.listPasskeys()).toHaveLength(1);
    });
    await test.step('confirmed, it is deleted', async () => {
      expect(await rp.deletePasskey(passkey!.credentialId, true)).toBe('deleted');
      expect(await rp.listPasskeys()).toHaveLength(0);
    });
    await test.step('sign out', () => rp.signOut());
    await test.step('the provider still offers the deleted passkey: the RP refuses it', async () => {
      const refused = await rp.signIn('discoverable', username).then(() => null, (error: unknown) => error);
      if (refused !== null && !(refused instanceof RpStepError)) throw refused;
      expect(refused, 'a deleted passkey does not sign in').toBeInstanceOf(RpStepError);
      expect(await rp.signedInAs(), 'nobody is signed in').toBeNull();
    });
    const held = async () => (await authenticator.credentials()).map(rpCredentialId);
    if (oracle.browserHas('signal-api')) {
      await test.step('the RP told the provider (Signal API), which no longer offers it', async () => {
        await expect.poll(held, { timeout: 5_000 }).not.toContain(passkey!.credentialId);
      });
    } else {
      test.info().annotations.push({ type: 'note', description: 'this browser has no Signal API: the provider keeps the deleted passkey' });
    }
  });
});
