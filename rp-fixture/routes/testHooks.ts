import { Router } from 'express';
import { z } from 'zod';
import { ApiError } from '../apiError';
import { MailboxTimeoutError, type Mailbox } from '../mailbox';
import type { MovableClock } from '../movableClock';

const TEN_YEARS_SECONDS = 10 * 366 * 24 * 60 * 60;
/** A harness waits for a mail at most this long per request, so no request hangs. */
const MAX_MAIL_WAIT_MS = 10_000;

const Advance = z.strictObject({ advanceSeconds: z.number().int().min(0).max(TEN_YEARS_SECONDS) });
const MailQuery = z.object({
  to: z.string().trim().min(3).max(254),
  timeoutMs: z.coerce.number().int().min(0).max(MAX_MAIL_WAIT_MS).default(5_000),
});

/**
 * Hooks for a test harness, mounted only with `testHooks` on: read and move the RP's clock, and read
 * the mail it sent when it sends to its own mailbox. They change no account, so they need no session
 * and no CSRF token.
 */
export function testHookRoutes(clock: MovableClock, mailbox: Mailbox | undefined): Router {
  const router = Router();
  router.get('/test-hooks/clock', (_req, res) => {
    res.json({ now: clock.now().toISOString() });
  });
  router.post('/test-hooks/clock', (req, res, next) => {
    const parsed = Advance.safeParse(req.body);
    if (!parsed.success) return next(new ApiError(400, `Send {"advanceSeconds": N}, N a whole number from 0 to ${TEN_YEARS_SECONDS}.`, 'bad-request'));
    clock.advance(parsed.data.advanceSeconds * 1000);
    res.json({ now: clock.now().toISOString() });
  });
  // The oldest mail to `to` not read yet, waiting up to `timeoutMs` for it: each mail is read once.
  router.get('/test-hooks/mail', (req, res, next) => {
    if (!mailbox) return next(new ApiError(404, 'This RP sends its mail to the SMTP server set with --smtp: read it there.', 'no-mailbox'));
    const query = MailQuery.safeParse(req.query);
    if (!query.success) return next(new ApiError(400, `Ask for ?to=ADDRESS&timeoutMs=N, N from 0 to ${MAX_MAIL_WAIT_MS}.`, 'bad-request'));
    mailbox.waitForMessage(query.data.to, query.data.timeoutMs).then(
      (mail) => res.json(mail),
      (error: unknown) => next(error instanceof MailboxTimeoutError ? new ApiError(404, error.message, 'no-mail') : error),
    );
  });
  return router;
}
