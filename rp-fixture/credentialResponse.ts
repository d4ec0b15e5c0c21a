import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import { ApiError } from './apiError';

const Base64Url = z.string().min(1).max(16_384).regex(/^[A-Za-z0-9_-]+$/, 'base64url');

const Common = {
  id: Base64Url,
  rawId: Base64Url,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.looseObject({}).default({}),
};

const RegistrationBody = z.looseObject({
  ...Common,
  response: z.looseObject({
    clientDataJSON: Base64Url,
    attestationObject: Base64Url,
    transports: z.array(z.string().max(32)).max(16).optional(),
  }),
});

const AuthenticationBody = z.looseObject({
  ...Common,
  response: z.looseObject({
    clientDataJSON: Base64Url,
    authenticatorData: Base64Url,
    signature: Base64Url,
    userHandle: Base64Url.optional(),
  }),
});

/**
 * Checks the shape of a RegistrationResponseJSON before SimpleWebAuthn reads it, so a malformed
 * body is a 400 with a reason rather than a TypeError deep inside verification.
 */
export function registrationResponse(body: unknown): RegistrationResponseJSON {
  return parseBody(RegistrationBody, body, 'registration');
}

export function authenticationResponse(body: unknown): AuthenticationResponseJSON {
  return parseBody(AuthenticationBody, body, 'sign-in');
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new ApiError(400, `This is not a valid ${what} response${where}: ${issue?.message ?? 'unreadable'}.`, 'bad-request');
}

/** The challenge the browser signed, read from clientDataJSON to find the ceremony it answers. */
export function signedChallenge(clientDataJSON: string): string {
  try {
    const clientData: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    const challenge = (clientData as { challenge?: unknown } | null)?.challenge;
    if (typeof challenge === 'string' && challenge !== '') return challenge;
  } catch {
    // Falls through to the same 400 as a missing challenge.
  }
  throw new ApiError(400, 'The response carries no readable challenge (clientDataJSON).', 'bad-request');
}
