import type { BrowserContext, Frame, Page, Request } from '@playwright/test';

/**
 * How long the RP's own work kept a scenario waiting: the union of the spans during which a page
 * of the RP was loading (from its request to its load event), a request to the RP was unanswered,
 * or a passkey ceremony was under way. The rest of a scenario's time is the harness's overhead.
 * One clock per worker: every device of a scenario (a world's phone, laptop) adds its spans to it.
 */
export class RpClock {
  private closed: [number, number][] = [];
  private readonly open = new Map<unknown, number>();

  start(key: unknown, at = performance.now()): void {
    if (!this.open.has(key)) this.open.set(key, at);
  }

  end(key: unknown, at = performance.now()): void {
    const started = this.open.get(key);
    if (started === undefined) return;
    this.open.delete(key);
    this.closed.push([started, at]);
  }

  /** Milliseconds during which the RP had work under way since the last clear; open spans count up to now. */
  busyMs(now = performance.now()): number {
    const spans = [...this.closed, ...[...this.open.values()].map((started): [number, number] => [started, now])].sort((a, b) => a[0] - b[0]);
    let total = 0;
    let [from, to] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const [start, end] of spans) {
      if (start > to) {
        if (to > from) total += to - from;
        [from, to] = [start, end];
      } else if (end > to) {
        to = end;
      }
    }
    if (to > from) total += to - from;
    return total;
  }

  clear(): void {
    this.closed = [];
    this.open.clear();
  }
}

/** Adds the RP's page loads and requests on a device's context to the clock. */
export function watchRpTime(context: BrowserContext, rpOrigin: string, clock: RpClock): void {
  const fromRp = (request: Request) => URL.canParse(request.url()) && new URL(request.url()).origin === rpOrigin;
  const loading = new Map<Page, Request>();
  context.on('request', (request) => {
    if (!fromRp(request)) return;
    clock.start(request);
    if (!request.isNavigationRequest()) return;
    // A page load lasts until its load event: the RP's scripts run as part of it. A popup's first
    // request comes before its frame exists: it is timed as a request.
    const frame = safeFrame(request);
    if (frame && frame.parentFrame() === null) loading.set(frame.page(), request);
  });
  const answered = (request: Request) => {
    if (![...loading.values()].includes(request)) clock.end(request);
  };
  context.on('requestfinished', answered);
  context.on('requestfailed', (request) => {
    for (const [page, pending] of loading) if (pending === request) loading.delete(page);
    clock.end(request);
  });
  const watchPage = (page: Page) =>
    page.on('load', () => {
      const request = loading.get(page);
      if (!request) return;
      loading.delete(page);
      clock.end(request);
    });
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
}

function safeFrame(request: Request): Frame | null {
  try {
    return request.frame();
  } catch {
    return null;
  }
}
