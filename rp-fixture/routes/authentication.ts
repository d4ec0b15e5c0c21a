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
import { authenticationResponse, signedChallenge } from '../credentialResponse';
import { establishedSessionId, startSignedInSession } from '../session';
import type { Account, CredentialRecord } from '../store';
import { Username } from '../username';

type AuthenticationInfo = VerifiedAuthenticationResponse['authenticationInfo'];
type Found = { account: Account; credential: CredentialRecord };

export function authenticationRoutes(context: FixtureContext): Router {
  const router = Router();

  router.post('/api/authentication/options', async (req, res) => {
    const username = optionalUsername(req);
    // An unknown username gets the same kind of answer as no username, so accounts cannot be probed.
    const account = username === undefined ? undefined : context.store.findAccount(username);
    const options = await generateAuthenticationOptions({
      rpID: context.rp.id,
      allowCredentials: (account?.credentials ?? []).map(({ id, transports }) => ({ id, transports })),
      userVerification: 'preferred',
      timeout: CHALLENGE_TTL_MS,
    });
    context.challenges.issue(establishedSessionId(req), options.challenge, {
      ceremony: 'authentication',
      ...(account ? { username: account.username } : {}),
    });
    res.json(options);
  });

  router.post('/api/authentication/verify', async (req, res) => {
    const response = authenticationResponse(req.body);
    const challenge = signedChallenge(response.response.clientDataJSON);
    const pending = takeAuthenticationChallenge(context, req, challenge);
    const found = knownCredential(context, response);
    checkOwner(context, pending, found, response);
    const info = await verified(context, response, challenge, found.credential);
    context.store.recordUse(found.credential, {
      counter: info.newCounter,
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      at: new Date(),
    });
    await startSignedInSession(req, found.account.username, context.challenges);
    res.json({ verified: true, redirect: '/account' });
  });

  return router;
}

/** Username-first sends a username; discoverable sign-in sends none (or an empty one). */
function optionalUsername(req: Request): string | undefined {
  const raw = (req.body as { username?: unknown } | undefined)?.username;
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  const parsed = Username.safeParse(raw);
  if (!parsed.success) throw new ApiError(400, parsed.error.issues[0]?.message ?? 'Enter a valid username.', 'bad-username');
  return parsed.data;
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
    );
  }
  return found;
}

/** The passkey must belong to the account asked for, and its user handle must match that account. */
function checkOwner(context: FixtureContext, pending: AuthenticationChallenge, found: Found, response: AuthenticationResponseJSON): void {
  if (pending.username !== undefined && context.store.findAccount(pending.username) !== found.account) {
    throw new ApiError(400, 'This passkey belongs to a different account than the username you entered.', 'credential-not-for-user');
  }
  const userHandle = response.response.userHandle;
  if (userHandle !== undefined && userHandle !== found.account.userId) {
    throw new ApiError(400, 'This passkey does not belong to the account it claims.', 'user-handle-mismatch');
  }
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
      expectedOrigin: context.rp.origin,
      expectedRPID: context.rp.id,
      credential: { id: credential.id, publicKey: credential.publicKey, counter: credential.counter, transports: credential.transports },
      requireUserVerification: false,
    });
  } catch (error) {
    throw new ApiError(400, `The passkey could not be verified: ${(error as Error).message}`, 'verification-failed');
  }
  if (!result.verified) throw new ApiError(400, 'The passkey could not be verified.', 'verification-failed');
  return result.authenticationInfo;
}
