/**
 * A passkey sign-in through the RP's own pages (the adapter's username-first sign-in) whose answer
 * the harness replaces on the way: re-signed, forged or replayed. Says whether the RP let the user in
 * and what it told them otherwise.
 */
import type { CdpCredential } from '../browser/cdpCredential';
import type { VirtualAuthenticator } from '../browser/virtualAuthenticator';
import { RpStepError } from '../rp/adapter';
import type { Rp } from '../rp/boundRp';
import type { JsonObject } from './answerInBody';
import { clientDataOf, readAssertion, withAssertion, type Assertion } from './assertion';
import { badlySignedAssertion, forgeAssertion, resignedAssertion, type Forgery } from './assertionForgery';
import { interceptAnswer, type InterceptedAnswer } from './answerInterception';
import { optionsWithChallenge, recordTraffic, signInAnswerStatus } from './webauthnTraffic';

/** The body to send in place of the browser's answer: from the genuine answer and the key that made it. */
export type AnswerInstead = (genuine: Assertion, key: CdpCredential, intercepted: InterceptedAnswer) => unknown;

export interface SignInAttempt {
  /** The RP signed the user in: the adapter's sign-in went through. */
  letIn: boolean;
  /** What the RP told the user when it refused. */
  said: string | null;
  /** The answer the browser made, never delivered unless `instead` sent it. */
  genuine: Assertion;
  /** The request body that carried it, as the page sent it. */
  genuineBody: unknown;
  /** The body the RP got. */
  sent: unknown;
  /** The sign-in options whose challenge the browser signed, when the traffic showed them. */
  options: JsonObject | null;
  /** The HTTP status of the RP's answer to the answer it got; null when the traffic did not show it. */
  answerStatus: number | null;
}

/** Sends `assertion` where the browser's answer was, every other field of the page's request kept. */
export function answerWith(assertion: Assertion, intercepted: InterceptedAnswer): unknown {
  return withAssertion(intercepted.body, intercepted.where, assertion);
}

/** The browser's answer signed again by the same key: what any RP must accept (the harness's own control). */
export const resigned: AnswerInstead = (genuine, key, intercepted) => answerWith(resignedAssertion(genuine, key), intercepted);

/** The answer forged as `forgery` says, signed with the passkey's key (or the signer's). */
export function forged(forgery: Forgery): AnswerInstead {
  return (genuine, key, intercepted) => answerWith(forgeAssertion(genuine, key, forgery), intercepted);
}

/** The answer with a signature that does not match it. */
export const badlySigned: AnswerInstead = (genuine, key, intercepted) => answerWith(badlySignedAssertion(genuine, key), intercepted);

/** A whole request body sent before, in place of the new one: a replay. */
export function replayed(body: unknown): AnswerInstead {
  return () => body;
}

export class SignInProbe {
  constructor(
    private readonly rp: Rp,
    private readonly authenticator: VirtualAuthenticator,
    /** The RP's traffic could not be read: the scenario cannot judge it (not applicable, with the reason). */
    private readonly cannotRead: (reason: string) => never,
  ) {}

  async signIn(username: string, instead: AnswerInstead): Promise<SignInAttempt> {
    const found: { genuine?: Assertion } = {};
    const { outcome: interception, exchanges } = await recordTraffic(this.rp.page, () =>
      interceptAnswer(
        this.rp.page,
        'get',
        async (intercepted) => {
          const genuine = readAssertion(intercepted.body, intercepted.where);
          found.genuine = genuine;
          const key = (await this.authenticator.credentials()).find((c) => Buffer.from(c.credentialId, 'base64').equals(genuine.credentialId));
          if (!key) throw new Error(`The sign-in answer names passkey ${genuine.credentialId.toString('base64url')}, which the virtual authenticator does not hold`);
          return instead(genuine, key, intercepted);
        },
        () => this.rp.signIn('username-first', username),
      ),
    );
    if (!interception.genuine || !found.genuine) {
      return this.cannotRead(
        `while ${this.rp.adapter.name} signed in, no request carried a WebAuthn sign-in answer the harness can read (a JSON body holding an object whose "response" has "clientDataJSON" and "authenticatorData"), so no forged answer could be put in its place`,
      );
    }
    const { outcome } = interception;
    if (outcome.status === 'rejected' && !(outcome.reason instanceof RpStepError)) throw outcome.reason;
    return {
      letIn: outcome.status === 'fulfilled',
      said: outcome.status === 'rejected' ? (outcome.reason as RpStepError).shown : null,
      genuine: found.genuine,
      genuineBody: interception.genuine.body,
      sent: interception.sent,
      options: optionsWithChallenge(exchanges, clientDataOf(found.genuine).challenge),
      answerStatus: signInAnswerStatus(exchanges),
    };
  }
}

/**
 * The harness cannot judge the RP: it refused an answer that only differs from the browser's by a
 * fresh signature of the same key. A refused forgery would then say nothing. Not a verdict on the RP.
 */
export class CannotJudgeError extends Error {
  override name = 'CannotJudgeError';
}
