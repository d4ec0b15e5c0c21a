import express, { type Express, type RequestHandler } from 'express';
import { apiErrorHandler, ApiError } from '../apiError';
import type { FixtureContext } from '../context';
import { csrfProtection } from '../routes/csrfProtection';
import { canonicalHost, jsonApiBodies, sameOriginPosts } from '../requestGuards';
import { requestLog } from '../requestLog';
import { authenticationRoutes } from '../routes/authentication';
import { pageRoutes } from '../routes/pages';
import { passkeyRoutes } from '../routes/passkeys';
import { promotionRoutes } from '../routes/promotion';
import { registrationRoutes } from '../routes/registration';
import { signInHelpRoutes } from '../routes/signinHelp';
import { staticRoutes } from '../routes/staticFiles';
import { waysInRoutes } from '../routes/waysIn';
import { securityHeaders } from '../routes/securityHeaders';
import type { Mailbox } from '../mailbox';
import { outages, type Outage } from '../outages';
import type { MovableClock } from '../movableClock';
import { testHookRoutes } from '../routes/testHooks';
import { sessionMiddleware } from '../session';

export type AppOptions = {
  port: number;
  log?: ((line: string) => void) | undefined;
  /** With test hooks on: the clock `/test-hooks/clock` moves. */
  clock?: MovableClock | undefined;
  /** With test hooks on: the mailbox `/test-hooks/mail` reads, when the RP sends its mail there. */
  mailbox?: Mailbox | undefined;
  /** Breakdowns to prove the harness survives them (`outages.ts`), and how the process dies. */
  outages?: { list: Outage[]; die: () => void } | undefined;
};

/** The fixture RP's express app: pages, the WebAuthn JSON API, and the two scripts. */
export function createApp(context: FixtureContext, options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  if (options.outages?.list.length) app.use(outages(options.outages.list, options.outages.die));
  if (options.log) app.use(requestLog(options.log));
  app.use(securityHeaders());
  app.use(canonicalHost(context.rp));
  app.use(staticRoutes());
  app.use(express.json({ limit: '64kb' }));
  app.use(sameOriginPosts(context.rp));
  app.use(jsonApiBodies());
  if (options.clock) app.use(testHookRoutes(options.clock, options.mailbox));
  app.use(sessionMiddleware(options.port));
  // Server-rendered forms post urlencoded; the CSRF check reads their _csrf field.
  app.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 }));
  app.use(csrfProtection(context.faults));
  app.use(pageRoutes(context));
  app.use(registrationRoutes(context));
  app.use(authenticationRoutes(context));
  app.use(waysInRoutes(context));
  app.use(signInHelpRoutes(context));
  app.use(promotionRoutes(context));
  app.use(passkeyRoutes(context));
  app.use(notFound());
  app.use(apiErrorHandler(options.log ?? ((line) => console.error(line))));
  return app;
}

function notFound(): RequestHandler {
  return (req, res, next) => {
    if (req.path.startsWith('/api/')) return next(new ApiError(404, `No such API: ${req.method} ${req.path}`, 'not-found'));
    res.status(404).type('text').send('Not found. Try /signin or /register.');
  };
}
