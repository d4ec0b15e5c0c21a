// The seed's service tips on the Signal API: when the account's name changes, the RP tells the
// providers (signalCurrentUserDetails), so the name they show beside the passkey stays right. Where
// the browser has no Signal API the provider keeps the old name, and nothing else may break: the
// passkey still signs in. The provider's side is read from the virtual authenticator itself. A name
// of only spaces first: refused in words, or taken, but never refused without saying why.
import { check, expect, forEveryCell, RpStepError, test } from '../harness/scenario';

/** Not the username, so a provider still showing the name it was made with is told apart. */
const NEW_NAME = 'Alex Example (work)';
/** The near miss of an empty field, which a form's `required` lets through. */
const BLANK_NAME = '   ';

forEveryCell(() => {
  test("the account's new name reaches the provider where the browser has the Signal API", { tag: ['@tells-the-truth', '@works'] }, async ({ rp, oracle, authenticator, username }) => {
    await check('works', 'register a passkey', () => rp.register(username));
    const [held] = await authenticator.credentials();
    if (!held) throw new Error('The virtual authenticator holds no passkey after registering one');
    const shownByProvider = async () => (await authenticator.credentials()).find((c) => c.credentialId === held.credentialId)?.userDisplayName;
    const madeWith = held.userDisplayName;
    await test.step('a name of only spaces: if refused, the refusal says why, in words', async () => {
      const refused = await rp.renameAccount(BLANK_NAME).then(() => null, (error: unknown) => error);
      if (refused !== null && !(refused instanceof RpStepError)) throw refused;
      if (refused) expect.soft(refused.shown.trim(), 'the refusal of a blank name says why, in words').not.toBe('');
    });
    await test.step(`the user changes the account's name to "${NEW_NAME}"`, () => rp.renameAccount(NEW_NAME));
    if (oracle.browserHas('signal-api')) {
      await test.step('the RP tells the provider (Signal API), which shows the new name', async () => {
        await expect.poll(shownByProvider, { timeout: 5_000 }).toBe(NEW_NAME);
      });
    } else {
      test.info().annotations.push({ type: 'note', description: 'this browser has no Signal API: the provider keeps the name the passkey was made with' });
      await test.step(`without the Signal API the provider still shows "${madeWith}"`, async () => {
        expect(await shownByProvider()).toBe(madeWith);
      });
    }
    await check('works', 'signed out, the passkey still signs in', async () => {
      await rp.signOut();
      await rp.signIn('discoverable', username);
      expect(await rp.signedInAs()).toBe(username);
    });
  });
});
