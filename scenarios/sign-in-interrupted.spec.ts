// When the passkey prompt does not go as planned: the person closes it, or their fingerprint, face
// or PIN is not accepted. The RP must say so, sign nobody in, leave a way on, and let them try again.
import { expectSignIn, forEveryCell, test } from '../harness/scenario';

forEveryCell(() => {
  test('the person closes the passkey prompt, then tries again', { tag: ['@works', '@tells-the-truth', '@leaves-a-way-in'] }, async ({ world, oracle, username }) => {
    const user = await world({ here: { environment: 'cell', providers: ['cell'] } });
    await user.on('here').arrangePasskeyAccount(username);
    user.dismissNextPrompt('here');
    await expectSignIn(user.on('here'), username, oracle.interrupted('prompt-closed'), oracle.signInHelp(user, 'here'));
    await expectSignIn(user.on('here'), username, oracle.signIn(user, 'here'));
  });

  test('the fingerprint is not accepted, then it is', { tag: ['@works', '@tells-the-truth', '@leaves-a-way-in'] }, async ({ world, oracle, username }) => {
    const user = await world({ here: { environment: 'cell', providers: ['cell'] } });
    await user.on('here').arrangePasskeyAccount(username);
    await user.setUserVerified('here', false);
    await expectSignIn(user.on('here'), username, oracle.interrupted('verification-failed'), oracle.signInHelp(user, 'here'));
    await user.setUserVerified('here', true);
    await expectSignIn(user.on('here'), username, oracle.signIn(user, 'here'));
  });
});
