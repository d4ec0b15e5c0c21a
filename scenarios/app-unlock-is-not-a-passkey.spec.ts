// The seed's fourth way a passkey "goes missing": the user unlocks the site's app with a fingerprint
// and believes that is a passkey. It is not: the account has a password and no passkey. The RP must
// not claim a passkey exists, and must point to the way in the user does have. No passkey is made, so
// the provider cannot change what the RP says: it runs once per environment.
import { check, expect, expectSignIn, forEveryCell, ONCE_PER, test } from '../harness/scenario';

forEveryCell(() => {
  test("an account with no passkey, whose user takes the app's fingerprint unlock for one", { tag: [ONCE_PER.environment, '@tells-the-truth', '@works', '@leaves-a-way-in'] }, async ({ world, oracle, username }) => {
    const user = await world({ here: { environment: 'cell', providers: ['cell'] } });
    const signedUp = await check('leaves-a-way-in', 'sign up by the way in besides passkeys', () => user.on('here').signUpWithoutPasskey(username));
    if (signedUp.passkeyOffered) await user.on('here').declinePasskeyOffer();
    await test.step('the RP lists no passkey', async () => {
      // Hard: the oracle's expectations below are for an account with no passkey.
      expect(await user.on('here').listPasskeys(), 'the RP lists no passkey').toEqual([]);
    });
    await user.on('here').signOut();
    await expectSignIn(user.on('here'), username, oracle.signIn(user, 'here'), oracle.signInHelp(user, 'here'));
    await check('leaves-a-way-in', `the way in the user has (${signedUp.way}) still works`, async () => {
      await user.on('here').signInWithoutPasskey(username);
      expect.soft(await user.on('here').signedInAs(), 'signed in').toBe(username);
    });
  });
});
