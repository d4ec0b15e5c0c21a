// A way in besides passkeys is only as safe as its weakest check. Someone who has the password but
// not the user's phone types a wrong authenticator-app code: the RP must refuse; the user's own
// code still gets in.
import { ONCE_PER } from '../harness/matrix/checkedOnce';
import { test, expect, forEveryCell, notApplicable } from '../harness/fixtures/cellTest';
import { RpStepError } from '../harness/rp/adapter';

forEveryCell(() => {
  test('the right password with a wrong second-factor code does not get in', { tag: ONCE_PER.environment }, async ({ world, username }) => {
    const user = await world({ here: { environment: 'cell', providers: ['cell'] } });
    const here = user.on('here');
    const signedUp = await here.signUpWithoutPasskey(username);
    if (signedUp.way !== 'password') notApplicable(`${here.adapter.name} signs up without a passkey by ${signedUp.way}, with no password`);
    if (signedUp.passkeyOffered) await here.declinePasskeyOffer();
    await here.signOut();
    await test.step('the right password with a wrong code is refused', async () => {
      await expect(here.signInWithWrongCode(username)).rejects.toThrow(RpStepError);
      expect(await here.signedInAs()).toBeNull();
    });
    await test.step("the user's own code gets in", async () => {
      await here.signInWithoutPasskey(username);
      expect(await here.signedInAs()).toBe(username);
    });
  });
});
