import type { Response } from 'express';
import { Router } from 'express';
import type { FixtureContext } from '../context';
import { creationAdvice } from '../creationAdvice';
import { csrfToken } from '../csrf';
import { detectEnvironment } from '../environment';
import { registerPage } from '../pages/register';
import { signInPage } from '../pages/signin';
import { currentAccount, endSession } from '../session';
import { sendAccountPage } from './accountView';

export function pageRoutes(context: FixtureContext): Router {
  const router = Router();

  router.get('/', (req, res) => {
    res.redirect(302, currentAccount(req, context.store) ? '/account' : '/signin');
  });

  router.get('/signin', (req, res) => {
    // The cookie comes with the page (its CSRF token starts the session), so the autofill request and
    // a button press that follow at once share one session instead of each starting their own.
    const environment = detectEnvironment(req.headers, context.faults);
    sendPage(res, signInPage({ environment, signedInAs: currentAccount(req, context.store)?.username, csrfToken: csrfToken(req), faults: context.faults }));
  });

  router.get('/register', (req, res) => {
    const environment = detectEnvironment(req.headers, context.faults);
    const signedInAs = currentAccount(req, context.store)?.username;
    sendPage(res, registerPage({ environment, advice: creationAdvice(environment, context.faults), signedInAs, csrfToken: csrfToken(req) }));
  });

  router.get('/account', (req, res) => {
    const account = currentAccount(req, context.store);
    if (!account) {
      res.redirect(302, '/signin');
      return;
    }
    sendAccountPage(req, res, context, account);
  });

  router.post('/signout', async (req, res) => {
    await endSession(req, context.challenges, context.faults);
    res.clearCookie(context.sessionCookieName, { path: '/' });
    res.redirect(303, '/signin');
  });

  return router;
}

function sendPage(res: Response, page: string): void {
  res.type('html').send(page);
}
