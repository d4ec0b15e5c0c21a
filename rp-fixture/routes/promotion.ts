import { Router } from 'express';
import type { FixtureContext } from '../context';
import { csrfToken } from '../csrf';
import { csrfField } from '../pages/csrfInput';
import { detectEnvironment } from '../environment';
import { promotionPage } from '../pages/promotion';
import { promotionDue, recordNotNow, recordOffer } from '../promotion';
import { currentAccount } from '../session';

/** The passkey offer after a password or email-link sign-in, when it is due. */
export function promotionRoutes(context: FixtureContext): Router {
  const router = Router();

  router.get('/promote-passkey', (req, res) => {
    const account = currentAccount(req, context.store);
    if (!account) return res.redirect(302, '/signin');
    const environment = detectEnvironment(req.headers, context.faults);
    // Opened again, or not due: straight on to the account, without asking.
    if (!promotionDue(context, account, environment)) return res.redirect(302, '/account');
    recordOffer(context, account);
    res.type('html').send(
      promotionPage({
        environment,
        csrfToken: csrfToken(req),
        csrfField: csrfField(req),
        username: account.username,
        intervalDays: context.config.promotionIntervalDays,
      }),
    );
  });

  router.post('/promote-passkey/not-now', (req, res) => {
    const account = currentAccount(req, context.store);
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent for users: signing out replaces the session and its CSRF token, so a signed-out browser's "Not now" is refused before it gets here
    if (!account) return res.redirect(303, '/signin');
    recordNotNow(context, account);
    res.redirect(303, '/account');
  });

  return router;
}
