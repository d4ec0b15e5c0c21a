import { createHash, randomBytes } from 'node:crypto';
import { faultOn, type ActiveFaults } from './faults';

/** How long a link sent by email works. */
export const EMAIL_LINK_TTL_MS = 15 * 60 * 1000;

/** What a link does: sign in, or prove that an address set on the account receives mail. */
export type EmailLinkPurpose = 'sign-in' | 'verify-email';

export type EmailLinkGrant = {
  purpose: EmailLinkPurpose;
  /** The account, by its username (which never changes). */
  username: string;
  /** The address the link was sent to. */
  address: string;
};

type Entry = EmailLinkGrant & { expiresAt: number };

/**
 * Single-use links sent by email. Only a hash of each token is kept, so the store itself holds
 * nothing that signs anyone in.
 */
export class EmailLinks {
  private readonly byHash = new Map<string, Entry>();

  constructor(
    private readonly now: () => Date,
    private readonly faults: ActiveFaults,
  ) {}

  /** A new token (256 bits, base64url) for the link. */
  issue(grant: EmailLinkGrant): string {
    this.sweep();
    const token = randomBytes(32).toString('base64url');
    this.byHash.set(hashOf(token), { ...grant, expiresAt: this.now().getTime() + EMAIL_LINK_TTL_MS });
    return token;
  }

  /** What the link grants if it is still valid, without using it up (for the page a link opens). */
  peek(token: string, purpose: EmailLinkPurpose): EmailLinkGrant | undefined {
    const entry = this.byHash.get(hashOf(token));
    return entry && entry.purpose === purpose && entry.expiresAt > this.now().getTime() ? grantOf(entry) : undefined;
  }

  /** Uses the link up: it works once, within its 15 minutes. */
  consume(token: string, purpose: EmailLinkPurpose): EmailLinkGrant | undefined {
    const grant = this.peek(token, purpose);
    // Fault reusable-email-link: a used link keeps working until it expires.
    if (grant && !faultOn(this.faults, 'reusable-email-link')) this.byHash.delete(hashOf(token));
    return grant;
  }

  private sweep(): void {
    const now = this.now().getTime();
    for (const [hash, entry] of this.byHash) if (entry.expiresAt <= now) this.byHash.delete(hash);
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function grantOf({ purpose, username, address }: Entry): EmailLinkGrant {
  return { purpose, username, address };
}
