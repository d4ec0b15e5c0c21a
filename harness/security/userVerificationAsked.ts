/**
 * What an RP's sign-in options ask of user verification (PIN, fingerprint, face): `required` means a
 * sign-in answer without the UV flag must be refused; `preferred` and `discouraged` let it through,
 * as WebAuthn says they may.
 */
import type { JsonObject } from './answerInBody';

export type UserVerificationAsked = 'required' | 'preferred' | 'discouraged';

/** WebAuthn's default when the options leave it out is `preferred` (§5.5). */
export function userVerificationAsked(options: JsonObject): UserVerificationAsked {
  const asked = options['userVerification'];
  return asked === 'required' || asked === 'discouraged' ? asked : 'preferred';
}

/**
 * What each cell's sign-in options asked, as a security scenario saw them in this run. The scenario
 * about user verification reads it to say at once that it does not apply where the RP does not
 * require it, instead of signing in again to find out; where nothing was seen, it looks itself.
 */
const seenByCell = new Map<string, UserVerificationAsked>();

export function rememberUserVerification(cellId: string, options: JsonObject | null): void {
  if (options) seenByCell.set(cellId, userVerificationAsked(options));
}

export function userVerificationSeen(cellId: string): UserVerificationAsked | undefined {
  return seenByCell.get(cellId);
}
