/** How long a challenge stays valid after the options were sent. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

/** A page may hold a few open ceremonies at once (a pending autofill request plus a button press). */
const MAX_PER_SESSION = 8;

export type RegistrationChallenge = {
  ceremony: 'registration';
  /** The account the passkey is for, as typed or from the signed-in session. */
  username: string;
  /** The user handle sent in the options, base64url. */
  userId: string;
  /** Whether the options were asked for while signed in as `username`. */
  signedIn: boolean;
};

export type AuthenticationChallenge = {
  ceremony: 'authentication';
  /** Set for username-first sign-in to a known account: only its passkeys may answer. */
  username?: string;
};

export type PendingChallenge = RegistrationChallenge | AuthenticationChallenge;

type Entry = { pending: PendingChallenge; expiresAt: number };

export type ChallengeStoreOptions = {
  /** Fault replayable-challenge: challenges are neither used up nor bound to a session. */
  replayable?: boolean;
  /** Fault one-challenge-at-a-time: a new challenge replaces every other session's, as one "current challenge" for everyone would. */
  latestOnly?: boolean;
  /** Fault challenge-never-expires: an answer is taken however long after its options it comes (until a later ceremony's sweep drops its challenge). */
  neverExpires?: boolean;
};

/**
 * Open WebAuthn challenges, bound to the session that asked for them. Each is single-use: `take`
 * removes it whether or not the response then verifies.
 *
 * They live beside the session data rather than inside it: express-session saves a request's whole
 * copy of the session at the end, so two overlapping requests (the autofill request started on
 * page load and a button press) would otherwise overwrite each other's challenge.
 */
export class ChallengeStore {
  private readonly bySession = new Map<string, Map<string, Entry>>();
  /** Every challenge issued, by value; only kept and read with the replayable-challenge fault. */
  private readonly everIssued = new Map<string, Entry>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly options: ChallengeStoreOptions = {},
  ) {}

  issue(sessionId: string, challenge: string, pending: PendingChallenge): void {
    this.sweep();
    // Fault one-challenge-at-a-time: every other session's open ceremony is forgotten.
    // Stryker disable next-line all: fault switch one-challenge-at-a-time's own branch, off in every run that judges a mutant (the selftest judges the switch)
    if (this.options.latestOnly) for (const other of this.bySession.keys()) if (other !== sessionId) this.bySession.delete(other);
    const entries = this.bySession.get(sessionId) ?? new Map<string, Entry>();
    entries.set(challenge, { pending, expiresAt: this.now() + CHALLENGE_TTL_MS });
    while (entries.size > MAX_PER_SESSION) {
      const oldest = entries.keys().next().value;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: not judged: the cap only bounds the memory of a session that starts more than 8 ceremonies without finishing one, which nothing a user or a check sees depends on
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    this.bySession.set(sessionId, entries);
    // Stryker disable next-line all: fault switch replayable-challenge's own store, off in every run that judges a mutant (the selftest judges the switch)
    if (this.options.replayable) this.everIssued.set(challenge, { pending, expiresAt: this.now() + CHALLENGE_TTL_MS });
  }

  /** Removes and returns the challenge if this session issued it and it has not expired. */
  take(sessionId: string, challenge: string): PendingChallenge | undefined {
    // Fault replayable-challenge: any session may answer any challenge, as often as it likes, until it expires.
    // Stryker disable all: fault switch replayable-challenge's own branch, off in every run that judges a mutant (the selftest judges the switch)
    if (this.options.replayable) {
      const issued = this.everIssued.get(challenge);
      return issued && issued.expiresAt > this.now() ? issued.pending : undefined;
    }
    // Stryker restore all
    const entries = this.bySession.get(sessionId);
    const entry = entries?.get(challenge);
    entries?.delete(challenge);
    if (entries?.size === 0) this.bySession.delete(sessionId);
    // Fault challenge-never-expires: the answer's own lateness is not checked.
    // Stryker disable next-line all: fault switch challenge-never-expires's own branch, off in every run that judges a mutant (the selftest judges the switch)
    if (this.options.neverExpires) return entry?.pending;
    // Stryker disable next-line EqualityOperator: equivalent for users: > and >= differ only for an answer that arrives in the very millisecond its challenge expires
    return entry && entry.expiresAt > this.now() ? entry.pending : undefined;
  }

  /** Forgets every challenge of a session that ended or was replaced at sign-in. */
  // Stryker disable next-line BlockStatement: not judged: memory only; the session store no longer holds that id (destroyed or regenerated), and express-session gives a cookie naming it a new id, so no request reaches its challenges again
  dropSession(sessionId: string): void {
    this.bySession.delete(sessionId);
  }

  private sweep(): void {
    const now = this.now();
    for (const [sessionId, entries] of this.bySession) {
      for (const [challenge, entry] of entries) if (entry.expiresAt <= now) entries.delete(challenge);
      if (entries.size === 0) this.bySession.delete(sessionId);
    }
    // Stryker disable next-line all: fault switch replayable-challenge's own store, empty in every run that judges a mutant
    for (const [challenge, entry] of this.everIssued) if (entry.expiresAt <= now) this.everIssued.delete(challenge);
  }
}
