// The seed's service tips on creating a passkey: say beforehand where it will go and whether it
// syncs, afterwards where it went; then the passkey signs the user in.
import { expect, expectCreation, forEveryCell, test } from '../harness/scenario';

forEveryCell(() => {
  test('register a passkey, sign out, sign in with it', { tag: ['@works', '@tells-the-truth'] }, async ({ rp, oracle, authenticator, username }) => {
    void authenticator; // the provider's virtual authenticator answers every ceremony below
    const said = await test.step('register a passkey', () => rp.register(username));
    await expectCreation(said, oracle.creation(), oracle.createdPasskey());
    await test.step('sign out', () => rp.signOut());
    await test.step('sign in with the passkey', () => rp.signIn('discoverable', username));
    await test.step('the RP says who is signed in', async () => {
      expect.soft(await rp.signedInAs()).toBe(username);
    });
  });
});
