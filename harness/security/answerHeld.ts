/**
 * Two ceremonies at once: one person's sign-in answer is held on its way to the RP while something
 * else happens (another person signs in from start to end), then let go. An RP that keeps one
 * challenge for everyone, or clears the others' when it hands out a new one, refuses the held answer.
 */
import type { SignInMethod } from '../rp/adapter';
import type { Rp } from '../rp/boundRp';
import { interceptAnswer } from './answerInterception';

export interface HeldSignIn {
  /** Whether a request carried a sign-in answer the harness could hold; false: nothing was judged. */
  held: boolean;
  outcome: PromiseSettledResult<void>;
}

/** A sign-in on `rp` (username first unless told) whose answer waits until `meanwhile` has ended. */
export async function signInWithAnswerHeld(rp: Rp, username: string, meanwhile: () => Promise<void>, method: SignInMethod = 'username-first'): Promise<HeldSignIn> {
  const { outcome, genuine } = await interceptAnswer(
    rp.page,
    'get',
    async (answer) => {
      await meanwhile();
      return answer.body;
    },
    () => rp.signIn(method, username),
  );
  return { held: genuine !== null, outcome };
}
