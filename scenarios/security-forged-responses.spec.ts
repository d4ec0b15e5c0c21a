// Sign-in answers the browser would never send for this site, at this moment, for this account: a
// phishing page relaying the ceremony (on another site or a look-alike one), an answer caught on its
// way and replayed (in the same session after a refused try, or from another browser), another
// account's passkey, a copied key (its counter back, or only level), a client that skips the
// fingerprint. The RP must let none of them in, and must still let in what only looks odd: a synced
// passkey's copy on another device with its own lower count, a provider that counts nothing (0), and
// a sign-in whose answer arrives after another person's whole sign-in (challenges are per session).
// The harness makes them from the passkey's own key and puts each in place of the browser's answer
// inside the RP's own sign-in flow, so any RP is reached the way its pages reach it.
import { ONCE_PER } from '../harness/matrix/checkedOnce';
import { test, check, expect, forEveryCell, notApplicable } from '../harness/fixtures/cellTest';
import { RpStepError } from '../harness/rp/adapter';
import type { Rp } from '../harness/rp/boundRp';
import { signInWithAnswerHeld } from '../harness/security/answerHeld';
import { badlySigned, CannotJudgeError, forged, replayed, resigned, SignInProbe, type SignInAttempt } from '../harness/security/signInProbe';
import { rememberUserVerification, userVerificationAsked, userVerificationSeen, type UserVerificationAsked } from '../harness/security/userVerificationAsked';

/** Another site, as a phishing page would be: its origin, and an RP ID that is not the RP's. */
const PHISHING_ORIGIN = 'https://evil.example';
const PHISHING_RP_ID = 'evil.example';

/** A phishing host that begins with the RP's whole origin: https://shop.example becomes https://shop.example.evil.example. */
function lookAlikeOrigin(rpUrl: string): string {
  return `${new URL(rpUrl).origin}.${PHISHING_RP_ID}`;
}

/** The RP refused the browser's own answer, only signed again: a refused forgery would then say nothing. */
function mustLetIn(rp: Rp, control: SignInAttempt): void {
  if (!control.letIn) {
    throw new CannotJudgeError(
      `${rp.adapter.name} refused the browser's own sign-in answer signed again with the same key (it said: ${control.said}); the harness cannot tell its refusals of forged answers from that`,
    );
  }
}

/** Soft checks, so one run lists every forgery that got in; one that did is signed out, so the next starts as the others did. */
async function expectNobodyLetIn(rp: Rp, attempt: SignInAttempt, what: string): Promise<void> {
  expect.soft(attempt.letIn, `${what}: the RP signed the user in`).toBe(false);
  // Refused, not broken: a 5xx is the RP failing on the forgery, which the next release may turn into letting it in.
  if (attempt.answerStatus !== null) expect.soft(attempt.answerStatus, `${what}: the HTTP status the RP answered it with (a refusal is 4xx)`).toBeLessThan(500);
  await expectSignedOutAfter(rp, what);
}

async function expectSignedOutAfter(rp: Rp, what: string): Promise<void> {
  const who = await rp.signedInAs();
  expect.soft(who, `${what}: nobody is signed in`).toBeNull();
  if (who !== null) await rp.signOut();
}

/** A username-first sign-in with the passkey as the authenticator holds it now is refused, and nobody is signed in. */
async function expectUsernameFirstRefused(rp: Rp, username: string, what: string): Promise<void> {
  const refused = await rp.signIn('username-first', username).then(() => null, (error: unknown) => error);
  if (refused !== null && !(refused instanceof RpStepError)) throw refused;
  expect.soft(refused, `${what}: the RP signed the user in`).toBeInstanceOf(RpStepError);
  if (refused instanceof RpStepError) expect.soft(refused.shown.trim(), `${what}: what the RP told the user`).not.toBe('');
  await expectSignedOutAfter(rp, what);
}

/** Null for a sign-in that went through; what the RP told the user (or the error) for one that did not. */
function refusalOf(outcome: PromiseSettledResult<void> | undefined): string | null {
  if (outcome === undefined) return 'the sign-in never ran';
  if (outcome.status === 'fulfilled') return null;
  return outcome.reason instanceof RpStepError ? `refused: ${outcome.reason.shown}` : String(outcome.reason);
}

function notRequired(rp: Rp, asked: UserVerificationAsked): string {
  return `${rp.adapter.name} does not require user verification at sign-in (its options ask "${asked}"), so an answer without it may be accepted`;
}

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
    if (!mine.held) notApplicable(`while ${people.on('mine').adapter.name} signed in, no request carried a WebAuthn sign-in answer the harness can read, so none could be held`);
    await test.step('both are signed in, each as themselves', async () => {
      expect.soft(refusalOf(theirs.outcome), 'the other person, who signed in from start to end meanwhile: what the RP said').toBeNull();
      expect.soft(await people.on('theirs').signedInAs(), 'who the other person is signed in as').toBe(theirName);
      expect.soft(refusalOf(mine.outcome), 'my sign-in, answered after the other person had signed in: what the RP said').toBeNull();
      expect.soft(await people.on('mine').signedInAs(), 'who I am signed in as').toBe(username);
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
    if (seen !== undefined && seen !== 'required') notApplicable(notRequired(rp, seen));
    const probe = new SignInProbe(rp, authenticator, notApplicable);
    await check('works', 'register a passkey and sign out', async () => {
      await rp.register(username);
      await rp.signOut();
    });
    await check('works', "the browser's answer, signed again, signs in; the options say whether UV is required", async () => {
      const control = await probe.signIn(username, resigned);
      mustLetIn(rp, control);
      if (!control.options) {
        notApplicable(`the sign-in options (an answer from ${rp.adapter.name} carrying the challenge the browser signed) were not seen, so whether it requires user verification is unknown`);
      }
      rememberUserVerification(cell.id, control.options);
      const asked = userVerificationAsked(control.options);
      if (asked !== 'required') notApplicable(notRequired(rp, asked));
      await rp.signOut();
    });
    await test.step('the same answer with the UV flag cleared is refused', async () => {
      await expectNobodyLetIn(rp, await probe.signIn(username, forged({ withoutUserVerification: true })), 'an answer without user verification');
    });
  });
});
