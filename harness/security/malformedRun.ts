/**
 * Sends malformed bodies to an RP's WebAuthn endpoints as the page would (its cookies, and the
 * headers its script chose, such as the CSRF token, so each body reaches the endpoint's own code),
 * a few at a time, each bounded in time. What the RP answered, counted.
 */
import type { Page } from '@playwright/test';
import type { MalformedBody } from './malformedBodies';
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
  /** How many bodies got each status, for the report. */
  statuses: Record<string, number>;
}

export function endpointName(endpoint: WebAuthnEndpoint): string {
  return `${endpoint.exchange.method} ${new URL(endpoint.exchange.url).pathname}`;
}

export async function sendMalformed(page: Page, work: { endpoint: WebAuthnEndpoint; bodies: MalformedBody[] }[]): Promise<MalformedRun> {
  const queue = work.flatMap(({ endpoint, bodies }) => bodies.map((body) => ({ endpoint, body })));
  const run: MalformedRun = { sent: 0, misanswers: [], statuses: {} };
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { endpoint, body } = next;
      const headers = Object.fromEntries(Object.entries(endpoint.exchange.headers).filter(([name]) => name.toLowerCase() !== 'content-type'));
      let answer: number | string;
      try {
        const response = await page.request.fetch(endpoint.exchange.url, {
          method: endpoint.exchange.method,
          headers: { ...headers, 'content-type': body.contentType },
          data: body.body,
          failOnStatusCode: false,
          maxRedirects: 0,
          timeout: ANSWER_WITHIN_MS,
        });
        answer = response.status();
        await response.dispose();
      } catch (error) {
        answer = `no answer (${(error as Error).message.split('\n')[0]})`;
      }
      run.sent++;
      const key = typeof answer === 'number' ? String(answer) : 'no answer';
      run.statuses[key] = (run.statuses[key] ?? 0) + 1;
      if (typeof answer === 'string' || answer >= 500) run.misanswers.push({ endpoint: endpointName(endpoint), kind: body.kind, answer });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return run;
}
