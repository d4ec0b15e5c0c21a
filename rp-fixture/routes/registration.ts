import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { Router } from 'express';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type RegistrationResponseJSON,
  type VerifiedRegistrationResponse,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { ApiError } from '../apiError';
import { CHALLENGE_TTL_MS, type RegistrationChallenge } from '../challenges';
import type { FixtureContext } from '../context';
import { expectedOrigin, expectedRpIds } from '../ceremonyChecks';
import { registrationResponse, signedChallenge } from '../credentialResponse';
import { detectEnvironment, environmentLabel, type DetectedEnvironment } from '../environment';
import { faultOn, type ActiveFaults } from '../faults';
import { checkUserVerified } from '../userVerification';
import { optionalUsername } from '../requestBody';
import { currentAccount, startSignedInSession } from '../session';
import type { Account, CredentialRecord } from '../store';

type RegistrationInfo = NonNullable<VerifiedRegistrationResponse['registrationInfo']>;

/** Who the new passkey is for: the signed-in account, or a new account named in the request. */
type Registrant = { username: string; userId: string; existing?: Account };

export function registrationRoutes(context: FixtureContext): Router {
  const router = Router();

  router.post('/api/registration/options', async (req, res) => {
    const registrant = registrantFor(req, context);
    const options = await generateRegistrationOptions({
      rpName: context.rp.name,
      rpID: context.rp.id,
      userName: registrant.username,
      userDisplayName: registrant.existing?.displayName ?? registrant.username,
      userID: isoBase64URL.toBuffer(registrant.userId),
      attestationType: 'none',
      excludeCredentials: excludedCredentials(context, registrant.existing),
      authenticatorSelection: { residentKey: 'required', userVerification: context.policy.userVerification },
      timeout: CHALLENGE_TTL_MS,
    });
    context.challenges.issue(req.sessionID, options.challenge, {
      ceremony: 'registration',
      username: registrant.username,
      userId: registrant.userId,
      signedIn: registrant.existing !== undefined,
    });
    res.json(options);
  });

  router.post('/api/registration/verify', async (req, res) => {
    // Fault crash-on-malformed: the body goes to verification unchecked, so a malformed one is a 500.
    const response = faultOn(context.faults, 'crash-on-malformed') ? (req.body as RegistrationResponseJSON) : registrationResponse(req.body);
    const challenge = signedChallenge(response.response.clientDataJSON);
    const pending = takeRegistrationChallenge(context, req, challenge);
    const info = await verified(context, response, challenge);
    checkUserVerified(context, info.userVerified);
    if (context.store.findCredential(info.credential.id)) {
      throw new ApiError(400, 'This passkey is already registered here.', 'credential-exists');
    }
    const credential = credentialRecord(info, response, createdEnvironment(req, context.faults), context.config.now());
    const account = saveCredential(context, req, pending, credential);
    await startSignedInSession(req, account.username, context.challenges, context.faults);
    res.json({ verified: true, redirect: `/account?created=${encodeURIComponent(credential.id)}` });
  });

  return router;
}

/**
 * The account's passkeys, which the authenticator must not duplicate: a provider that already holds
 * one of them for this account refuses with InvalidStateError instead of making a second.
 */
function excludedCredentials(context: FixtureContext, account: Account | undefined) {
  // Fault no-exclude-credentials: nothing is excluded, so one provider can end up with two passkeys for the account.
  if (faultOn(context.faults, 'no-exclude-credentials')) return [];
  return (account?.credentials ?? []).map(({ id, transports }) => ({ id, transports }));
}

/** Signed in: the passkey goes to that account. Otherwise the username must be free. */
function registrantFor(req: Request, context: FixtureContext): Registrant {
  // Checked even when signed in (then it is not used): a malformed request is refused either way.
  const username = optionalUsername(req);
  const signedIn = currentAccount(req, context.store);
  if (signedIn) return { username: signedIn.username, userId: signedIn.userId, existing: signedIn };
  if (username === undefined) throw new ApiError(400, 'Enter a username.', 'bad-username');
  if (context.store.findAccount(username)) throw accountExists(username);
  // A fresh random user handle: it must not reveal the username to the authenticator's storage.
  return { username, userId: isoBase64URL.fromBuffer(randomBytes(32)) };
}

function accountExists(username: string): ApiError {
  return new ApiError(
    409,
    `An account named "${username}" already exists. Sign in to it to add a passkey, or choose another username.`,
    'account-exists',
  );
}

function takeRegistrationChallenge(context: FixtureContext, req: Request, challenge: string): RegistrationChallenge {
  const pending = context.challenges.take(req.sessionID, challenge);
  if (pending?.ceremony !== 'registration') {
    throw new ApiError(400, 'This passkey request has expired or was already used. Please try again.', 'challenge-expired');
  }
  return pending;
}

async function verified(context: FixtureContext, response: RegistrationResponseJSON, challenge: string): Promise<RegistrationInfo> {
  let result: VerifiedRegistrationResponse;
  try {
    result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: expectedOrigin(context, response.response.clientDataJSON),
      expectedRPID: expectedRpIds(context),
      // User verification is judged after verification (checkUserVerified), for a clear error code.
      requireUserVerification: false,
    });
  } catch (error) {
    throw new ApiError(400, `The new passkey could not be verified: ${(error as Error).message}`, 'verification-failed');
  }
  if (!result.verified) throw new ApiError(400, 'The new passkey could not be verified.', 'verification-failed');
  return result.registrationInfo;
}

/** Where the passkey was created, as detected from this very request. */
function createdEnvironment(req: Request, faults: ActiveFaults): DetectedEnvironment {
  // Fault misdetect-environment: every new passkey is recorded as made in Chrome on Windows.
  if (faultOn(faults, 'misdetect-environment')) {
    return { os: 'windows', browser: 'chrome', label: environmentLabel('windows', 'chrome') };
  }
  return detectEnvironment(req.headers, faults);
}

function credentialRecord(info: RegistrationInfo, response: RegistrationResponseJSON, environment: DetectedEnvironment, createdAt: Date): CredentialRecord {
  return {
    id: info.credential.id,
    publicKey: info.credential.publicKey,
    counter: info.credential.counter,
    transports: response.response.transports ?? [],
    aaguid: info.aaguid.toLowerCase(),
    deviceType: info.credentialDeviceType,
    backedUp: info.credentialBackedUp,
    createdEnvironment: environment,
    createdAt,
    lastUsedAt: null,
    nickname: '',
  };
}

/** Adds to the account the options were made for, re-checking what may have changed since. */
function saveCredential(context: FixtureContext, req: Request, pending: RegistrationChallenge, credential: CredentialRecord): Account {
  if (pending.signedIn) {
    const account = currentAccount(req, context.store);
    if (!account || account !== context.store.findAccount(pending.username)) {
      throw new ApiError(409, 'You were signed out, or signed in to another account, while creating the passkey. Sign in and try again.', 'session-changed');
    }
    context.store.addCredential(account, credential);
    return account;
  }
  if (!context.store.createAccount(pending.username, pending.userId, credential)) throw accountExists(pending.username);
  const created = context.store.findAccount(pending.username);
  if (!created) throw new Error('The account just created is missing.');
  return created;
}
