// A way in besides passkeys is only as safe as its weakest check. Someone who has the password but
// not the user's phone types a wrong authenticator-app code, or one they saw minutes ago, or the one
// the user has just typed; someone with the user's phone guesses a password one character off: the
// RP must refuse each; the user's own password and code still get in. And guessing has an end: a
// script repeating a wrong guess gets at most 100 failed tries on the account (NIST SP 800-63B
// 5.2.2), after which the RP takes no more, not even the right code. A guess whose code is written in
// full-width digits (as a Japanese keyboard types them) is refused too, never answered with a 5xx;
// the same guess under a username no account has is answered exactly as the guess was.
// A phone whose clock runs half a minute behind may have its code taken; the code of now, typed next,
// must still get in. And the lockout ends: an hour later, the user's own password and code get in.
import {
  check,
  expect,
  fieldValues,
  forEveryCell,
  fullWidthDigits,
  holdFirstChange,
  notApplicable,
  ONCE_PER,
  RpStepError,
  sendWithCookies,
  test,
  withFieldValue,
} from '../harness/scenario';

/** Past the 30 s either side a phone's clock may be off, well inside the minutes a careless window allows. */
const SEEN_SECONDS_AGO = 180;
/** One TOTP step (RFC 6238's 30 s): the code the app showed just before the one it shows now. */
const CLOCK_BEHIND_SECONDS = 30;
/** Enough for the code seen 3 minutes ago to be newer than the one used at sign-up, so only its age can refuse it. */
const TIME_PASSING_SECONDS = 300;
/** Long past any lockout a site means to end (NIST SP 800-63B 5.2.2 throttles guessing; it does not shut the user out). */
const AN_HOUR_SECONDS = 3_600;
/** NIST SP 800-63B 5.2.2: a verifier limits consecutive failed attempts on one account to no more than 100. */
const MOST_FAILED_TRIES = 100;
/** A one-time code as a page sends it: 6 to 8 digits (RFC 4226 5.3). */
const SECOND_FACTOR_CODE = /^\d{6,8}$/;

forEveryCell(() => {
  test('the right password with a wrong second-factor code does not get in', { tag: [ONCE_PER.environment, '@safe', '@leaves-a-way-in'] }, async ({ world, username }) => {
    const user = await world({ here: { environment: 'cell', providers: ['cell'] } });
    const here = user.on('here');
    const signedUp = await here.signUpWithoutPasskey(username);
    if (signedUp.way !== 'password') notApplicable(`${here.adapter.name} signs up without a passkey by ${signedUp.way}, with no password`);
    if (signedUp.passkeyOffered) await here.declinePasskeyOffer();
    await here.signOut();
    await test.step('the right password with a wrong code is refused', async () => {
      await expect(here.signInWithWrongCode(username)).rejects.toThrow(RpStepError);
      expect(await here.signedInAs()).toBeNull();
    });
    await test.step('a password one character off with the right code is refused', async () => {
      await expect(here.signInWithWrongPassword(username)).rejects.toThrow(RpStepError);
      expect(await here.signedInAs()).toBeNull();
    });
    const letTimePass = here.letTimePass;
    if (letTimePass) {
      await test.step('five minutes pass', () => letTimePass(TIME_PASSING_SECONDS));
      await test.step('the right password with the code from three minutes ago is refused', async () => {
        await expect(here.signInWithPastCode(username, { secondsAgo: SEEN_SECONDS_AGO })).rejects.toThrow(RpStepError);
        expect(await here.signedInAs()).toBeNull();
      });
      // The user's path with a phone whose clock runs behind: a site may take the code of the step
      // before (RFC 6238 5.2 allows one step of drift) or refuse it; once taken, it is the step to
      // remember as used, so the code of now, typed next, still gets in (the check below).
      await test.step('the code from half a minute ago (a phone clock running behind), taken or refused', async () => {
        const taken = await here.signInWithPastCode(username, { secondsAgo: CLOCK_BEHIND_SECONDS }).then(
          () => true,
          (error: unknown) => {
            if (error instanceof RpStepError) return false;
            throw error;
          },
        );
        expect(await here.signedInAs()).toBe(taken ? username : null);
        if (taken) await here.signOut();
      });
    } else {
      test.info().annotations.push({ type: 'note', description: 'the RP has no clock to move: a code from minutes ago is not tried' });
    }
    await check('leaves-a-way-in', "the user's own code gets in", async () => {
      await here.signInWithoutPasskey(username);
      expect(await here.signedInAs()).toBe(username);
    });
    await here.signOut();
    await test.step('the right password with the code just used, typed again within its 30 seconds, is refused', async () => {
      await expect(here.signInWithPastCode(username, 'just-used')).rejects.toThrow(RpStepError);
      expect(await here.signedInAs()).toBeNull();
    });
    await test.step(`a script repeats a wrong guess: after at most ${MOST_FAILED_TRIES} failed tries on the account, even the right password and code are refused`, async () => {
      const held = await holdFirstChange(here.page, () => here.signInWithWrongCode(username));
      const guess = held.request;
      if (!guess) {
        await held.release().catch(() => undefined);
        return notApplicable('the sign-in with a password sent no request that a script could repeat');
      }
      const answered = here.page.waitForResponse((r) => r.request().method() === guess.method && r.url() === guess.url, { timeout: 10_000 });
      await expect(held.release(), 'the held wrong guess').rejects.toThrow(RpStepError);
      const guessAnswer = (await answered).status();
      // Answered otherwise, the copy is refused as a copy (a form that takes each post once): the page would have to be loaded for each guess.
      const firstCopy = await sendWithCookies(here.page, guess);
      if (firstCopy !== guessAnswer) return notApplicable(`a repeated sign-in post is answered ${firstCopy}, not ${guessAnswer} as the guess itself: the RP takes each form once`);
      // A near miss of the guess: the same, under a username no account has. Answered otherwise, the
      // answer tells a script which accounts exist.
      const nobody = withFieldValue(guess, username, `${username}-nobody`);
      if (nobody) expect.soft(await sendWithCookies(here.page, nobody), 'the same guess under a username no account has: answered as the guess was').toBe(guessAnswer);
      else test.info().annotations.push({ type: 'note', description: 'the guess carries no field holding the username: a username no account has is not tried' });
      const [code, ...others] = fieldValues(guess).filter((value) => SECOND_FACTOR_CODE.test(value));
      const fullWidth = code !== undefined && !others.length ? withFieldValue(guess, code, fullWidthDigits(code)) : null;
      if (fullWidth) expect.soft(await sendWithCookies(here.page, fullWidth), 'the wrong guess with its code in full-width digits: refused, not broken').toBeLessThan(500);
      else test.info().annotations.push({ type: 'note', description: 'no one field of the guess holds the code (6 to 8 digits): it is not tried in full-width digits' });
      for (let copy = 1; copy < MOST_FAILED_TRIES; copy++) expect.soft(await sendWithCookies(here.page, guess), 'a repeated guess, refused (not broken)').toBeLessThan(500);
      await expect(here.signInWithoutPasskey(username), `the right password and code after ${MOST_FAILED_TRIES} more failed tries`).rejects.toThrow(RpStepError);
      expect(await here.signedInAs()).toBeNull();
    });
    // The user's path after a lockout: they wait. A lock that never ends leaves them only support.
    if (letTimePass) {
      await test.step('an hour passes', () => letTimePass(AN_HOUR_SECONDS));
      await check('leaves-a-way-in', "an hour after the lockout, the user's own password and code get in again", async () => {
        await here.signInWithoutPasskey(username);
        expect(await here.signedInAs()).toBe(username);
      });
    }
  });
});
