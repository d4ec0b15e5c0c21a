/**
 * A person who leaves the passkey prompt open and comes back much later: the sign-in's answer
 * reaches the RP only once that time has passed on the RP's clock, as it would after a long pause.
 */
import type { Rp } from '../rp/boundRp';
import { signInWithAnswerHeld } from '../security/answerHeld';

/** The RP as this person meets it: every step its own, but each passkey sign-in answered `seconds` late. */
export function promptLeftOpen(rp: Rp, letTimePass: (seconds: number) => Promise<void>, seconds: number): Rp {
  return {
    ...rp,
    signIn: async (method, username) => {
      const { held, outcome } = await signInWithAnswerHeld(rp, username, () => letTimePass(seconds), method);
      if (!held) throw new Error(`${rp.name}'s sign-in sent no passkey answer the harness could read, so it could not wait before sending it: no time passed during the sign-in`);
      if (outcome.status === 'rejected') throw outcome.reason;
    },
  };
}
