import { z } from 'zod';

/** How much the RP asks of the authenticator's user verification (PIN, biometrics). */
export const USER_VERIFICATION_VALUES = ['required', 'preferred', 'discouraged'] as const;
export const UserVerificationPolicy = z.enum(USER_VERIFICATION_VALUES);
export type UserVerificationPolicy = z.infer<typeof UserVerificationPolicy>;

/** The fixture RP's security settings (what a response must carry: userVerification.ts). */
export type Policy = {
  /** Sent in both ceremonies' options; 'required' also refuses responses without the UV flag. */
  userVerification: UserVerificationPolicy;
};

/** The policy of an RP started without one (`npm run rp` and the matrix, unless told otherwise). */
export const DEFAULT_POLICY: Policy = { userVerification: 'preferred' };

export class PolicyError extends Error {}

/** Fills in defaults and checks a policy given in code (plain JavaScript callers can pass anything). */
export function policyFrom(input: Partial<Policy> = {}): Policy {
  const userVerification = input.userVerification ?? DEFAULT_POLICY.userVerification;
  const parsed = UserVerificationPolicy.safeParse(userVerification);
  // Stryker disable all: not judged: the fixture's own settings, refused at start-up before any page is served (policy.test.ts and the CLI's tests judge it); no matrix cell can start an RP with a bad one
  if (!parsed.success) {
    throw new PolicyError(`Invalid user verification "${String(userVerification)}": use ${USER_VERIFICATION_VALUES.join(', ')}.`);
  }
  // Stryker restore all
  // Stryker disable next-line ObjectLiteral: not judged: which user verification an RP asks for is its own policy, which the matrix reads from the options it sends; an RP that asks for none (as this mutant makes it) is judged as one that does not require it, and the checks of one that asks are judged with the policy kept
  return { userVerification: parsed.data };
}
