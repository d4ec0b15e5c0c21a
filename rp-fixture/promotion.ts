import type { FixtureContext } from './context';
import type { DetectedEnvironment } from './environment';
import { faultOn } from './faults';
import { usableHere } from './providerReach';
import type { Account } from './store';

const DAY_MS = 24 * 60 * 60 * 1000;

type PromotionContext = Pick<FixtureContext, 'config' | 'faults' | 'waysInStore'>;

/**
 * Whether to offer a passkey now, after a sign-in without one: never when the account already has a
 * passkey usable from this environment (by `providerReach.ts`: a device-bound passkey made elsewhere
 * does not count), and at most once per `promotionIntervalDays`, counted from the last offer or the
 * last "Not now", whichever is later.
 */
export function promotionDue(context: PromotionContext, account: Account, here: DetectedEnvironment): boolean {
  // Fault promote-despite-passkey: a passkey that works here does not stop the offer.
  const hasUsable = !faultOn(context.faults, 'promote-despite-passkey') && account.credentials.some((passkey) => usableHere(passkey, here));
  if (hasUsable) return false;
  // Fault nag-every-login: the offer comes at every sign-in, whatever was shown or declined.
  if (faultOn(context.faults, 'nag-every-login')) return true;
  const { offeredAt, dismissedAt } = context.waysInStore.of(account).promotion;
  const last = Math.max(offeredAt?.getTime() ?? -Infinity, dismissedAt?.getTime() ?? -Infinity);
  return context.config.now().getTime() - last >= context.config.promotionIntervalDays * DAY_MS;
}

/** Where a sign-in without a passkey lands: the passkey offer when it is due, else the account. */
export function afterSignInPath(context: PromotionContext, account: Account, here: DetectedEnvironment): string {
  return promotionDue(context, account, here) ? '/promote-passkey' : '/account';
}

// Stryker disable next-line BlockStatement: not judged: after an offer the user skipped without answering, the seed lets it come again or not (the oracle allows either), so whether the RP counts an offer shown is its own choice
export function recordOffer(context: PromotionContext, account: Account): void {
  context.waysInStore.of(account).promotion.offeredAt = context.config.now();
}

export function recordNotNow(context: PromotionContext, account: Account): void {
  context.waysInStore.of(account).promotion.dismissedAt = context.config.now();
}
