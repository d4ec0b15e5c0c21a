/**
 * Copies of a request the RP's own page sent, changed as an attacker would send them: without the
 * CSRF token (which another site cannot read), or with another value typed in. And the way to send
 * one with the user's cookies.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { isJsonObject, jsonBody } from './answerInBody';
import type { CapturedRequest } from './heldRequest';

/** The names CSRF tokens go by in the frameworks we know (Rails, Django, Laravel, ASP.NET, Spring, express). */
const TOKEN_NAME = /csrf|xsrf|authenticity[-_]?token|request[-_]?verification[-_]?token|anti[-_]?forgery|^_token$/i;

export type BodyKind = 'none' | 'form' | 'json' | 'other';

export function bodyKind(request: CapturedRequest): BodyKind {
  if (request.body === null || request.body === '') return 'none';
  const type = contentType(request);
  if (type.startsWith('application/x-www-form-urlencoded')) return 'form';
  if (type.startsWith('application/json') || type.endsWith('+json')) return jsonBody(request.body) === undefined ? 'other' : 'json';
  return 'other';
}

export function contentType(request: { headers: Record<string, string> }): string {
  const entry = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'content-type');
  return (entry?.[1] ?? '').toLowerCase();
}

function isToken(request: CapturedRequest, name: string, value: unknown): boolean {
  return TOKEN_NAME.test(name) || (typeof value === 'string' && request.secrets.includes(value));
}

/**
 * The request with every field and header that carries the CSRF token taken out: recognised by its
 * name, or as a value only this session knows (a cookie's, as double-submit tokens are). `taken`
 * names what was taken out; empty when the request carries no token the harness recognises. Null when the body is of a kind the harness cannot edit.
 */
export function withoutCsrfToken(request: CapturedRequest): { request: CapturedRequest; taken: string[] } | null {
  return withCsrfTokens(request, () => null);
}

/**
 * The request with each CSRF token replaced by a wrong one of the same length and alphabet, as a
 * forger who knows the token's shape but not its value would send it; `taken` names what changed.
 * Null when its body is neither a form nor JSON.
 */
export function withWrongCsrfToken(request: CapturedRequest): { request: CapturedRequest; taken: string[] } | null {
  return withCsrfTokens(request, nearMissToken);
}

/**
 * The request with each CSRF token one character short (its last one dropped): a near miss of
 * another length, which a comparison that needs equal lengths must refuse, not break on. Null when
 * its body is neither a form nor JSON.
 */
export function withShortCsrfToken(request: CapturedRequest): { request: CapturedRequest; taken: string[] } | null {
  return withCsrfTokens(request, (token) => token.slice(0, -1));
}

/** Each letter and digit moved on by one (z to a, 9 to 0): the same shape, never the same value. */
export function nearMissToken(token: string): string {
  const changed = [...token].map((c) => nextInRange(c, '0', '9') ?? nextInRange(c, 'a', 'z') ?? nextInRange(c, 'A', 'Z') ?? c).join('');
  return changed === token ? `${token}0` : changed;
}

function nextInRange(c: string, first: string, last: string): string | null {
  if (c < first || c > last) return null;
  return c === last ? first : String.fromCharCode(c.charCodeAt(0) + 1);
}

/** The request with each token `change`d: dropped where it returns null. */
function withCsrfTokens(request: CapturedRequest, change: (token: string) => string | null): { request: CapturedRequest; taken: string[] } | null {
  const taken: string[] = [];
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    const token = name.toLowerCase() !== 'content-type' && isToken(request, name, value);
    if (token) taken.push(`header ${name}`);
    const kept = token ? change(value) : value;
    if (kept !== null) headers[name] = kept;
  }
  const kind = bodyKind(request);
  let body = request.body;
  if (kind === 'form') {
    const fields = new URLSearchParams();
    for (const [name, value] of new URLSearchParams(request.body ?? '')) {
      const token = isToken(request, name, value);
      if (token) taken.push(`field ${name}`);
      const kept = token ? change(value) : value;
      if (kept !== null) fields.append(name, kept);
    }
    body = fields.toString();
  } else if (kind === 'json') {
    body = JSON.stringify(withJsonTokens(request, jsonBody(request.body), taken, change));
  } else if (kind === 'other') {
    return null;
  }
  return { request: { ...request, headers, body }, taken };
}

function withJsonTokens(request: CapturedRequest, value: unknown, taken: string[], change: (token: string) => string | null): unknown {
  if (Array.isArray(value)) return value.map((item) => withJsonTokens(request, item, taken, change));
  if (!isJsonObject(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    if (!isToken(request, name, field)) {
      kept[name] = withJsonTokens(request, field, taken, change);
      continue;
    }
    taken.push(`field ${name}`);
    const changed = typeof field === 'string' ? change(field) : null;
    if (changed !== null) kept[name] = changed;
  }
  return kept;
}

/** The string values of a form's or a JSON body's fields, nested ones included; none for another kind of body. */
export function fieldValues(request: CapturedRequest): string[] {
  const kind = bodyKind(request);
  if (kind === 'form') return [...new URLSearchParams(request.body ?? '').values()];
  if (kind !== 'json') return [];
  const values: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') values.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (isJsonObject(value)) Object.values(value).forEach(collect);
  };
  collect(jsonBody(request.body));
  return values;
}

/** The same digits in full width (U+FF10 to U+FF19), as a Japanese keyboard types them; other characters kept. */
export function fullWidthDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
}

/** The request with a field whose value was `from` (what the user typed) set to `to`; null when no field carries it. */
export function withFieldValue(request: CapturedRequest, from: string, to: string): CapturedRequest | null {
  const kind = bodyKind(request);
  if (kind === 'form') {
    const fields = new URLSearchParams(request.body ?? '');
    const names = [...fields].filter(([, value]) => value === from).map(([name]) => name);
    if (!names.length) return null;
    for (const name of names) fields.set(name, to);
    return { ...request, body: fields.toString() };
  }
  if (kind === 'json') {
    const found = { any: false };
    const replaced = replaceJsonValue(jsonBody(request.body), from, to, found);
    return found.any ? { ...request, body: JSON.stringify(replaced) } : null;
  }
  return null;
}

function replaceJsonValue(value: unknown, from: string, to: string, found: { any: boolean }): unknown {
  if (value === from) {
    found.any = true;
    return to;
  }
  if (Array.isArray(value)) return value.map((item) => replaceJsonValue(item, from, to, found));
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, replaceJsonValue(field, from, to, found)]));
}

/**
 * Sends the request over HTTP with the browser's cookies for the RP, and nothing else a browser adds:
 * no Origin, Referer or Fetch Metadata, as older browsers and some privacy tools send a form post.
 * Returns the HTTP status.
 */
export async function sendWithCookies(page: Page, request: CapturedRequest): Promise<number> {
  return sendFrom(page.request, request);
}

/** Sends the request as `sendWithCookies` does, from `api`: the browser's (its cookies), or a bare one (no cookies: no session). */
export async function sendFrom(api: APIRequestContext, request: CapturedRequest): Promise<number> {
  const response = await api.fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== null ? { data: request.body } : {}),
    failOnStatusCode: false,
    maxRedirects: 0,
    timeout: 10_000,
  });
  return response.status();
}
