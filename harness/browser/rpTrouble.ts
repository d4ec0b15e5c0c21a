import type { BrowserContext } from '@playwright/test';

/**
 * What went wrong on the RP's side of the wire while a device used it: a 5xx answer, a request that
 * got no answer (connection refused or reset: the RP died), a crashed page. A scenario that fails
 * after such trouble has no verdict on the RP's behaviour: the report marks it an error, with this.
 */
export interface RpTrouble {
  /** Trouble seen since the last clear, in order. */
  seen(): readonly string[];
  /** Of that trouble, the RP's 5xx answers: each is the RP failing, even where the scenario went on. */
  serverErrors(): readonly string[];
  clear(): void;
}

export function watchRpTrouble(context: BrowserContext, rpOrigin: string): RpTrouble {
  // One list, in order; a 5xx is marked so the server errors are read off it, not kept twice.
  const seen: { text: string; serverError: boolean }[] = [];
  const fromRp = (url: string) => URL.canParse(url) && new URL(url).origin === rpOrigin;
  const where = (method: string, url: string) => `${method} ${new URL(url).pathname}`;
  context.on('response', (response) => {
    if (response.status() >= 500 && fromRp(response.url())) {
      seen.push({ text: `the RP answered ${response.status()} to ${where(response.request().method(), response.url())}`, serverError: true });
    }
  });
  context.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'no answer';
    // An aborted request is the page moving on (a navigation replacing another), not the RP failing.
    if (failure !== 'net::ERR_ABORTED' && fromRp(request.url())) seen.push({ text: `the RP did not answer ${where(request.method(), request.url())}: ${failure}`, serverError: false });
  });
  context.on('page', (page) => page.on('crash', () => seen.push({ text: 'the page crashed', serverError: false })));
  return {
    seen: () => seen.map((trouble) => trouble.text),
    serverErrors: () => seen.filter((trouble) => trouble.serverError).map((trouble) => trouble.text),
    clear: () => void seen.splice(0),
  };
}
