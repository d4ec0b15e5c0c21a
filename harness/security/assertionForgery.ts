/**
 * Sign-in answers the browser would never send, signed with a passkey's own private key (CDP's
 * getCredentials hands it out): what an attacker who got hold of a key, a phishing page relaying a
 * ceremony, or a tampered client could send. The signature is WebAuthn's: over authenticatorData ||
 * SHA-256(clientDataJSON) (§6.3.3), so the RP's signature check passes and only its other checks
 * stand between the forgery and the account.
 */
import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import type { CdpCredential } from '../browser/cdpCredential';
import { clientDataOf, flagsOf, FLAG_USER_VERIFIED, withFlags, withRpIdHash, withSignCount, type Assertion } from './assertion';

export interface Forgery {
  /** clientDataJSON says the ceremony ran on this origin (a phishing page's). */
  origin?: string;
  /** The authenticator data carries this RP ID's hash instead of the RP's own. */
  rpId?: string;
  /** The UV flag is cleared: the provider did not check it was the user. */
  withoutUserVerification?: boolean;
  /** Another passkey answers (another account's): its id, user handle, next counter and key. */
  signer?: CdpCredential;
  /** The authenticator data carries this signature counter (0: a provider that counts nothing). */
  signCount?: number;
}

function sha256(data: Uint8Array | string): Buffer {
  return createHash('sha256').update(data).digest();
}

/** The genuine answer with the forgery's changes, signed with the passkey's key (or the signer's). */
export function forgeAssertion(genuine: Assertion, key: CdpCredential, forgery: Forgery = {}): Assertion {
  const signer = forgery.signer ?? key;
  let clientDataJSON = genuine.clientDataJSON;
  if (forgery.origin !== undefined) clientDataJSON = Buffer.from(JSON.stringify({ ...clientDataOf(genuine), origin: forgery.origin }));
  let authenticatorData = genuine.authenticatorData;
  if (forgery.rpId !== undefined) authenticatorData = withRpIdHash(authenticatorData, sha256(forgery.rpId));
  if (forgery.withoutUserVerification) authenticatorData = withFlags(authenticatorData, flagsOf(authenticatorData) & ~FLAG_USER_VERIFIED);
  // Another passkey counts its own uses: its next one, so a counter check does not refuse it for that.
  if (forgery.signer) authenticatorData = withSignCount(authenticatorData, forgery.signer.signCount + 1);
  if (forgery.signCount !== undefined) authenticatorData = withSignCount(authenticatorData, forgery.signCount);
  return {
    credentialId: forgery.signer ? Buffer.from(forgery.signer.credentialId, 'base64') : genuine.credentialId,
    clientDataJSON,
    authenticatorData,
    signature: signWith(signer, Buffer.concat([authenticatorData, sha256(clientDataJSON)])),
    userHandle: forgery.signer ? (forgery.signer.userHandle ? Buffer.from(forgery.signer.userHandle, 'base64') : null) : genuine.userHandle,
  };
}

/** The genuine answer signed again by the same key: a fresh, valid signature over the same bytes. */
export function resignedAssertion(genuine: Assertion, key: CdpCredential): Assertion {
  return forgeAssertion(genuine, key);
}

/** The genuine answer with a signature that is well formed but made over other bytes, as a tampered answer has. */
export function badlySignedAssertion(genuine: Assertion, key: CdpCredential): Assertion {
  const other = Buffer.concat([genuine.authenticatorData, sha256(Buffer.concat([genuine.clientDataJSON, Buffer.from(' ')]))]);
  return { ...genuine, signature: signWith(key, other) };
}

/** WebAuthn's signature for the key's algorithm: ES256/384/512 (DER, as WebAuthn sends it), RS256 or EdDSA. */
function signWith(credential: CdpCredential, data: Buffer): Buffer {
  const key = privateKey(credential);
  switch (key.asymmetricKeyType) {
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      const hash = curve === 'secp384r1' ? 'sha384' : curve === 'secp521r1' ? 'sha512' : 'sha256';
      return sign(hash, data, { key, dsaEncoding: 'der' });
    }
    case 'rsa':
      return sign('sha256', data, key);
    case 'ed25519':
      return sign(null, data, key);
    default:
      throw new Error(`The passkey's key is of type ${key.asymmetricKeyType ?? 'unknown'}, which the harness cannot sign with`);
  }
}

function privateKey(credential: CdpCredential): KeyObject {
  return createPrivateKey({ key: Buffer.from(credential.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
}
