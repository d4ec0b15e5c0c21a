/**
 * Whether one adapter method did what the contract in adapter.ts says, from what was seen when it
 * was called once against the live RP: pure, so each judgement is tested without a browser.
 */
import type { z } from 'zod';
import { shapeProblem, SignedInAsSchema } from './adapterViews';
import { stripAnsi } from '../report/stripAnsi';

/** ✓ did what the contract says; ✗ did not; – not tried (why), or the RP lacks it. */
export type CheckResult = 'pass' | 'fail' | 'not-tried' | 'lacking';

export interface MethodVerdict {
  /** The member, with its argument where one member is tried several ways: `signIn (discoverable)`. */
  method: string;
  result: CheckResult;
  /** One line: what it did, or what it should have done. */
  why: string;
}

/** What a call did: resolved with a value, or threw. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A fact the contract asks for once the call is over, and what was seen of it. */
export interface Afterwards {
  holds: boolean;
  seen: string;
}

/** A sign-in the RP started by itself on page load, before the adapter acted. */
export interface SelfStartedSignIn {
  mode: 'modal' | 'autofill';
  /** A modal request the authenticator answered: the page went on to sign the user in. */
  answered: boolean;
}

export function isRpStepError(error: unknown): error is Error & { shown: string } {
  // By name too: an adapter kept outside this repository may import its own copy of adapter.ts.
  return error instanceof Error && error.name === 'RpStepError' && typeof (error as { shown?: unknown }).shown === 'string';
}

/** An error in one line: its name and first line, as the table shows it. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a non-Error (${String(error).slice(0, 80)})`;
  const first = stripAnsi(error.message).split('\n')[0]!.trim().replace(/\.$/, '');
  return `${error.name}: ${first.slice(0, 160)}`;
}

/** Afterwards, signedInAs gave `expected` (a username, or null: signed out). */
export function signedInAfter(seen: Attempt<string | null>, expected: string | null): Afterwards {
  const want = JSON.stringify(expected);
  if (!seen.ok) return { holds: false, seen: `then signedInAs threw ${describeError(seen.error)}` };
  if (seen.value === expected) return { holds: true, seen: `then signedInAs gave ${want}` };
  return { holds: false, seen: `then signedInAs gave ${JSON.stringify(seen.value)}, not ${want}` };
}

/** A call that must resolve, with an answer of `schema`'s shape where it has one, and leave every `after` true. */
export function judgeCall(method: string, attempt: Attempt<unknown>, schema: z.ZodType | null, after: Afterwards[] = [], doneWords = 'resolved'): MethodVerdict {
  if (!attempt.ok) return { method, result: 'fail', why: `threw ${describeError(attempt.error)}` };
  const problem = schema ? shapeProblem(schema, attempt.value) : null;
  if (problem) return { method, result: 'fail', why: `resolved with the wrong shape: ${problem}` };
  const broken = after.find((a) => !a.holds);
  if (broken) return { method, result: 'fail', why: `${doneWords}, but ${broken.seen}` };
  return { method, result: 'pass', why: [doneWords, ...after.map((a) => a.seen)].join('; ') };
}

/**
 * A passkey sign-in the authenticator can answer: it resolves and the user is signed in. A page that
 * signed in by itself on load before the adapter clicked is said as such, with what the adapter should do.
 */
export function judgeSignIn(method: string, attempt: Attempt<unknown>, after: Afterwards, selfStarted: SelfStartedSignIn | null): MethodVerdict {
  const byItself = selfStarted?.mode === 'modal' && selfStarted.answered;
  if (!attempt.ok && byItself && after.holds) {
    return {
      method,
      result: 'fail',
      why: `the RP signed in by itself on page load (modal request) before the adapter acted, and signIn then threw ${describeError(attempt.error)}: after opening the page, wait for the signed-in state instead of clicking`,
    };
  }
  const verdict = judgeCall(method, attempt, null, [after], 'signed in');
  if (verdict.result === 'pass' && byItself) return { ...verdict, why: `${verdict.why} (the RP signed in by itself on page load; the adapter waited for it)` };
  return verdict;
}

/** A passkey sign-in with no passkey on the authenticator: it must throw RpStepError with the RP's words, not time out. */
export function judgeSignInWithoutPasskey(method: string, attempt: Attempt<unknown>): MethodVerdict {
  if (attempt.ok) return { method, result: 'fail', why: 'resolved though the authenticator holds no passkey: throw RpStepError with what the RP said instead' };
  if (isRpStepError(attempt.error)) {
    const shown = attempt.error.shown.trim();
    if (!shown) return { method, result: 'fail', why: 'threw RpStepError with no words: give it what the RP showed the user' };
    return { method, result: 'pass', why: `threw RpStepError: the RP said "${shown.slice(0, 100)}"` };
  }
  return {
    method,
    result: 'fail',
    why: `threw ${describeError(attempt.error)}, not RpStepError: wait for the RP's failure message and throw RpStepError with its words`,
  };
}

/**
 * A sign-in someone without the right secret tries (a wrong code, a past code, a near-miss password):
 * the RP refusing (RpStepError) and letting them in (resolved, signed in) both keep the contract;
 * the matrix judges which the RP did.
 */
export function judgeRefusedOrLetIn(method: string, attempt: Attempt<unknown>, after: Afterwards): MethodVerdict {
  if (!attempt.ok) {
    if (isRpStepError(attempt.error)) return { method, result: 'pass', why: `the RP refused: "${attempt.error.shown.trim().slice(0, 100)}"` };
    return { method, result: 'fail', why: `threw ${describeError(attempt.error)}: throw RpStepError with what the RP said when it refuses` };
  }
  if (!after.holds) return { method, result: 'fail', why: `resolved, but ${after.seen}: resolve only when the RP let the user in` };
  return { method, result: 'pass', why: `resolved: the RP let them in; ${after.seen}` };
}

export function notTried(method: string, why: string): MethodVerdict {
  return { method, result: 'not-tried', why: `not tried: ${why}` };
}

/** Exit status: 1 when any method tried did not do what the contract says, else 0. */
export function exitStatusOf(verdicts: readonly MethodVerdict[]): 0 | 1 {
  return verdicts.some((v) => v.result === 'fail') ? 1 : 0;
}

/** signedInAs, asked once signed in as `username` and once signed out: the name, then null. */
export function judgeSignedInAs(whileIn: Attempt<unknown> | null, whileOut: Attempt<unknown> | null, username: string): MethodVerdict {
  const method = 'signedInAs';
  const seen: string[] = [];
  for (const [attempt, expected, when] of [
    [whileIn, username, 'signed in'],
    [whileOut, null, 'signed out'],
  ] as const) {
    if (!attempt) continue;
    if (!attempt.ok) return { method, result: 'fail', why: `threw ${describeError(attempt.error)} while ${when}` };
    const problem = shapeProblem(SignedInAsSchema, attempt.value);
    if (problem) return { method, result: 'fail', why: `resolved with the wrong shape while ${when}: ${problem}` };
    if (attempt.value !== expected) return { method, result: 'fail', why: `gave ${JSON.stringify(attempt.value)} while ${when}, not ${JSON.stringify(expected)}` };
    seen.push(`${JSON.stringify(expected)} while ${when}`);
  }
  if (!seen.length) return notTried(method, 'no account was signed in or out to ask about');
  return { method, result: 'pass', why: `gave ${seen.join(', ')}` };
}
