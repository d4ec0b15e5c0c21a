import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import type { ChallengeStore } from './challenges';
import { faultOn, type ActiveFaults } from './faults';
import type { Account, Store } from './store';

declare module 'express-session' {
  interface SessionData {
    /** The signed-in account. */
    username: string;
    /** Set once so the session is saved (and its cookie sent) before any challenge is bound to it. */
    established: boolean;
  }
}

/**
 * Sessions in express-session's MemoryStore, fine for a fixture. The cookie name carries the port
 * because cookies ignore ports: two fixture RPs on localhost would otherwise clobber each other.
 */
export function sessionCookieName(port: number): string {
  return `passkey-matrix-fixture-${port}.sid`;
}

export function sessionMiddleware(port: number): RequestHandler {
  return session({
    name: sessionCookieName(port),
    // Sessions die with the process, so a fresh random secret per instance is enough.
    secret: randomBytes(32).toString('hex'),
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: false, path: '/' },
  });
}

/** The session's id, after making sure the session is kept so the browser gets its cookie. */
export function establishedSessionId(req: Request): string {
  if (!req.session.established) req.session.established = true;
  return req.sessionID;
}

/** The signed-in account, if the session names one that still exists. */
export function currentAccount(req: Request, store: Store): Account | undefined {
  const username = req.session.username;
  return username === undefined ? undefined : store.findAccount(username);
}

/**
 * Signs in under a new session id, so an id fixed before sign-in is worthless after it. Challenges
 * still open under the old id go with it, and so does the CSRF token. Pass the context's faults:
 * every way of signing in honours `keep-session-id`.
 */
export async function startSignedInSession(
  req: Request,
  username: string,
  challenges: ChallengeStore,
  faults: ActiveFaults = new Map(),
): Promise<void> {
  // Fault keep-session-id: the session id from before sign-in stays valid after it (session fixation).
  if (faultOn(faults, 'keep-session-id')) {
    req.session.established = true;
    req.session.username = username;
    return;
  }
  const previousId = req.sessionID;
  await new Promise<void>((resolve, reject) => {
    req.session.regenerate((error: unknown) => (error ? reject(error) : resolve()));
  });
  challenges.dropSession(previousId);
  req.session.established = true;
  req.session.username = username;
}

export async function endSession(req: Request, challenges: ChallengeStore, faults: ActiveFaults = new Map()): Promise<void> {
  // Fault keep-session-at-sign-out: the browser is told to forget its cookie, but the session stays
  // signed in on the server, so a copy of the cookie taken before sign-out still gets in.
  if (faultOn(faults, 'keep-session-at-sign-out')) return;
  challenges.dropSession(req.sessionID);
  await new Promise<void>((resolve, reject) => {
    req.session.destroy((error: unknown) => (error ? reject(error) : resolve()));
  });
}
