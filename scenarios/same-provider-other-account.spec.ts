// The seed's second way a passkey "goes missing": the same provider on another device, but signed in
// to another account there (a second Google account, an Android work profile, another Apple ID).
import { expectSignIn, forEveryCell, test } from '../harness/scenario';

forEveryCell(() => {
  test('a passkey made in the personal account, then signing in where the provider has the work account', { tag: ['@works', '@tells-the-truth', '@leaves-a-way-in'] }, async ({ world, oracle, username }) => {
    const user = await world({
      home: { environment: 'cell', providers: ['cell'] },
      work: { environment: 'cell', providers: [{ provider: 'cell', account: 'work' }] },
    });
    await user.on('home').arrangePasskeyAccount(username);
    await expectSignIn(user.on('work'), username, oracle.signIn(user, 'work'), oracle.signInHelp(user, 'work'));
  });
});
