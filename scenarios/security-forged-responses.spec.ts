// Sign-in answers the browser would never send for this site, at this moment, for this account: a
// phishing page relaying the ceremony (on another site or a look-alike one), an answer caught on its
// way and replayed (in the same session after a refused try, or from another browser), another
// account's passkey, a copied key (its counter back, or only level), a client that skips the
// fingerprint. The RP must let none of them in, and must still let in what only looks odd: a synced
// passkey's copy on another device with its own lower count, a provider that counts nothing (0), and
// a sign-in whose answer arrives after another person's whole sign-in (challenges are per session).
// An answer that arrives after its options' timeout (held past the longest one WebAuthn recommends;
// alone, then with another person signing in meanwhile) is refused in words, never with a 5xx, and the user
// signs in afresh.
// The harness makes them from the passkey's own key and puts each in place of the browser's answer
// inside the RP's own sign-in flow, so any RP is reached the way its pages reach it.
import {
  badlySigned,
  check,
  expect,
  expectNobodyLetIn,
  expectUsernameFirstRefused,
  forEveryCell,
  forged,
  lookAlikeOrigin,
  mustLetIn,
  notApplicable,
  ONCE_PER,
  PHISHING_ORIGIN,
  PHISHING_RP_ID,
  refusalOf,
  recordTraffic,
  rememberUserVerification,
  replayed,
  resigned,
  RpStepError,
  signInAnswerStatus,
  signInOptionsTimeoutMs,
  SignInProbe,
  signInWithAnswerHeld,
  test,
  userVerificationAsked,
  userVerificationNotRequired,
  userVerificationSeen,
} from '../harness/scenario';

/** WebAuthn Level 3, 15.1: the recommended range of a ceremony's timeout ends at 10 minutes. */
const LONGEST_RECOMMENDED_TIMEOUT_SECONDS = 600;
/** Past any recommended timeout by a minute, for an RP that rounds its own. */
const ANSWER_LATE_SECONDS = LONGEST_RECOMMENDED_TIMEOUT_SECONDS + 60;

forEveryCell(() => {
  test("another person's sign-in, started and ended while this one's answer is on its way, spoils neither", { tag: [ONCE_PER.environment, '@safe', '@works'] }, async ({ world, username }) => {
    const people = await world({ mine: { environment: 'cell', providers: ['cell'] }, theirs: { environment: 'cell', providers: ['cell'] } });
    const theirName = `${username}-other`;
    await check('works', 'two people on two computers, each with a passkey account, signed out', async () => {
      await people.on('mine').arrangePasskeyAccount(username);
      await people.on('theirs').arrangePasskeyAccount(theirName);
    });
    const theirs: { outcome?: PromiseSettledResult<void> } = {};
    const mine = await test.step("my sign-in's answer waits on its way while the other person signs in", () =>
      signInWithAnswerHeld(people.on('mine'), username, async () => {
        theirs.outcome = await people.on('theirs').signIn('username-first', theirName).then(
          () => ({ status: 'fulfilled', value: undefined }) as const,
          (reason: unknown) => ({ status: 'rejected', reason }) as const,
        );
      }),
    );
    if (!mine.held) notApplicable(`while ${people.on('mine').name} signed in, no request carried a WebAuthn sign-in answer the harness can read, so none could be held`);
    await test.step('both are signed in, each as themselves', async () => {
      expect.soft(refusalOf(theirs.outcome), 'the other person, who signed in from start to end meanwhile: what the RP said').toBeNull();
      expect.soft(await people.on('theirs').signedInAs(), 'who the other person is signed in as').toBe(theirName);
      expect.soft(refusalOf(mine.outcome), 'my sign-in, answered after the other person had signed in: what the RP said').toBeNull();
      expect.soft(await people.on('mine').signedInAs(), 'who I am signed in as').toBe(username);
    });
  });

  test("an answer that arrives after its options' timeout gets nobody in, whether or not another person signed in meanwhile", { tag: [ONCE_PER.environment, '@safe', '@works'] }, async ({ world, username }) => {
    const people = await world({ mine: { environment: 'cell', providers: ['cell'] }, theirs: { environment: 'cell', providers: ['cell'] } });
    const me = people.on('mine');
    const letTimePass = me.letTimePass;
    if (!letTimePass) notApplicable(`${me.name} has no clock the harness can move: an answer ${ANSWER_LATE_SECONDS} s late is not tried`);
    const theirName = `${username}-other`;
    await check('works', 'two people on two computers, each with a passkey account, signed out', async () => {
      await me.arrangePasskeyAccount(username);
      await people.on('theirs').arrangePasskeyAccount(theirName);
    });
    /** My sign-in, its answer held until the time has passed and `meanwhile` has run: refused in words, not with a 5xx. */
    const lateAnswerRefused = async (title: string, meanwhile: () => Promise<void>) => {
      const { outcome: mine, exchanges } = await test.step(`my sign-in's answer waits ${ANSWER_LATE_SECONDS} s on its way${title}`, () =>
        recordTraffic(me.page, () =>
          signInWithAnswerHeld(me, username, async () => {
            await letTimePass(ANSWER_LATE_SECONDS);
            await meanwhile();
          }),
        ),
      );
      if (!mine.held) notApplicable(`while ${me.name} signed in, no request carried a WebAuthn sign-in answer the harness can read, so none could be held`);
      const timeoutMs = signInOptionsTimeoutMs(exchanges);
      if (timeoutMs !== null && timeoutMs > ANSWER_LATE_SECONDS * 1000) {
        notApplicable(`${me.name}'s sign-in options give the browser ${timeoutMs / 1000} s, longer than the ${ANSWER_LATE_SECONDS} s the answer waited`);
      }
      await test.step(`my late answer${title} is refused in words, not with a 5xx, and I am not signed in`, async () => {
        expect.soft(refusalOf(mine.outcome), `my answer, sent ${ANSWER_LATE_SECONDS} s after its options${title}: the RP signed me in`).not.toBeNull();
        if (mine.outcome.status === 'rejected' && mine.outcome.reason instanceof RpStepError) {
          expect.soft(mine.outcome.reason.shown.trim(), `what the RP told me about my late answer${title}`).not.toBe('');
        }
        const status = signInAnswerStatus(exchanges);
        // Refused, not broken: a 5xx is the RP failing on an answer whose ceremony it no longer holds.
        if (status !== null) expect.soft(status, `the HTTP status the RP answered my late answer${title} with (a refusal, not a 5xx)`).toBeLessThan(500);
        const who = await me.signedInAs();
        expect.soft(who, `who I am signed in as after my late answer${title}`).toBeNull();
        if (who !== null) await me.signOut();
      });
    };
    await lateAnswerRefused('', async () => undefined);
    const theirs: { outcome?: PromiseSettledResult<void> } = {};
    await lateAnswerRefused(' (the other person signs in meanwhile)', async () => {
      theirs.outcome = await people.on('theirs').signIn('username-first', theirName).then(
        () => ({ status: 'fulfilled', value: undefined }) as const,
        (reason: unknown) => ({ status: 'rejected', reason }) as const,
      );
    });
    await check('works', 'the other person is signed in as themselves, and I sign in afresh', async () => {
      expect.soft(refusalOf(theirs.outcome), 'the other person, who signed in while my answer waited: what the RP said').toBeNull();
      expect.soft(await people.on('theirs').signedInAs(), 'who the other person is signed in as').toBe(theirName);
      await me.signIn('username-first', username);
      expect(await me.signedInAs(), 'who I am signed in as after signing in afresh').toBe(username);
    });
  });

  test('an answer made on another site, replayed, or from another account gets nobody in', { tag: [ONCE_PER.environment, '@safe', '@works'] }, async ({ rp, authenticator, username, page, cell }) => {
    const probe = new SignInProbe(rp, authenticator, notApplicable);
    await check('works', 'register a passkey and sign out', async () => {
      await rp.register(username);
      await rp.signOut();
    });
    const control = await check('works', "the browser's answer, signed again with the passkey's key, signs in", async () => {
      const attempt = await probe.signIn(username, resigned);
      mustLetIn(rp, attempt);
      expect(await rp.signedInAs()).toBe(username);
      rememberUserVerification(cell.id, attempt.options);
      await rp.signOut();
      return attempt;
    });
    const caught = await test.step('an answer whose signature does not match is refused', async () => {
      const attempt = await probe.signIn(username, badlySigned);
      await expectNobodyLetIn(rp, attempt, 'an answer with a bad signature');
      return attempt;
    });
    // The near miss first: the same session, right after a refused try. A refused answer must use its
    // challenge up as an accepted one does, or whoever caught the genuine answer still gets in.
    await test.step('the answer caught on its way (never delivered), sent in the same session after the refused try, is refused', async () => {
      await expectNobodyLetIn(rp, await probe.signIn(username, replayed(caught.genuineBody)), 'the genuine answer sent after a refused try in the same session');
    });
    // Replaying an answer the RP already accepted would add nothing: an RP that accepts it binds its
    // challenges to no session and does not use them up, so it accepts this one too.
    await test.step('the answer caught on its way (never delivered), replayed from another browser, is refused', async () => {
      await page.context().clearCookies();
      await expectNobodyLetIn(rp, await probe.signIn(username, replayed(caught.genuineBody)), 'an answer replayed in another session');
    });
    await test.step(`an answer made on another site (${PHISHING_ORIGIN}) is refused`, async () => {
      await expectNobodyLetIn(rp, await probe.signIn(username, forged({ origin: PHISHING_ORIGIN })), `an answer from ${PHISHING_ORIGIN}`);
    });
    const lookAlike = lookAlikeOrigin(rp.url);
    await test.step(`an answer made on a look-alike site (${lookAlike}, the RP's own origin and more) is refused`, async () => {
      await expectNobodyLetIn(rp, await probe.signIn(username, forged({ origin: lookAlike })), `an answer from ${lookAlike}`);
    });
    await test.step(`an answer for another RP ID (${PHISHING_RP_ID}) is refused`, async () => {
      await expectNobodyLetIn(rp, await probe.signIn(username, forged({ rpId: PHISHING_RP_ID })), `an answer for RP ID ${PHISHING_RP_ID}`);
    });
    await test.step("another account's passkey does not sign in to this one", async () => {
      const other = `${username}-other`;
      await rp.register(other);
      await rp.signOut();
      const theirs = (await authenticator.credentials()).find((c) => !Buffer.from(c.credentialId, 'base64').equals(control.genuine.credentialId));
      if (!theirs) throw new Error(`The virtual authenticator holds no passkey for ${other} after registering it`);
      await probe.signIn(username, forged({ signer: theirs }));
      expect(await rp.signedInAs(), `${other}'s passkey answered a sign-in to ${username}`).not.toBe(username);
    });
  });

  test("a device-bound passkey whose counter went back (a copy of the key) is refused; one that may sync is not judged by its counter", { tag: [ONCE_PER['environment-and-sync'], '@safe', '@works'] }, async ({ rp, authenticator, username, cell }) => {
    await check('works', 'register a passkey and sign out', async () => {
      await rp.register(username);
      await rp.signOut();
    });
    const [passkey] = await authenticator.credentials();
    if (!passkey) throw new Error('The virtual authenticator holds no passkey after registering one');
    await check('works', 'the passkey, used 100 times since, signs in (counter 101)', async () => {
      await authenticator.setSignCount(passkey.credentialId, 100);
      await rp.signIn('username-first', username);
      expect(await rp.signedInAs()).toBe(username);
      await rp.signOut();
    });
    if (cell.sync !== 'device-bound') {
      // A passkey that may sync is copied to each device on purpose, and each copy counts on its own.
      await check('works', 'the same passkey on another device it synced to, used 50 times there, signs in (counter 51)', async () => {
        await authenticator.setSignCount(passkey.credentialId, 50);
        await rp.signIn('username-first', username);
        expect(await rp.signedInAs(), 'a passkey that may sync, answering with its own lower count from another device').toBe(username);
      });
      return;
    }
    await test.step('a copy of the key made just before that use answers with counter 101 again: refused', async () => {
      await authenticator.setSignCount(passkey.credentialId, 100);
      await expectUsernameFirstRefused(rp, username, 'the counter stayed at 101');
    });
    await test.step('a copy of the key made before those uses answers with counter 51: refused', async () => {
      await authenticator.setSignCount(passkey.credentialId, 50);
      await expectUsernameFirstRefused(rp, username, 'the counter went back from 101 to 51');
    });
    await check('works', 'a provider that counts nothing answers with counter 0: it signs in', async () => {
      const attempt = await new SignInProbe(rp, authenticator, notApplicable).signIn(username, forged({ signCount: 0 }));
      expect(attempt.letIn, `a device-bound passkey answering with counter 0 (no counter) was refused; the RP said: ${attempt.said}`).toBe(true);
      expect(await rp.signedInAs()).toBe(username);
    });
  });

  test('where user verification is required, an answer without it gets nobody in', { tag: [ONCE_PER.environment, '@safe', '@works'] }, async ({ rp, authenticator, username, cell }) => {
    const seen = userVerificationSeen(cell.id);
    if (seen !== undefined && seen !== 'required') notApplicable(userVerificationNotRequired(rp, seen));
    const probe = new SignInProbe(rp, authenticator, notApplicable);
    await check('works', 'register a passkey and sign out', async () => {
      await rp.register(username);
      await rp.signOut();
    });
    await check('works', "the browser's answer, signed again, signs in; the options say whether UV is required", async () => {
      const control = await probe.signIn(username, resigned);
      mustLetIn(rp, control);
      if (!control.options) {
        notApplicable(`the sign-in options (an answer from ${rp.name} carrying the challenge the browser signed) were not seen, so whether it requires user verification is unknown`);
      }
      rememberUserVerification(cell.id, control.options);
      const asked = userVerificationAsked(control.options);
      if (asked !== 'required') notApplicable(userVerificationNotRequired(rp, asked));
      await rp.signOut();
    });
    await test.step('the same answer with the UV flag cleared is refused', async () => {
      await expectNobodyLetIn(rp, await probe.signIn(username, forged({ withoutUserVerification: true })), 'an answer without user verification');
    });
  });
});
