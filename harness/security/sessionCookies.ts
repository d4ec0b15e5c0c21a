import type { Cookie } from '@playwright/test';
import { notApplicable } from '../fixtures/notApplicable';
import type { Rp } from '../rp/boundRp';
import type { Ceremony } from './answerInBody';
import { interceptAnswer } from './answerInterception';

/** Runs an adapter step that signs up or in, and returns the cookies the browser held when it sent the passkey answer. */
export async function cookiesWhenAnswering(rp: Rp, ceremony: Ceremony, step: () => Promise<unknown>): Promise<Cookie[]> {
  const held: { cookies?: Cookie[] } = {};
  const { outcome, genuine } = await interceptAnswer(
    rp.page,
    ceremony,
    async (answer) => {
      held.cookies = await rp.page.context().cookies();
      return answer.body;
    },
    step,
  );
  if (outcome.status === 'rejected') throw outcome.reason;
  if (!genuine || !held.cookies) {
    notApplicable(`no request carried a WebAuthn ${ceremony === 'create' ? 'registration' : 'sign-in'} answer the harness can read (a JSON body holding an object whose "response" has "clientDataJSON"), so the moment of signing in is unknown`);
  }
  return held.cookies;
}
