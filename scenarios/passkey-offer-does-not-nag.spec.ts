// The seed's service tip on promotion: offer a passkey, but do not nag. Offered at sign-up; held
// after "Not now"; and not offered at all once a passkey made on this device works here.
import { test, forEveryCell } from '../harness/fixtures/cellTest';
import { expectPasskeyOffer } from '../harness/fixtures/expectPasskeyOffer';

const A_QUARTER_SECONDS = 91 * 24 * 60 * 60;

forEveryCell(() => {
  test('the passkey offer: made once, held after "Not now", gone once a passkey works here', async ({ world, oracle, username }) => {
    const user = await world({ here: { environment: 'cell', providers: ['cell'] } });
    const here = user.on('here');
    let expected = oracle.passkeyOffer(user, 'here');
    await expectPasskeyOffer(await here.signUpWithoutPasskey(username), expected);
    await here.declinePasskeyOffer();
    await here.signOut();

    expected = oracle.passkeyOffer(user, 'here');
    await expectPasskeyOffer(await here.signInWithoutPasskey(username), expected);
    await test.step('the user adds a passkey here after all', () => here.addPasskey());
    const letTimePass = here.letTimePass;
    if (!letTimePass) {
      test.info().annotations.push({ type: 'note', description: 'the RP has no clock to move: a quarter later is not checked' });
      return;
    }
    await test.step('a quarter passes', () => letTimePass(A_QUARTER_SECONDS));
    await here.signOut();
    expected = oracle.passkeyOffer(user, 'here');
    await expectPasskeyOffer(await here.signInWithoutPasskey(username), expected);
  });
});
