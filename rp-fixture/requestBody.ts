import type { Request } from 'express';
import { ApiError } from './apiError';
import { refusalOf } from './typedName';
import { Username } from './username';

/** The JSON body as an object: an array, a number, a string or null is a 400. A missing body is {}. */
export function objectBody(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'The request body must be a JSON object, such as {"username": "alice"}.', 'bad-request');
  }
  return body as Record<string, unknown>;
}

/**
 * The `username` of an options request, its only field: absent, null or blank is undefined,
 * anything else must be a valid username; any other field is a 400.
 */
export function optionalUsername(req: Request): string | undefined {
  const body = objectBody(req);
  const unexpected = Object.keys(body).find((key) => key !== 'username');
  if (unexpected !== undefined) {
    throw new ApiError(400, `Unexpected field "${unexpected.slice(0, 40)}": an options request has only "username".`, 'bad-request');
  }
  const raw = body['username'];
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  const parsed = Username.safeParse(raw);
  if (!parsed.success) throw new ApiError(400, refusalOf(parsed.error), 'bad-username');
  return parsed.data;
}
