// The seed's advice to services: keep a way back in besides passkeys. A passkey account with a
// confirmed email address loses its passkey: the RP must offer the email link, the link must get the
// user in, and only once (a link read again from a forwarded mail or a shared inbox must not open
// the account).
import { test, expect, forEveryCell } from '../harness/fixtures/cellTest';
import { expectSignIn } from '../harness/fixtures/expectSignIn';
import { RpStepError } from '../harness/rp/adapter';

forEveryCell(() => {
  test('a lost passkey, and an email link as the way back in, once', async ({ world, oracle, cell, username }) => {
    const user = await world({ here: { environment: 'cell', providers: ['cell'] } });
    const here = user.on('here');
    await here.register(username);
    await here.addEmailWayIn(username);
    await here.signOut();
    await test.step('the user loses the passkey', () => user.lose('here', cell.provider.id));
    await expectSignIn(here, username, oracle.signIn(user, 'here'), oracle.signInHelp(user, 'here'));
    const link = await here.requestEmailLink(username);
    await test.step('the email link signs the user in', async () => {
      await here.openEmailLink(link);
      expect(await here.signedInAs()).toBe(username);
    });
    await here.signOut();
    await test.step('the same link does not sign in again', async () => {
      await expect(here.openEmailLink(link)).rejects.toThrow(RpStepError);
    });
  });
});
