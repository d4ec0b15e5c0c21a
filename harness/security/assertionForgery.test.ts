import { createHash, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { CdpCredential } from '../browser/cdpCredential';
import { findAnswer } from './answerInBody';
import { clientDataOf, flagsOf, FLAG_USER_PRESENT, FLAG_USER_VERIFIED, readAssertion, signCountOf, withAssertion, type Assertion } from './assertion';
import { badlySignedAssertion, forgeAssertion, resignedAssertion } from './assertionForgery';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

function passkey(userHandle: string, signCount = 4): { credential: CdpCredential; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    publicKey,
    credential: {
      credentialId: Buffer.from(`id-of-${userHandle}`).toString('base64'),
      isResidentCredential: true,
      rpId: 'localhost',
      privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      userHandle: Buffer.from(userHandle).toString('base64'),
      signCount,
    },
  };
}

function genuine(credential: CdpCredential): Assertion {
  const authenticatorData = Buffer.concat([sha256('localhost'), Buffer.from([FLAG_USER_PRESENT | FLAG_USER_VERIFIED]), Buffer.from([0, 0, 0, 7])]);
  const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: 'Y2hhbGxlbmdl', origin: 'http://localhost:3000', crossOrigin: false }));
  return { credentialId: Buffer.from(credential.credentialId, 'base64'), clientDataJSON, authenticatorData, signature: Buffer.alloc(0), userHandle: Buffer.from(credential.userHandle!, 'base64') };
}

/** WebAuthn's signature check (§7.2 step 20): over authenticatorData || SHA-256(clientDataJSON). */
function verifies(assertion: Assertion, publicKey: KeyObject): boolean {
  return verify('sha256', Buffer.concat([assertion.authenticatorData, sha256(assertion.clientDataJSON)]), { key: publicKey, dsaEncoding: 'der' }, assertion.signature);
}

test('a re-signed answer verifies with the passkey\'s public key and keeps every byte it signs', () => {
  const { credential, publicKey } = passkey('alice');
  const original = genuine(credential);
  const resigned = resignedAssertion(original, credential);
  expect(verifies(resigned, publicKey)).toBe(true);
  expect(resigned.clientDataJSON.equals(original.clientDataJSON)).toBe(true);
  expect(resigned.authenticatorData.equals(original.authenticatorData)).toBe(true);
});

test('forgeries change only what they say, and still verify; a bad signature does not', () => {
  const { credential, publicKey } = passkey('alice');
  const original = genuine(credential);
  const phished = forgeAssertion(original, credential, { origin: 'https://evil.example' });
  expect(clientDataOf(phished)).toMatchObject({ type: 'webauthn.get', challenge: 'Y2hhbGxlbmdl', origin: 'https://evil.example' });
  expect(verifies(phished, publicKey)).toBe(true);
  const otherRp = forgeAssertion(original, credential, { rpId: 'evil.example' });
  expect(otherRp.authenticatorData.subarray(0, 32).equals(sha256('evil.example'))).toBe(true);
  expect(verifies(otherRp, publicKey)).toBe(true);
  const noUv = forgeAssertion(original, credential, { withoutUserVerification: true });
  expect(flagsOf(noUv.authenticatorData)).toBe(FLAG_USER_PRESENT);
  expect(verifies(noUv, publicKey)).toBe(true);
  expect(verifies(badlySignedAssertion(original, credential), publicKey)).toBe(false);
});

test("another account's passkey answers with its own id, user handle, next counter and key", () => {
  const alice = passkey('alice');
  const mallory = passkey('mallory', 9);
  const forged = forgeAssertion(genuine(alice.credential), alice.credential, { signer: mallory.credential });
  expect(forged.credentialId.toString()).toBe('id-of-mallory');
  expect(forged.userHandle?.toString()).toBe('mallory');
  expect(signCountOf(forged.authenticatorData)).toBe(10);
  expect(verifies(forged, mallory.publicKey)).toBe(true);
  expect(verifies(forged, alice.publicKey)).toBe(false);
});

test('an answer goes back where the page put it, in its encoding, every other field kept', () => {
  const { credential } = passkey('alice');
  const body = {
    remember: true,
    credential: {
      id: 'aWQtb2YtYWxpY2U',
      rawId: 'aWQtb2YtYWxpY2U=',
      type: 'public-key',
      response: { clientDataJSON: 'e30=', authenticatorData: 'AAAA', signature: 'AA+/', userHandle: 'YWxpY2U=' },
    },
  };
  const where = findAnswer(body);
  expect(where).toEqual({ path: ['credential'], ceremony: 'get', encoding: 'base64' });
  expect(readAssertion(body, where!).userHandle?.toString()).toBe('alice');
  const forged = forgeAssertion(genuine(credential), credential, { origin: 'https://evil.example' });
  const sent = withAssertion(body, where!, forged) as typeof body;
  expect(sent.remember).toBe(true);
  expect(sent.credential.type).toBe('public-key');
  expect(sent.credential.rawId).toBe(forged.credentialId.toString('base64'));
  expect(Buffer.from(sent.credential.response.clientDataJSON, 'base64').equals(forged.clientDataJSON)).toBe(true);
  expect(body.credential.response.clientDataJSON).toBe('e30='); // the page's body itself is untouched
});

test('a registration answer is told from a sign-in answer by its attestation object; other bodies carry none', () => {
  expect(findAnswer({ id: 'x', response: { clientDataJSON: 'e30', attestationObject: 'o2', authenticatorData: 'AA' } })?.ceremony).toBe('create');
  expect(findAnswer([{ data: { id: 'x', response: { clientDataJSON: 'e30', authenticatorData: 'AA' } } }])).toMatchObject({ path: [0, 'data'], ceremony: 'get' });
  expect(findAnswer({ username: 'alice' })).toBeNull();
  expect(findAnswer('clientDataJSON')).toBeNull();
});
