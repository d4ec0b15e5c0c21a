/**
 * A WebAuthn sign-in answer (assertion) as bytes: read from the JSON body the RP's page sent, and
 * written back into a copy of it in the same encoding, so a changed one reaches the RP exactly where
 * and how the page would have sent it.
 */
import { decodeBinary, encodeBinary, isJsonObject, valueAt, withValueAt, type AnswerInBody, type JsonObject } from './answerInBody';

export interface Assertion {
  credentialId: Buffer;
  clientDataJSON: Buffer;
  /** rpIdHash (32 bytes) || flags (1) || signCount (4, big-endian) || extensions. */
  authenticatorData: Buffer;
  signature: Buffer;
  userHandle: Buffer | null;
}

/** The client data fields every RP checks (WebAuthn §5.8.1). */
export interface ClientData {
  type: string;
  challenge: string;
  origin: string;
  crossOrigin?: boolean;
  [other: string]: unknown;
}

/** Authenticator data flags (WebAuthn §6.1). */
export const FLAG_USER_PRESENT = 0x01;
export const FLAG_USER_VERIFIED = 0x04;

const FLAGS_OFFSET = 32;
const COUNTER_OFFSET = 33;

function credentialAt(body: unknown, where: AnswerInBody): JsonObject {
  const credential = valueAt(body, where.path);
  if (!isJsonObject(credential) || !isJsonObject(credential['response'])) throw new Error(`No WebAuthn answer at ${where.path.join('.') || 'the body'}`);
  return credential;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new Error(`The sign-in answer has no ${field}`);
  return value;
}

export function readAssertion(body: unknown, where: AnswerInBody): Assertion {
  const credential = credentialAt(body, where);
  const response = credential['response'] as JsonObject;
  const userHandle = response['userHandle'];
  return {
    credentialId: decodeBinary(text(credential['rawId'] ?? credential['id'], 'credential id')),
    clientDataJSON: decodeBinary(text(response['clientDataJSON'], 'clientDataJSON')),
    authenticatorData: decodeBinary(text(response['authenticatorData'], 'authenticatorData')),
    signature: decodeBinary(text(response['signature'], 'signature')),
    userHandle: typeof userHandle === 'string' && userHandle !== '' ? decodeBinary(userHandle) : null,
  };
}

/** A copy of the body carrying `assertion` where the original answer was, every other field kept. */
export function withAssertion(body: unknown, where: AnswerInBody, assertion: Assertion): unknown {
  const credential = structuredClone(credentialAt(body, where));
  const response = credential['response'] as JsonObject;
  const encode = (bytes: Uint8Array) => encodeBinary(bytes, where.encoding);
  // `id` is base64url by definition (WebAuthn §5.1); rawId follows the page's encoding.
  credential['id'] = assertion.credentialId.toString('base64url');
  if ('rawId' in credential) credential['rawId'] = encode(assertion.credentialId);
  response['clientDataJSON'] = encode(assertion.clientDataJSON);
  response['authenticatorData'] = encode(assertion.authenticatorData);
  response['signature'] = encode(assertion.signature);
  if (assertion.userHandle) response['userHandle'] = encode(assertion.userHandle);
  else delete response['userHandle'];
  return withValueAt(body, where.path, credential);
}

export function clientDataOf(assertion: Pick<Assertion, 'clientDataJSON'>): ClientData {
  const parsed: unknown = JSON.parse(assertion.clientDataJSON.toString('utf8'));
  if (!isJsonObject(parsed) || typeof parsed['challenge'] !== 'string') throw new Error('The answer\'s clientDataJSON carries no challenge');
  return parsed as ClientData;
}

export function signCountOf(authenticatorData: Buffer): number {
  return authenticatorData.readUInt32BE(COUNTER_OFFSET);
}

export function flagsOf(authenticatorData: Buffer): number {
  return authenticatorData[FLAGS_OFFSET]!;
}

export function withFlags(authenticatorData: Buffer, flags: number): Buffer {
  const copy = Buffer.from(authenticatorData);
  copy[FLAGS_OFFSET] = flags;
  return copy;
}

export function withSignCount(authenticatorData: Buffer, signCount: number): Buffer {
  const copy = Buffer.from(authenticatorData);
  copy.writeUInt32BE(signCount, COUNTER_OFFSET);
  return copy;
}

export function withRpIdHash(authenticatorData: Buffer, rpIdHash: Buffer): Buffer {
  const copy = Buffer.from(authenticatorData);
  rpIdHash.copy(copy, 0, 0, 32);
  return copy;
}
