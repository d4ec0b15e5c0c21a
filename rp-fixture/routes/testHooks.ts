import { Router } from 'express';
import { z } from 'zod';
import { ApiError } from '../apiError';
import type { MovableClock } from '../movableClock';

const TEN_YEARS_SECONDS = 10 * 366 * 24 * 60 * 60;

const Advance = z.strictObject({ advanceSeconds: z.number().int().min(0).max(TEN_YEARS_SECONDS) });

/**
 * Hooks for a test harness, mounted only with `testHooks` on: read and move the RP's clock. They
 * change no account, so they need no session and no CSRF token.
 */
export function testHookRoutes(clock: MovableClock): Router {
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
  return router;
}
