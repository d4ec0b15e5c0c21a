import type { CredentialDeviceType } from '@simplewebauthn/server';
import { ApiError } from './apiError';
import { faultOn, type ActiveFaults } from './faults';

/**
 * A device-bound passkey's signature counter must go up at every use: when the stored and the new
 * counter are both non-zero and the new one is not higher, the key may have been copied. Synced
 * passkeys are copied on purpose (each device counts on its own, most send 0), so they are not
 * judged by their counter; neither is a provider that sends 0.
 */
export function counterRegressed(stored: number, received: number, deviceType: CredentialDeviceType): boolean {
  // A non-zero new counter that is not higher implies a non-zero stored one: no `stored > 0` to test.
  return deviceType === 'singleDevice' && received > 0 && received <= stored;
}

/** Throws `counter-regressed` when the rule above is broken. */
export function checkSignatureCounter(
  credential: { counter: number; deviceType: CredentialDeviceType },
  received: number,
  faults: ActiveFaults,
): void {
  // Fault ignore-counter: a counter that went backwards is accepted, so a cloned key goes unnoticed.
  if (faultOn(faults, 'ignore-counter')) return;
  // Fault counter-equal-accepted: only a lower counter is refused, so a copy used once after the original slips through.
  if (faultOn(faults, 'counter-equal-accepted') && received === credential.counter) return;
  if (counterRegressed(credential.counter, received, credential.deviceType)) {
    throw new ApiError(
      400,
      // Stryker disable next-line StringLiteral: not judged: which words explain the refusal is the RP's to choose; the check requires the refusal shown in words, and an empty message still shows the page's own ("The server answered 400.")
      `This passkey's signature counter went backwards (${received} after ${credential.counter}), which can mean it was copied. Sign in with another passkey, and remove this one from your account if you did not expect this.`,
      // Stryker disable next-line StringLiteral: the code is for scripts (data, never shown); the page falls back to the HTTP status for it
      'counter-regressed',
    );
  }
}
