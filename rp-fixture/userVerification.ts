import { ApiError } from './apiError';
import { faultOn, type ActiveFaults } from './faults';
import type { Policy } from './policy';

/** Whether a response without the UV flag is refused. */
export function requireUserVerification(policy: Policy, faults: ActiveFaults): boolean {
  // Fault ignore-user-verification: the policy says 'required', but a response without UV passes.
  if (faultOn(faults, 'ignore-user-verification')) return false;
  return policy.userVerification === 'required';
}

/** Refuses a verified response that lacks the UV flag when the policy requires user verification. */
export function checkUserVerified(context: { policy: Policy; faults: ActiveFaults }, userVerified: boolean): void {
  if (requireUserVerification(context.policy, context.faults) && !userVerified) {
    throw new ApiError(
      400,
      'This site requires your passkey provider to check it is you (PIN, fingerprint, face or screen lock), and it did not. Try again and complete the check, or use another passkey.',
      'user-verification-required',
    );
  }
}
