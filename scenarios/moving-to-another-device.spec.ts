// The seed's first and third ways a passkey "goes missing": the provider is not reachable from the
// new device, or its passkeys never synced. The user makes a passkey here, then picks up another device.
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

  test('a passkey made here, then signing in on a Windows laptop in Edge', { tag: ['@works', '@tells-the-truth', '@leaves-a-way-in'] }, async ({ world, oracle, username }) => {
    const user = await world({
      here: { environment: 'cell', providers: ['cell'] },
      laptop: { environment: 'windows-edge', providers: ['cell', 'windows-hello'] },
    });
    await user.on('here').arrangePasskeyAccount(username);
    await expectSignIn(user.on('laptop'), username, oracle.signIn(user, 'laptop'), oracle.signInHelp(user, 'laptop'));
  });
});
