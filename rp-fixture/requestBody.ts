import type { Request } from 'express';
import { ApiError } from './apiError';
import { refusalOf } from './typedName';
import { Username } from './username';

/**
 * The JSON body as an object. express.json parses strictly (app.ts): JSON null, a number or a string
 * is already a 400 ("not valid JSON"), so an array is what is left to refuse here (security-malformed-bodies
 * sends each). A missing body is {}.
 */
export function objectBody(req: Request): Record<string, unknown> {
  const body = req.body as Record<string, unknown> | unknown[] | undefined;
  if (body === undefined) return {};
  if (Array.isArray(body)) {
    throw new ApiError(400, 'The request body must be a JSON object, such as {"username": "alice"}.', 'bad-request');
  }
  return body;
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
  // Absent: a sign-in by the passkey alone (the page's button and autofill send {}).
  if (raw === undefined) return undefined;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral,MethodExpression: not judged: a null or blank username comes only from a hand-made request (the pages trim it and ask for one); reading it as none, or refusing it, are both careful
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  const parsed = Username.safeParse(raw);
  if (!parsed.success) throw new ApiError(400, refusalOf(parsed.error), 'bad-username');
  return parsed.data;
}
