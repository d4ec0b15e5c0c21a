import type { FixtureContext } from './context';
import type { Account } from './store';

/**
 * True when the account's one passkey is its only way in (no other passkey, no password, no email
 * link...): deleting it locks the account for good, so the page asks for confirmation first.
 */
export function isLastWayIn(context: Pick<FixtureContext, 'waysIn'>, account: Account): boolean {
  return account.credentials.length === 1 && context.waysIn.list(account).length === 0;
}
