/**
 * The RP's WebAuthn traffic as the browser sees it: while an adapter step runs, every request the
 * page sends from a script or with a body is recorded with its answer. Among them the harness recognises, by shape
 * alone, the options requests (an answer carrying a `challenge`) and the answer requests (a body
 * carrying a PublicKeyCredential): the RP's WebAuthn endpoints, whatever they are called.
 */
import type { Page, Request } from '@playwright/test';
import { pageChosenHeaders } from './pageHeaders';
import { decodeBinary, findAnswer, isJsonObject, jsonBody, type Ceremony, type JsonObject } from './answerInBody';

export interface Exchange {
  method: string;
  url: string;
  /** Headers the page's script chose (content type, a CSRF token, ...), without those the browser owns. */
  headers: Record<string, string>;
  body: string | null;
  status: number | null;
  /** The RP's answer as JSON; undefined when it was none or could not be read. */
  response: unknown;
}

export interface WebAuthnEndpoint {
  /** `options`: the RP hands out a challenge; `answer`: the browser's PublicKeyCredential goes back. */
  role: 'options' | 'answer';
  ceremony: Ceremony;
  exchange: Exchange;
}


/** Runs `during` and records every script request and every request with a body the page sent meanwhile, with the RP's answer. */
export async function recordTraffic<T>(page: Page, during: () => Promise<T>): Promise<{ outcome: T; exchanges: Exchange[] }> {
  const pending: Promise<Exchange | null>[] = [];
  const onFinished = (request: Request) => pending.push(exchangeOf(request));
  page.on('requestfinished', onFinished);
  try {
    const outcome = await during();
    return { outcome, exchanges: (await Promise.all(pending)).filter((e): e is Exchange => e !== null) };
  } finally {
    page.off('requestfinished', onFinished);
  }
}

async function exchangeOf(request: Request): Promise<Exchange | null> {
  // Page loads and their resources are not API calls; a script's GET may be an options request.
  const scripted = request.resourceType() === 'fetch' || request.resourceType() === 'xhr';
  if ((request.method() === 'GET' || request.method() === 'HEAD') && !scripted) return null;
  const headers = pageChosenHeaders(await request.allHeaders());
  const response = await request.response().catch(() => null);
  // The page may have moved on and taken the body with it; the exchange still counts, unread.
  const answer = response ? await response.text().then(jsonBody, () => undefined) : undefined;
  return { method: request.method(), url: request.url(), headers, body: request.postData(), status: response?.status() ?? null, response: answer };
}

/** The challenge-bearing options object in an RP's answer (at most two levels down, as in `{publicKey: {...}}`). */
export function optionsIn(response: unknown): { options: JsonObject; ceremony: Ceremony } | null {
  const queue: { value: unknown; depth: number }[] = [{ value: response, depth: 0 }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (!isJsonObject(next.value)) continue;
    const value = next.value;
    if (typeof value['challenge'] === 'string') return { options: value, ceremony: 'user' in value || 'pubKeyCredParams' in value ? 'create' : 'get' };
    if (next.depth < 2) for (const child of Object.values(value)) queue.push({ value: child, depth: next.depth + 1 });
  }
  return null;
}

/** Each WebAuthn endpoint seen, once (by method and path), in the order first seen. */
export function webauthnEndpoints(exchanges: Exchange[]): WebAuthnEndpoint[] {
  const endpoints: WebAuthnEndpoint[] = [];
  const seen = new Set<string>();
  for (const exchange of exchanges) {
    const answer = findAnswer(jsonBody(exchange.body));
    const options = optionsIn(exchange.response);
    const found: WebAuthnEndpoint | null = answer
      ? { role: 'answer', ceremony: answer.ceremony, exchange }
      : options
        ? { role: 'options', ceremony: options.ceremony, exchange }
        : null;
    const key = `${exchange.method} ${new URL(exchange.url).pathname}`;
    if (found && !seen.has(key)) {
      seen.add(key);
      endpoints.push(found);
    }
  }
  return endpoints;
}

/** The options whose challenge an answer signed (the challenge as clientDataJSON carries it, base64url). */
export function optionsWithChallenge(exchanges: Exchange[], challenge: string): JsonObject | null {
  const wanted = decodeBinary(challenge);
  for (const exchange of exchanges) {
    const found = optionsIn(exchange.response);
    if (found && decodeBinary(String(found.options['challenge'])).equals(wanted)) return found.options;
  }
  return null;
}

/** The `timeout` (ms) the sign-in options in `exchanges` give the browser: the longest any says; null when none says one. */
export function signInOptionsTimeoutMs(exchanges: Exchange[]): number | null {
  const timeouts = exchanges
    .map((exchange) => optionsIn(exchange.response))
    .filter((found) => found?.ceremony === 'get')
    .map((found) => found?.options['timeout'])
    .filter((timeout): timeout is number => typeof timeout === 'number');
  return timeouts.length ? Math.max(...timeouts) : null;
}

/** The HTTP status of the last sign-in answer the page sent in `exchanges`; null when none was seen answered. */
export function signInAnswerStatus(exchanges: Exchange[]): number | null {
  return exchanges.filter((exchange) => findAnswer(jsonBody(exchange.body))?.ceremony === 'get').at(-1)?.status ?? null;
}
