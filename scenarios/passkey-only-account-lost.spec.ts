// The seed's fifth way: an account with nothing but a passkey, and the passkey is gone (device
// reset, provider account closed). The RP must not leave the user at a dead end: it must say how
// to recover, and must not send them to a way in the account does not have.
import { expectSignIn, forEveryCell, test } from '../harness/scenario';

forEveryCell(() => {
  test('a passkey-only account whose passkey is lost', { tag: ['@works', '@tells-the-truth', '@leaves-a-way-in'] }, async ({ world, oracle, cell, username }) => {
    const user = await world({ here: { environment: 'cell', providers: ['cell'] } });
    await user.on('here').arrangePasskeyAccount(username);
    await test.step('the user loses the passkey', () => user.lose('here', cell.provider.id));
    await expectSignIn(user.on('here'), username, oracle.signIn(user, 'here'), oracle.signInHelp(user, 'here'));
  });
});
