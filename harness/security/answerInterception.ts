/**
 * Swaps the WebAuthn answer on its way from the page to the RP. The adapter drives the RP's own pages
 * as a user would (its scripts fetch the options, keep its CSRF token and session, post the answer);
 * only the answer in that one request is replaced. So a forged or replayed answer reaches the RP
 * exactly as the real one would, whatever the RP's API, and what the RP makes of it is what the
 * user is shown.
 */
import type { Page, Request, Route } from '@playwright/test';
import { findAnswer, jsonBody, type AnswerInBody, type Ceremony } from './answerInBody';

export interface InterceptedAnswer {
  url: string;
  /** The request body as the page sent it, parsed. */
  body: unknown;
  where: AnswerInBody;
}

/** The body to send instead; `answer.body` sends it as it was. */
export type Replace = (answer: InterceptedAnswer) => unknown;

export interface Interception<T> {
  outcome: PromiseSettledResult<T>;
  /** The answer the browser made, or null when no request carried one the harness could read. */
  genuine: InterceptedAnswer | null;
  /** The body the RP got instead. */
  sent: unknown;
}

const MATCH_EVERY_URL = () => true;

/**
 * Runs `during` (an adapter step) with the first `ceremony` answer it sends replaced by `replace`'s
 * body. Every other request goes on untouched.
 */
export async function interceptAnswer<T>(page: Page, ceremony: Ceremony, replace: Replace, during: () => Promise<T>): Promise<Interception<T>> {
  const seen: { genuine: InterceptedAnswer | null; sent: unknown; failure: unknown } = { genuine: null, sent: undefined, failure: undefined };
  const handler = async (route: Route, request: Request): Promise<void> => {
    if (seen.genuine !== null || request.method() !== 'POST') return route.fallback();
    const body = jsonBody(request.postData());
    const where = body === undefined ? null : findAnswer(body);
    if (where?.ceremony !== ceremony) return route.fallback();
    seen.genuine = { url: request.url(), body, where };
    try {
      seen.sent = await replace(seen.genuine);
    } catch (error) {
      // The request must not hang: the step then fails at once, and the error is raised below.
      seen.failure = error;
      return route.abort('failed');
    }
    await route.continue({ postData: JSON.stringify(seen.sent) });
  };
  await page.route(MATCH_EVERY_URL, handler);
  let outcome: PromiseSettledResult<T>;
  try {
    outcome = await during().then(
      (value): PromiseFulfilledResult<T> => ({ status: 'fulfilled', value }),
      (reason: unknown): PromiseRejectedResult => ({ status: 'rejected', reason }),
    );
  } finally {
    await page.unroute(MATCH_EVERY_URL, handler);
  }
  if (seen.failure !== undefined) throw seen.failure;
  return { outcome, genuine: seen.genuine, sent: seen.sent };
}
