import type { Request } from 'express';
import { Router } from 'express';
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type VerifiedAuthenticationResponse,
} from '@simplewebauthn/server';
import { ApiError } from '../apiError';
import { CHALLENGE_TTL_MS, type AuthenticationChallenge } from '../challenges';
import type { FixtureContext } from '../context';
import { expectedOrigin, expectedRpIds } from '../ceremonyChecks';
import { authenticationResponse, signedChallenge } from '../credentialResponse';
import { faultOn } from '../faults';
import { checkUserVerified } from '../userVerification';
import { optionalUsername } from '../requestBody';
import { checkSignatureCounter } from '../signatureCounter';
import { startSignedInSession } from '../session';
import type { Account, CredentialRecord } from '../store';

type AuthenticationInfo = VerifiedAuthenticationResponse['authenticationInfo'];
type Found = { account: Account; credential: CredentialRecord };

export function authenticationRoutes(context: FixtureContext): Router {
  const router = Router();

  router.post('/api/authentication/options', async (req, res) => {
    // Username-first sends a username; discoverable sign-in sends none (or an empty one).
    const username = optionalUsername(req);
    // An unknown username gets the same kind of answer as no username, so accounts cannot be probed.
    const account = username === undefined ? undefined : context.store.findAccount(username);
    const options = await generateAuthenticationOptions({
      rpID: context.rp.id,
      allowCredentials: (account?.credentials ?? []).map(({ id, transports }) => ({ id, transports })),
      userVerification: context.policy.userVerification,
      timeout: CHALLENGE_TTL_MS,
    });
    context.challenges.issue(req.sessionID, options.challenge, {
      ceremony: 'authentication',
      ...(account ? { username: account.username } : {}),
    });
    res.json(options);
  });

  router.post('/api/authentication/verify', async (req, res) => {
    // Fault crash-on-malformed: the body goes to verification unchecked, so a malformed one is a 500.
    const response = faultOn(context.faults, 'crash-on-malformed') ? (req.body as AuthenticationResponseJSON) : authenticationResponse(req.body);
    const challenge = signedChallenge(response.response.clientDataJSON);
    const pending = takeAuthenticationChallenge(context, req, challenge);
    const { found, owner, info } = await judged(context, response, pending).catch((error: unknown) => {
      // Fault challenge-survives-failure: a refused answer leaves its challenge open, so the genuine
      // answer for it, caught on its way, still signs in afterwards from the same session.
      if (faultOn(context.faults, 'challenge-survives-failure')) context.challenges.issue(req.sessionID, challenge, pending);
      throw error;
    });
    const now = context.config.now();
    context.store.recordUse(found.credential, {
      counter: info.newCounter,
      deviceType: info.credentialDeviceType,
      // Fault stale-sync-state: the backup state stays as it was at creation; a passkey backed up since still shows as not.
      backedUp: faultOn(context.faults, 'stale-sync-state') ? found.credential.backedUp : info.credentialBackedUp,
      at: lastUsedAt(context, found.credential, now),
    });
    // Fault created-at-overwritten: each sign-in is stamped over the passkey's creation time.
    if (faultOn(context.faults, 'created-at-overwritten')) context.store.overwriteCreatedAt(found.credential, now);
    await startSignedInSession(req, owner.username, context.challenges, context.faults);
    res.json({ verified: true, redirect: '/account' });
  });

  return router;
}

/** Every check of a sign-in answer whose challenge this session issued; throws ApiError at the first it fails. */
async function judged(context: FixtureContext, response: AuthenticationResponseJSON, pending: AuthenticationChallenge) {
  const found = knownCredential(context, response);
  const owner = checkOwner(context, pending, found, response);
  const info = await verified(context, response, signedChallenge(response.response.clientDataJSON), found.credential);
  checkUserVerified(context, info.userVerified);
  checkSignatureCounter(found.credential, info.newCounter, context.faults);
  return { found, owner, info };
}

/** When the passkey was last used, as this sign-in records it. */
function lastUsedAt(context: FixtureContext, credential: CredentialRecord, now: Date): Date | null {
  // Fault last-used-not-updated: the sign-in is not recorded as a use, so the page keeps showing the one before (or "never").
  if (faultOn(context.faults, 'last-used-not-updated')) return credential.lastUsedAt;
  return now;
}

function takeAuthenticationChallenge(context: FixtureContext, req: Request, challenge: string): AuthenticationChallenge {
  const pending = context.challenges.take(req.sessionID, challenge);
  if (pending?.ceremony !== 'authentication') {
    throw new ApiError(400, 'This sign-in request has expired or was already used. Please try again.', 'challenge-expired');
  }
  return pending;
}

function knownCredential(context: FixtureContext, response: AuthenticationResponseJSON): Found {
  const found = response.id === response.rawId ? context.store.findCredential(response.id) : undefined;
  if (!found) {
    throw new ApiError(
      400,
      'This passkey is not registered on this site (it may have been removed). Sign in with another passkey.',
      'unknown-credential',
      unknownCredentialSignal(context, response.id),
    );
  }
  return found;
}

/**
 * What the page passes to PublicKeyCredential.signalUnknownCredential, so the provider can hide
 * or remove a passkey this site no longer knows.
 */
function unknownCredentialSignal(context: FixtureContext, credentialId: string): Record<string, unknown> {
  // Fault no-signal-unknown-credential: the page is not told to signal, so the dead passkey stays offered.
  if (faultOn(context.faults, 'no-signal-unknown-credential')) return {};
  return { signal: { kind: 'unknown-credential', rpId: context.rp.id, credentialId } };
}

/**
 * The passkey must belong to the account asked for, and its user handle must match that account.
 * Returns the account that signs in: the passkey's own.
 */
function checkOwner(context: FixtureContext, pending: AuthenticationChallenge, found: Found, response: AuthenticationResponseJSON): Account {
  // Fault skip-owner-check: any registered passkey answers for the account asked for, and that account is signed in.
  if (faultOn(context.faults, 'skip-owner-check')) return (pending.username !== undefined ? context.store.findAccount(pending.username) : undefined) ?? found.account;
  if (pending.username !== undefined && context.store.findAccount(pending.username) !== found.account) {
    throw new ApiError(400, 'This passkey belongs to a different account than the username you entered.', 'credential-not-for-user');
  }
  const userHandle = response.response.userHandle;
  if (userHandle !== undefined && userHandle !== found.account.userId) {
    throw new ApiError(400, 'This passkey does not belong to the account it claims.', 'user-handle-mismatch');
  }
  return found.account;
}

async function verified(
  context: FixtureContext,
  response: AuthenticationResponseJSON,
  challenge: string,
  credential: CredentialRecord,
): Promise<AuthenticationInfo> {
  let result: VerifiedAuthenticationResponse;
  try {
    result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: expectedOrigin(context, response.response.clientDataJSON),
      expectedRPID: expectedRpIds(context),
      // Counter 0 turns SimpleWebAuthn's own counter check off: the rule is signatureCounter.ts's.
      credential: { id: credential.id, publicKey: credential.publicKey, counter: 0, transports: credential.transports },
      // User verification is judged after verification (checkUserVerified), for a clear error code.
      requireUserVerification: false,
    });
  } catch (error) {
    throw new ApiError(400, `The passkey could not be verified: ${(error as Error).message}`, 'verification-failed');
  }
  if (!result.verified) throw new ApiError(400, 'The passkey could not be verified.', 'verification-failed');
  return result.authenticationInfo;
}
