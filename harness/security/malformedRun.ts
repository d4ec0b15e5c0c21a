/**
 * Sends malformed bodies to an RP's WebAuthn endpoints as the page would (its cookies, and the
 * headers its script chose, such as the CSRF token, so each body reaches the endpoint's own code),
 * a few at a time, each bounded in time. What the RP answered, counted.
 */
import type { Page } from '@playwright/test';
import { postWithoutBody } from './bodilessPost';
import { neverAnObject, type MalformedBody } from './malformedBodies';
import type { WebAuthnEndpoint } from './webauthnTraffic';

const IN_FLIGHT = 8;
const ANSWER_WITHIN_MS = 10_000;

export interface Misanswer {
  endpoint: string;
  kind: string;
  /** The HTTP status, or what went wrong when there was no answer. */
  answer: number | string;
}

export interface MalformedRun {
  sent: number;
  /** 5xx answers, and requests the RP did not answer in time or dropped. */
  misanswers: Misanswer[];
  /** 2xx and 3xx answers to bodies that are no JSON object at all (neverAnObject): taken, not refused. */
  accepted: Misanswer[];
  /** How many bodies got each status, for the report. */
  statuses: Record<string, number>;
}

export function endpointName(endpoint: WebAuthnEndpoint): string {
  return `${endpoint.exchange.method} ${new URL(endpoint.exchange.url).pathname}`;
}

export async function sendMalformed(page: Page, work: { endpoint: WebAuthnEndpoint; bodies: MalformedBody[] }[]): Promise<MalformedRun> {
  const queue = work.flatMap(({ endpoint, bodies }) => bodies.map((body) => ({ endpoint, body })));
  const run: MalformedRun = { sent: 0, misanswers: [], accepted: [], statuses: {} };
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { endpoint, body } = next;
      const { answer } = await send(page, endpoint, body, {}, { words: false });
      run.sent++;
      const key = typeof answer === 'number' ? String(answer) : 'no answer';
      run.statuses[key] = (run.statuses[key] ?? 0) + 1;
      if (typeof answer === 'string' || answer >= 500) run.misanswers.push({ endpoint: endpointName(endpoint), kind: body.kind, answer });
      else if (answer < 400 && neverAnObject(body)) run.accepted.push({ endpoint: endpointName(endpoint), kind: body.kind, answer });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return run;
}

/** What the RP answered to one request: its status (or why there was none) and whether its words say why. */
export interface Answered extends Misanswer {
  saysWhy: boolean;
  /** The answer holds the request's `notEchoed` text whole. */
  echoed: boolean;
}

/**
 * Sends `body` to `endpoint` as the page would, with `siteHeaders` as the browser's own (Origin,
 * Sec-Fetch-Site) where given; `read` asks whether the answer says why in words, and whether it holds
 * `notEchoed` whole.
 */
async function send(page: Page, endpoint: WebAuthnEndpoint, body: MalformedBody, siteHeaders: Record<string, string>, read: { words: boolean; notEchoed?: string }): Promise<Omit<Answered, 'endpoint' | 'kind'>> {
  const headers = Object.fromEntries(Object.entries(endpoint.exchange.headers).filter(([name]) => name.toLowerCase() !== 'content-type'));
  try {
    const response = await page.request.fetch(endpoint.exchange.url, {
      method: endpoint.exchange.method,
      headers: { ...headers, ...siteHeaders, 'content-type': body.contentType },
      data: body.body,
      failOnStatusCode: false,
      maxRedirects: 0,
      timeout: ANSWER_WITHIN_MS,
    });
    const text = read.words || read.notEchoed !== undefined ? await response.text() : '';
    await response.dispose();
    return { answer: response.status(), saysWhy: read.words && hasWords(text), echoed: read.notEchoed !== undefined && text.includes(read.notEchoed) };
  } catch (error) {
    return { answer: `no answer (${(error as Error).message.split('\n')[0]})`, saysWhy: false, echoed: false };
  }
}

/** One request for `refusedRun`: a body, and the headers a browser would add to say where it came from. */
export interface Refusable {
  endpoint: WebAuthnEndpoint;
  kind: string;
  body: MalformedBody;
  siteHeaders?: Record<string, string>;
  /** Text the answer must not hold whole, such as a field name sent absurdly long. */
  notEchoed?: string;
}

/** Sends each request one after the other and reads each answer: its status and whether it says why. */
export async function refusedRun(page: Page, requests: Refusable[]): Promise<Answered[]> {
  const answers: Answered[] = [];
  for (const request of requests) {
    answers.push({ endpoint: endpointName(request.endpoint), kind: request.kind, ...(await send(page, request.endpoint, request.body, request.siteHeaders ?? {}, { words: true, notEchoed: request.notEchoed })) });
  }
  return answers;
}

/**
 * An answer says why when some text in it has two words in a row: a JSON answer's strings (a bare
 * code such as "bad-request" is no explanation), else the text, its markup left out.
 */
export function hasWords(text: string): boolean {
  const twoWords = /\p{L}+\s+\p{L}+/u;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return twoWords.test(text.replace(/<[^>]*>/g, ' '));
  }
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(parsed);
  return strings.some((string) => twoWords.test(string));
}

/**
 * The near misses of a same-origin request, as a browser marks a request another page made: another
 * port on the same host (same site, another origin), no Origin but Sec-Fetch-Site cross-site, a
 * look-alike host sent by an older browser without Fetch Metadata, and the opaque origin "null".
 */
export function crossSiteMarks(rpUrl: string): { kind: string; headers: Record<string, string> }[] {
  const rp = new URL(rpUrl);
  const port = Number(rp.port || (rp.protocol === 'https:' ? 443 : 80));
  const cors = { 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' };
  return [
    { kind: 'from another port of the same host (same site, another origin)', headers: { origin: `${rp.protocol}//${rp.hostname}:${port + 1}`, 'sec-fetch-site': 'same-site', ...cors } },
    { kind: 'without Origin, marked Sec-Fetch-Site: cross-site', headers: { 'sec-fetch-site': 'cross-site', ...cors } },
    { kind: 'from a look-alike host, by a browser without Fetch Metadata', headers: { origin: `${rp.protocol}//${rp.hostname}.example.test:${port}` } },
    { kind: 'from an opaque origin ("null")', headers: { origin: 'null', 'sec-fetch-site': 'cross-site', ...cors } },
  ];
}

/**
 * Each POST endpoint sent a request with no body at all (`postWithoutBody`: no Content-Length, as
 * `curl -X POST` sends it) with the page's cookies and the headers its script chose: what it answered.
 */
export async function bodilessAnswers(page: Page, endpoints: WebAuthnEndpoint[]): Promise<Misanswer[]> {
  const answers: Misanswer[] = [];
  for (const endpoint of endpoints.filter((e) => e.exchange.method === 'POST')) {
    const cookies = (await page.context().cookies(endpoint.exchange.url)).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
    const headers = { ...endpoint.exchange.headers, ...(cookies ? { cookie: cookies } : {}) };
    answers.push({ endpoint: endpointName(endpoint), kind: 'no body at all', answer: await postWithoutBody(endpoint.exchange.url, headers, ANSWER_WITHIN_MS) });
  }
  return answers;
}

/** A host name no DNS resolves (RFC 2606's .test), standing for an attacker's that resolves to the RP (DNS rebinding). */
const REBINDING_HOST = 'rebinding.example.test';

/** How the RP answered its own page asked for under a host name not its own, and whether that refuses it. */
export interface MisdirectedAnswer {
  method: string;
  status: number | string;
  location: string | null;
  /** A 4xx, or a redirect that leads to the RP's own origin: the page is not served under the other name. */
  refused: boolean;
}

/**
 * GET and HEAD of the RP's page with the Host header of another name, as a browser sends them after
 * DNS rebinding (an attacker's name made to resolve to the RP's address): a careful RP checks the
 * Host and serves its pages under its own name only, redirecting there or refusing.
 */
export async function misdirectedAnswers(page: Page, rpUrl: string): Promise<MisdirectedAnswer[]> {
  const own = new URL(rpUrl);
  const asked = new URL(rpUrl);
  asked.hostname = REBINDING_HOST;
  const answers: MisdirectedAnswer[] = [];
  for (const method of ['GET', 'HEAD']) {
    try {
      const response = await page.request.fetch(own.href, { method, headers: { host: asked.host }, failOnStatusCode: false, maxRedirects: 0, timeout: ANSWER_WITHIN_MS });
      const status = response.status();
      const location = response.headers()['location'] ?? null;
      await response.dispose();
      // A relative Location would keep the browser on the other name: only the RP's own origin counts.
      const leadsHome = location !== null && new URL(location, asked).origin === own.origin;
      answers.push({ method, status, location, refused: (status >= 400 && status < 500) || (status >= 300 && status < 400 && leadsHome) });
    } catch (error) {
      answers.push({ method, status: `no answer (${(error as Error).message.split('\n')[0]})`, location: null, refused: false });
    }
  }
  return answers;
}

/**
 * The RP's page opened from a link on another site: a navigation GET marked Sec-Fetch-Site
 * cross-site (no Origin, as browsers send navigations). The status, or why there was none.
 */
export async function crossSiteNavigation(page: Page, rpUrl: string): Promise<number | string> {
  try {
    const response = await page.request.get(rpUrl, {
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', 'sec-fetch-user': '?1' },
      failOnStatusCode: false,
      maxRedirects: 0,
      timeout: ANSWER_WITHIN_MS,
    });
    await response.dispose();
    return response.status();
  } catch (error) {
    return `no answer (${(error as Error).message.split('\n')[0]})`;
  }
}
