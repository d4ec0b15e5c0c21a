// Conditional (autofill) sign-in: the person focuses the username field and picks the passkey the
// browser offers there, without pressing a passkey button.
import { expect, forEveryCell, notApplicable, test } from '../harness/scenario';

forEveryCell(() => {
  test('sign in by picking the passkey from the username field', { tag: '@works' }, async ({ rp, oracle, cell, authenticator, username }) => {
    void authenticator; // the provider's virtual authenticator answers every ceremony below
    if (!oracle.browserHas('conditional-get')) notApplicable(`${cell.environment.label} has no passkey autofill (conditional mediation)`);
    if (cell.provider.kind === 'security-key') notApplicable('browsers do not list a security key\'s passkeys in autofill: it must be touched first');
    await test.step('a passkey account, signed out', () => rp.arrangePasskeyAccount(username));
    await test.step('pick the passkey from the autofill list', () => rp.signIn('autofill', username));
    await test.step('the RP says who is signed in', async () => {
      expect.soft(await rp.signedInAs()).toBe(username);
    });
  });
});
