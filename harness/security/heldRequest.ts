/**
 * The first request of an adapter step that may change something (any method but GET, HEAD and
 * OPTIONS), as the page sent it, held back until the scenario lets it go or drops it. So a scenario
 * learns how the RP's own page deletes or renames a passkey (its URL, body and token), and can try
 * forged copies first, while the passkey is still there.
 */
import type { Page, Request, Route } from '@playwright/test';
import { pageChosenHeaders } from './pageHeaders';

export interface CapturedRequest {
  method: string;
  url: string;
  /** Headers the page chose (content type, a CSRF token, ...), without those the browser owns. */
  headers: Record<string, string>;
  body: string | null;
  /**
   * What only this session knows: the values of the browser's cookies when the page sent it. A
   * request field carrying one (a double-submit token) is a token another site cannot forge.
   */
  secrets: string[];
}

export interface HeldChange<T> {
  /** The held request; null when the step ended without sending one. */
  request: CapturedRequest | null;
  /** Lets the request go on and waits for the step to end. */
  release(): Promise<T>;
  /** Drops the request (the RP never gets it); the step is left to fail on its own. */
  drop(): Promise<void>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MATCH_EVERY_URL = () => true;

export async function holdFirstChange<T>(page: Page, during: () => Promise<T>): Promise<HeldChange<T>> {
  let capture!: (request: CapturedRequest) => void;
  const captured = new Promise<CapturedRequest>((resolve) => (capture = resolve));
  let decide!: (go: boolean) => void;
  const decision = new Promise<boolean>((resolve) => (decide = resolve));
  let taken = false;
  let handled: Promise<void> = Promise.resolve();
  const handler = async (route: Route, request: Request): Promise<void> => {
    if (taken || SAFE_METHODS.has(request.method())) return route.fallback();
    taken = true;
    handled = (async () => {
      capture(await captureOf(page, request));
      if (await decision) await route.fallback();
      else await route.abort('aborted');
    })();
    await handled;
  };
  await page.route(MATCH_EVERY_URL, handler);
  const step = during();
  const ended = step.then(
    () => null,
    () => null,
  );
  const request = await Promise.race([captured, ended]);
  const unroute = () => page.unroute(MATCH_EVERY_URL, handler);
  return {
    request,
    async release() {
      decide(true);
      try {
        await handled;
        return await step;
      } finally {
        await unroute();
      }
    },
    async drop() {
      decide(false);
      // The step may now wait for an outcome that never comes; its own bounded waits end it.
      step.catch(() => undefined);
      await handled;
      await unroute();
    },
  };
}

async function captureOf(page: Page, request: Request): Promise<CapturedRequest> {
  const headers = pageChosenHeaders(await request.allHeaders());
  // The page's own DOM cannot be read here: Playwright waits for the navigation this request holds up.
  const cookies = (await page.context().cookies()).map((cookie) => cookie.value);
  return { method: request.method(), url: request.url(), headers, body: request.postData(), secrets: cookies.filter((value) => value.length >= 8) };
}
