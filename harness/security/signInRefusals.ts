/**
 * What a refused sign-in must look like: nobody let in, a 4xx rather than a 5xx, the user told
 * something, nobody signed in after it; and the control a forgery's refusal is judged against.
 */
import { expect } from '../checks/checkMatchers';
import { RpStepError } from '../rp/adapter';
import type { Rp } from '../rp/boundRp';
import { CannotJudgeError, type SignInAttempt } from './signInProbe';
import type { UserVerificationAsked } from './userVerificationAsked';

/** Another site, as a phishing page would be: its origin, and an RP ID that is not the RP's. */
export const PHISHING_ORIGIN = 'https://evil.example';
export const PHISHING_RP_ID = 'evil.example';

/** A phishing host that begins with the RP's whole origin: https://shop.example becomes https://shop.example.evil.example. */
export function lookAlikeOrigin(rpUrl: string): string {
  return `${new URL(rpUrl).origin}.${PHISHING_RP_ID}`;
}

/** The RP refused the browser's own answer, only signed again: a refused forgery would then say nothing. */
export function mustLetIn(rp: Rp, control: SignInAttempt): void {
  if (!control.letIn) {
    throw new CannotJudgeError(
      `${rp.name} refused the browser's own sign-in answer signed again with the same key (it said: ${control.said}); the harness cannot tell its refusals of forged answers from that`,
    );
  }
}

/** Soft checks, so one run lists every forgery that got in; one that did is signed out, so the next starts as the others did. */
export async function expectNobodyLetIn(rp: Rp, attempt: SignInAttempt, what: string): Promise<void> {
  expect.soft(attempt.letIn, `${what}: the RP signed the user in`).toBe(false);
  // Refused, not broken: a 5xx is the RP failing on the forgery, which the next release may turn into letting it in.
  if (attempt.answerStatus !== null) expect.soft(attempt.answerStatus, `${what}: the HTTP status the RP answered it with (a refusal is 4xx)`).toBeLessThan(500);
  await expectSignedOutAfter(rp, what);
}

/** A username-first sign-in with the passkey as the authenticator holds it now is refused, and nobody is signed in. */
export async function expectUsernameFirstRefused(rp: Rp, username: string, what: string): Promise<void> {
  const refused = await rp.signIn('username-first', username).then(() => null, (error: unknown) => error);
  if (refused !== null && !(refused instanceof RpStepError)) throw refused;
  expect.soft(refused, `${what}: the RP signed the user in`).toBeInstanceOf(RpStepError);
  if (refused instanceof RpStepError) expect.soft(refused.shown.trim(), `${what}: what the RP told the user`).not.toBe('');
  await expectSignedOutAfter(rp, what);
}

async function expectSignedOutAfter(rp: Rp, what: string): Promise<void> {
  const who = await rp.signedInAs();
  expect.soft(who, `${what}: nobody is signed in`).toBeNull();
  if (who !== null) await rp.signOut();
}

/** Null for a sign-in that went through; what the RP told the user (or the error) for one that did not. */
export function refusalOf(outcome: PromiseSettledResult<void> | undefined): string | null {
  if (outcome === undefined) return 'the sign-in never ran';
  if (outcome.status === 'fulfilled') return null;
  return outcome.reason instanceof RpStepError ? `refused: ${outcome.reason.shown}` : String(outcome.reason);
}

/** Why a check of answers without user verification is not applicable: the RP does not ask for it. */
export function userVerificationNotRequired(rp: Rp, asked: UserVerificationAsked): string {
  return `${rp.name} does not require user verification at sign-in (its options ask "${asked}"), so an answer without it may be accepted`;
}
