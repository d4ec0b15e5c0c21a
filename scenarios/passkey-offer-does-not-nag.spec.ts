// The seed's service tip on promotion: offer a passkey, but do not nag. Offered at sign-up; held
// after "Not now", still on the last day of the week it must hold; and not offered at all once a
// passkey made on this device works here. The management page then lists the password the account
// was made with among its other ways in. A passkey that stays on another device (Windows Hello on a
// laptop) does not hold the offer back here, where it cannot be used.
import { check, expect, expectPasskeyOffer, forEveryCell, NOT_NOW_HOLDS_SECONDS, ONCE_PER, test } from '../harness/scenario';

const A_QUARTER_SECONDS = 91 * 24 * 60 * 60;
/** The near miss: an hour before the week a "Not now" must hold is over. */
const AN_HOUR_SHORT_OF_A_WEEK_SECONDS = NOT_NOW_HOLDS_SECONDS - 60 * 60;

forEveryCell(() => {
  // The cell's provider and sync state play no part: the only passkey is the laptop's.
  test('a passkey only on a Windows laptop: signing in here by an email link, the offer is made here', { tag: [ONCE_PER.environment, '@tells-the-truth', '@works'] }, async ({ world, oracle, username }) => {
    const user = await world({
      laptop: { environment: 'windows-edge', providers: ['windows-hello'] },
      here: { environment: 'cell', providers: ['cell'] },
    });
    const laptop = user.on('laptop');
    await check('works', 'register a passkey on the laptop, and add an email way in', async () => {
      await laptop.register(username);
      await laptop.addEmailWayIn(username);
    });
    await laptop.signOut();
    const here = user.on('here');
    const expected = oracle.passkeyOffer(user, 'here');
    const after = await check('works', 'the email link signs the user in here', async () => {
      const signedIn = await here.openEmailLink(await here.requestEmailLink(username));
      expect(await here.signedInAs()).toBe(username);
      return signedIn;
    });
    if (expected.offer === 'allowed') test.info().annotations.push({ type: 'note', description: `the offer is not judged here: ${expected.because}` });
    await expectPasskeyOffer(after, expected);
  });

  test('the passkey offer: made once, held after "Not now", gone once a passkey works here', { tag: ['@tells-the-truth', '@works'] }, async ({ world, oracle, username }) => {
    const user = await world({ here: { environment: 'cell', providers: ['cell'] } });
    const here = user.on('here');
    const letTimePass = here.letTimePass;
    let expected = oracle.passkeyOffer(user, 'here');
    const signedUp = await here.signUpWithoutPasskey(username);
    await expectPasskeyOffer(signedUp, expected);
    // Where the offer was made: a user may come back to it by a bookmark or the back button.
    const offerUrl = signedUp.passkeyOffered ? here.page.url() : null;
    // "Not now" holds from when the user says it, not from when the offer was shown.
    if (letTimePass) await test.step('the offer stays open a quarter before the user answers it', () => letTimePass(A_QUARTER_SECONDS));
    await here.declinePasskeyOffer();
    await here.signOut();

    expected = oracle.passkeyOffer(user, 'here');
    await expectPasskeyOffer(await here.signInWithoutPasskey(username), expected);
    if (offerUrl !== null && expected.offer === 'forbidden') {
      await check('works', "the offer's page opened again when no offer is due (a bookmark, the back button) leads on to a page, the user still signed in", async () => {
        const answer = await here.page.goto(offerUrl);
        // A redirect the browser cannot follow (no Location, one that loops) leaves the user on a 3xx body or an error.
        expect.soft(answer?.status(), `${new URL(offerUrl).pathname}, opened when no offer is due: the page it lands on`).toBeGreaterThanOrEqual(200);
        expect.soft(answer?.status(), `${new URL(offerUrl).pathname}, opened when no offer is due: the page it lands on`).toBeLessThan(300);
        expect.soft(await here.signedInAs(), 'signed in after opening it').toBe(username);
      });
    }
    if (letTimePass) {
      await here.signOut();
      if (offerUrl !== null) {
        await check('works', "the offer's page opened signed out (a bookmark) leads on to a page, nobody signed in", async () => {
          const answer = await here.page.goto(offerUrl);
          expect.soft(answer?.status(), `${new URL(offerUrl).pathname}, opened signed out: the page it lands on`).toBeGreaterThanOrEqual(200);
          expect.soft(answer?.status(), `${new URL(offerUrl).pathname}, opened signed out: the page it lands on`).toBeLessThan(300);
          expect.soft(await here.signedInAs(), 'signed in after opening it signed out').toBeNull();
        });
      }
      await test.step('six days and 23 hours pass', () => letTimePass(AN_HOUR_SHORT_OF_A_WEEK_SECONDS));
      expected = oracle.passkeyOffer(user, 'here');
      await expectPasskeyOffer(await here.signInWithoutPasskey(username), expected);
    }
    await check('works', 'the user adds a passkey here after all', () => here.addPasskey());
    await check('tells-the-truth', `the management page lists the way in the account was made with (${signedUp.way}) among the other ways in`, async () => {
      const listed = await here.otherWaysListed();
      if (listed === null) test.info().annotations.push({ type: 'note', description: "the adapter does not read the management page's other ways in: not checked" });
      else expect.soft(listed, 'the other ways in the management page lists').toEqual([signedUp.way]);
    });
    if (!letTimePass) {
      test.info().annotations.push({ type: 'note', description: 'the RP has no clock to move: a week after "Not now" and a quarter later are not checked' });
      return;
    }
    await test.step('a quarter passes', () => letTimePass(A_QUARTER_SECONDS));
    await here.signOut();
    expected = oracle.passkeyOffer(user, 'here');
    await expectPasskeyOffer(await here.signInWithoutPasskey(username), expected);
    if (here.adapter.deletePasskey && here.adapter.lacks?.['management-page'] === undefined) {
      await check('works', 'the user removes the passkey, their password left: no warning of losing access', async () => {
        const [passkey] = await here.listPasskeys();
        expect.soft(passkey && (await here.deletePasskey(passkey.credentialId, false)), 'deleting a passkey while a password is left, without confirming').toBe('deleted');
        // The page the user is left on says there is none, and that the account's other way still gets in.
        expect.soft(await here.listPasskeys(), 'the passkeys the management page lists after deleting the only one').toEqual([]);
      });
    }
  });
});
