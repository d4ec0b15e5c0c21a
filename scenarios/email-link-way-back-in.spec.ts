// The seed's advice to services: keep a way back in besides passkeys. A passkey account with a
// confirmed email address loses its passkey: the RP must offer the email link, the link must get the
// user in, and only once (a link read again from a forwarded mail or a shared inbox must not open
// the account). A link is as safe as its token and its lifetime: a made-up token of the same shape
// opens nothing, and a link works until the time the RP tells the user, not after.
import { check, expect, expectSignIn, forEveryCell, madeUpLink, ONCE_PER, RpStepError, test } from '../harness/scenario';

/** Time left on a link opened just before it expires: room for the seconds the browser itself takes to open it. */
const SECONDS_LEFT = 30;
/** Without the RP's stated lifetime, a link this old must not work anywhere. */
const A_DAY_SECONDS = 24 * 60 * 60;

forEveryCell(() => {
  test('a lost passkey, and an email link as the way back in, once', { tag: ['@leaves-a-way-in', '@works', '@tells-the-truth', '@safe'] }, async ({ world, oracle, cell, username }) => {
    const user = await world({ here: { environment: 'cell', providers: ['cell'] } });
    const here = user.on('here');
    await check('works', 'register a passkey', () => here.register(username));
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
    await check('safe', 'the same link does not sign in again', async () => {
      await expect(here.openEmailLink(link)).rejects.toThrow(RpStepError);
    });
  });

  test('an email link works until the time the RP gives, and a made-up one never', { tag: [ONCE_PER.environment, '@safe', '@leaves-a-way-in', '@works'] }, async ({ world, username }) => {
    const user = await world({ here: { environment: 'cell', providers: ['cell'] } });
    const here = user.on('here');
    await check('works', 'register a passkey', () => here.register(username));
    await here.addEmailWayIn(username);
    await here.signOut();
    const note = (description: string) => test.info().annotations.push({ type: 'note', description });
    await test.step('a link with a made-up token of the same shape does not sign in; the real one still does', async () => {
      const link = await here.requestEmailLink(username);
      const madeUp = madeUpLink(link);
      if ('reason' in madeUp) {
        note(`a made-up link is not tried: ${madeUp.reason}`);
      } else {
        await expect(here.openEmailLink(madeUp.link)).rejects.toThrow(RpStepError);
        expect(await here.signedInAs()).toBeNull();
      }
      await here.openEmailLink(link);
      expect(await here.signedInAs()).toBe(username);
    });
    await here.signOut();
    const letTimePass = here.letTimePass;
    const lifetime = here.adapter.emailLinkLifetimeSeconds;
    if (!letTimePass) {
      note("the RP has no clock to move: a link's lifetime is not tried");
      return;
    }
    if (lifetime === undefined) {
      note('the adapter gives no emailLinkLifetimeSeconds: only a link a day old is tried, not one at its lifetime');
      await test.step('a link opened a day after it was sent does not sign in', async () => {
        const link = await here.requestEmailLink(username);
        await letTimePass(A_DAY_SECONDS);
        await expect(here.openEmailLink(link)).rejects.toThrow(RpStepError);
        expect(await here.signedInAs()).toBeNull();
      });
      return;
    }
    await check('leaves-a-way-in', `a link opened ${SECONDS_LEFT} s before its ${lifetime} s are up signs in`, async () => {
      const link = await here.requestEmailLink(username);
      await letTimePass(lifetime - SECONDS_LEFT);
      await here.openEmailLink(link);
      expect(await here.signedInAs()).toBe(username);
    });
    await here.signOut();
    await test.step(`a link opened when its ${lifetime} s are up does not sign in`, async () => {
      const link = await here.requestEmailLink(username);
      await letTimePass(lifetime);
      await expect(here.openEmailLink(link)).rejects.toThrow(RpStepError);
      expect(await here.signedInAs()).toBeNull();
    });
  });
});
