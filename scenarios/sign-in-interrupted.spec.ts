// When the passkey prompt does not go as planned: the person closes it, or their fingerprint, face
// or PIN is not accepted, or they leave it open for an hour. The RP must say so, sign nobody in, leave
// a way on, and let them try again.
import { expectSignIn, forEveryCell, notApplicable, ONCE_PER, promptLeftOpen, test } from '../harness/scenario';

/** Far past the 5 to 10 minutes WebAuthn suggests a ceremony may take: no RP should still take its answer. */
const AN_HOUR_SECONDS = 60 * 60;

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

  // The challenge has expired: the RP refuses, and the help it leads to says what went wrong. How long
  // a ceremony may take does not depend on the provider or its sync: once per environment.
  test('the person leaves the passkey prompt open for an hour, then tries again', { tag: [ONCE_PER.environment, '@works', '@tells-the-truth', '@leaves-a-way-in'] }, async ({ world, oracle, username }) => {
    const user = await world({ here: { environment: 'cell', providers: ['cell'] } });
    const here = user.on('here');
    const letTimePass = here.letTimePass ?? notApplicable('the RP has no clock to move, so an hour cannot pass during a sign-in');
    await here.arrangePasskeyAccount(username);
    await expectSignIn(promptLeftOpen(here, letTimePass, AN_HOUR_SECONDS), username, oracle.interrupted('prompt-left-open'), oracle.signInHelp(user, 'here'));
    await expectSignIn(here, username, oracle.signIn(user, 'here'));
  });
});
