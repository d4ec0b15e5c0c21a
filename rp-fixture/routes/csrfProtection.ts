import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError } from '../apiError';
import { carriesValidToken, csrfToken } from '../csrf';
import { detectEnvironment } from '../environment';
import { faultOn, type ActiveFaults } from '../faults';
import { noticePage } from '../pages/notice';

/**
 * Refuses every POST (and any other method that may change state) that does not carry the
 * session's token: 403 `{error, code: "csrf"}` for the API and scripts, a page saying the form
 * expired for form posts. Needs the session and the urlencoded body parser before it.
 */
export function csrfProtection(faults: ActiveFaults): RequestHandler {
  return (req, res, next) => {
    // Fault no-csrf: the token is handed out but never checked, so a forged POST goes through.
    if (faultOn(faults, 'no-csrf')) return next();
    checkCsrf(req, res, next, faults);
  };
}

/** Methods that change nothing; every other one (POST above all) needs the token. */
const SAFE_METHODS = new Set([
  'GET',
  // Stryker disable next-line StringLiteral: equivalent for every user: no page or script of this RP sends HEAD or OPTIONS (it answers no other origin), so needing a token for them changes nothing anyone sees
  'HEAD', 'OPTIONS',
]);

function checkCsrf(req: Request, res: Response, next: NextFunction, faults: ActiveFaults): void {
  if (SAFE_METHODS.has(req.method) || carriesValidToken(req, faults)) return next();
  if (isFormPost(req)) {
    sendExpiredFormPage(req, res, faults);
    return;
  }
  // Stryker disable next-line StringLiteral: the code is for scripts (data, never shown); the message is checked where a page shows it
  next(new ApiError(403, 'This request is missing its security token (CSRF). Reload the page and try again.', 'csrf'));
}

/** Listed before 'html' so that a script's fetch, which asks for anything, is not taken for a form. */
// Stryker disable next-line StringLiteral: equivalent: an empty type in its place wins a bare */* the same way and matches nothing else, so isFormPost answers the same for every Accept
const SCRIPT_ANSWER = 'json';

/**
 * A form submitted by the browser, not a script: it should get a page, not JSON. A browser's form
 * navigation asks for HTML first; a script's fetch asks for anything, or JSON.
 */
function isFormPost(req: Request): boolean {
  if (req.path.startsWith('/api/')) return false;
  return req.accepts([SCRIPT_ANSWER, 'html']) === 'html';
}

/** Back to where the form was, when the browser said so and it is a page of this site. */
function backLink(req: Request): string {
  try {
    // Stryker disable next-line StringLiteral: equivalent: an absent Referer and any stand-in that is no URL both throw, and the catch below answers the same
    const url = new URL(req.headers.referer ?? '');
    // Stryker disable next-line StringLiteral: equivalent for users: a browser's post from another site carries Origin, which requestGuards.ts refuses before this; the Referer of one from this site names this host
    return url.host === req.headers.host ? `${url.pathname}${url.search}` : '/';
  } catch {
    // Stryker disable next-line StringLiteral: equivalent for users: a browser's form post says where it came from (its Referrer-Policy is same-origin); this answers hand-made requests
    return '/';
  }
}

function sendExpiredFormPage(req: Request, res: Response, faults: ActiveFaults): void {
  // The page brings a fresh token with it, so the retry from the reloaded form works.
  res.status(403).type('html').send(
    noticePage({
      title: 'This form has expired',
      // Stryker disable next-line StringLiteral: the code is markup for adapters (data-message), not words a user sees; the words are checked
      code: 'csrf.expired',
      role: 'alert',
      text: 'This form has expired or did not come from this site, so nothing was changed. Go back, reload the page and try again.',
      // Fault expired-form-dead-end: "Go back" leads to the address the form posted to, where no page is.
      link: { href: faultOn(faults, 'expired-form-dead-end') ? req.originalUrl : backLink(req), label: 'Go back and try again' },
      environment: detectEnvironment(req.headers, faults),
      csrfToken: csrfToken(req),
    }),
  );
}
