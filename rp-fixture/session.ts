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
  }
}

/**
 * Sessions in express-session's MemoryStore, fine for a fixture. A session is kept, and its cookie
 * sent, from the first page that hands out its CSRF token (csrf.ts): every page with a form does, and
 * every request that binds a challenge to the session is a POST that carries that token. The cookie
 * name carries the port because cookies ignore ports: two fixture RPs on localhost would otherwise
 * clobber each other.
 */
export function sessionCookieName(port: number): string {
  // Stryker disable next-line BlockStatement,StringLiteral: equivalent in a matrix run, where each browser context talks to one fixture RP; the port matters to a person running two by hand
  return `passkey-matrix-fixture-${port}.sid`;
}

export function sessionMiddleware(port: number): RequestHandler {
  return session({
    name: sessionCookieName(port),
    // Sessions die with the process, so a fresh random secret per instance is enough.
    secret: randomBytes(32).toString('hex'),
    // Stryker disable next-line BooleanLiteral: equivalent, saving an unchanged session again into the MemoryStore changes nothing anyone sees
    resave: false,
    // Stryker disable next-line BooleanLiteral: equivalent, a cookie for a session that holds nothing names no one and binds nothing
    saveUninitialized: false,
    // Said, not left to defaults: express-session sends no SameSite unless told, and browsers other
    // than Chromium then send the cookie with a cross-site form post. (Path "/" and no Secure on
    // http://localhost are its defaults.)
    cookie: { httpOnly: true, sameSite: 'lax' },
  });
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
    req.session.username = username;
    return;
  }
  const previousId = req.sessionID;
  await new Promise<void>((resolve, reject) => {
    req.session.regenerate((error: unknown) => (error ? reject(error) : resolve()));
  });
  challenges.dropSession(previousId);
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
