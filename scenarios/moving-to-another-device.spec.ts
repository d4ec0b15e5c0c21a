// The seed's first and third ways a passkey "goes missing": the provider is not reachable from the
// new device, or its passkeys never synced. The user makes a passkey here (or two, in two providers, as
// the seed's third tip advises), then picks up another device.
import { expectSignIn, forEveryCell, test } from '../harness/scenario';

forEveryCell(() => {
  test('a passkey made here, then signing in on an Android phone', { tag: ['@works', '@tells-the-truth', '@leaves-a-way-in'] }, async ({ world, oracle, username }) => {
    const user = await world({
      here: { environment: 'cell', providers: ['cell'] },
      phone: { environment: 'android-chrome', providers: ['cell', 'google-password-manager'] },
    });
    await user.on('here').arrangePasskeyAccount(username);
    await expectSignIn(user.on('phone'), username, oracle.signIn(user, 'phone'), oracle.signInHelp(user, 'phone'));
  });

  // The seed's third user tip followed: a second passkey in another provider. The help on the laptop
  // names both providers, each with whether it works there, not the first one alone.
  test('passkeys made here in two providers, then signing in on a Windows laptop in Edge', { tag: ['@works', '@tells-the-truth', '@leaves-a-way-in'] }, async ({ world, oracle, username }) => {
    const second = oracle.secondProvider();
    const user = await world({
      here: { environment: 'cell', providers: second ? ['cell', second] : ['cell'] },
      laptop: { environment: 'windows-edge', providers: ['cell', 'windows-hello'] },
    });
    const secondWay = second === null ? 'no other provider is usable here' : user.on('here').lacking('several-passkeys');
    if (second === null || secondWay !== null) {
      test.info().annotations.push({ type: 'note', description: `one passkey only: ${secondWay}` });
      await user.on('here').arrangePasskeyAccount(username);
    } else {
      await user.on('here').register(username);
      await test.step(`add a second passkey in ${second}`, () => user.on('here', second).addPasskey());
      await user.on('here', second).signOut();
    }
    await expectSignIn(user.on('laptop'), username, oracle.signIn(user, 'laptop'), oracle.signInHelp(user, 'laptop'));
  });
});
