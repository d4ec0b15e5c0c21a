import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { faultOn, type ActiveFaults } from './faults';

declare module 'express-session' {
  interface SessionData {
    /** Synchronizer token: every POST must carry it, as the `_csrf` field or the X-CSRF-Token header. */
    csrfToken: string;
  }
}

/** The form field name and the header name that carry the token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The session's CSRF token, created on first use. A new session (as at sign-in, which regenerates
 * it) gets a new token: a token seen before sign-in is worthless after it.
 */
export function csrfToken(req: Request): string {
  req.session.csrfToken ??= randomBytes(32).toString('base64url');
  return req.session.csrfToken;
}

/** Whether the request carries the session's token, in the X-CSRF-Token header or the `_csrf` field. */
export function carriesValidToken(req: Request, faults: ActiveFaults): boolean {
  // The session middleware runs before every route that checks a token (server/app.ts), so a session is always there.
  const expected = req.session.csrfToken;
  if (expected === undefined) return false;
  const header = req.headers[CSRF_HEADER];
  const field = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  const sent = typeof header === 'string' ? header : typeof field === 'string' ? field : undefined;
  // Fault csrf-any-token: a token must be there, but any value passes, so a forger makes one up.
  if (faultOn(faults, 'csrf-any-token')) return sent !== undefined && sent !== '';
  return sent !== undefined && sameToken(sent, expected);
}

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
