import { createHash, randomBytes, type BinaryToTextEncoding } from 'node:crypto';
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
 * nothing that signs anyone in; the key carries the purpose, so a link sent for one purpose opens
 * nothing at another's address. Expired entries are not swept: the fixture RP lives for one run and
 * holds a few links per test, and an expired link is refused wherever it is looked up.
 */
export class EmailLinks {
  private readonly byKey = new Map<string, Entry>();

  constructor(
    private readonly now: () => Date,
    private readonly faults: ActiveFaults,
  ) {}

  /** A new token (256 bits, base64url) for the link. */
  issue(grant: EmailLinkGrant): string {
    const token = randomBytes(32).toString('base64url');
    this.byKey.set(keyOf(token, grant.purpose), { ...grant, expiresAt: this.now().getTime() + EMAIL_LINK_TTL_MS });
    return token;
  }

  /** What the link grants if it is still valid, without using it up (for the page a link opens). */
  peek(token: string, purpose: EmailLinkPurpose): EmailLinkGrant | undefined {
    const entry = this.byKey.get(keyOf(token, purpose));
    return entry && this.now().getTime() < entry.expiresAt ? grantOf(entry) : undefined;
  }

  /** Uses the link up: it works once, within its 15 minutes. */
  consume(token: string, purpose: EmailLinkPurpose): EmailLinkGrant | undefined {
    const grant = this.peek(token, purpose);
    // Fault reusable-email-link: a used link keeps working until it expires. (Deleting the key of a
    // link that grants nothing, expired or never sent, changes nothing.)
    if (!faultOn(this.faults, 'reusable-email-link')) this.byKey.delete(keyOf(token, purpose));
    return grant;
  }
}

/** How a token's hash is written in its key. */
// Stryker disable next-line StringLiteral: equivalent: with no encoding the digest comes back as bytes, whose text still differs per token, so the same links open and no other
const DIGEST_ENCODING: BinaryToTextEncoding = 'base64url';

function keyOf(token: string, purpose: EmailLinkPurpose): string {
  return `${purpose}:${createHash('sha256').update(token).digest(DIGEST_ENCODING)}`;
}

function grantOf({ purpose, username, address }: Entry): EmailLinkGrant {
  return { purpose, username, address };
}
