/**
 * A page on another site that makes the user's browser send a forged request to the RP, as a
 * malicious site the user visits would (cross-site request forgery). It is served by a tiny local
 * server on a loopback host that is not the RP's: http://127.0.0.1:PORT is another site than
 * http://localhost (and the other way round), so the browser applies its cross-site rules (SameSite
 * cookies, Origin, Fetch Metadata) exactly as it would for evil.example.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { escapeHtml } from '../report/escapeHtml';
import { bodyKind, type BodyKind } from './forgedRequest';
import type { CapturedRequest } from './heldRequest';

const WAIT_MS = 10_000;

/**
 * What the forging page tells the browser to send as Referer: an attacker picks it. Its whole address
 * (a path that is no page of the RP's), or nothing at all: an RP that builds a "go back" link from
 * the Referer must not send the user to either.
 */
export type ForgingReferrer = 'unsafe-url' | 'no-referrer';

export class CrossSitePage {
  private next = 0;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
    /** The forging pages the server serves, by path. */
    private readonly pages: Map<string, string>,
  ) {}

  /** Serves on the loopback host that is another site than the RP's. */
  static async start(rpUrl: string): Promise<CrossSitePage> {
    const host = new URL(rpUrl).hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const pages = new Map<string, string>();
    const server = createServer((req, res) => {
      const page = pages.get(req.url ?? '');
      res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page ?? 'Not found');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    return new CrossSitePage(server, `http://${host}:${(server.address() as AddressInfo).port}`, pages);
  }

  /**
   * Why a page on another site cannot make a browser send this request at all, or null when it can:
   * an HTML form posts urlencoded bodies; a script may post any text without the RP's consent (CORS),
   * but only with a "simple" method and content type.
   */
  static cannotSend(request: CapturedRequest): string | null {
    if (request.method !== 'POST') return `a page on another site cannot make a browser send a ${request.method} request without the RP's consent (CORS)`;
    const kind: BodyKind = bodyKind(request);
    if (kind === 'other') return 'the request body is neither a form nor JSON';
    return null;
  }

  /** Opens in `page` the forging page, whose Referrer-Policy is `referrer`, and waits until the browser has sent the request and the RP answered. */
  async send(page: Page, request: CapturedRequest, referrer: ForgingReferrer): Promise<void> {
    const path = `/forge/${++this.next}`;
    const kind = bodyKind(request);
    const head = `<!doctype html><meta name="referrer" content="${referrer}"><title>Win a prize</title>`;
    this.pages.set(path, head + (kind === 'json' ? scriptPost(request) : formPost(request)));
    const rpOrigin = new URL(request.url).origin;
    if (kind === 'json') {
      await page.goto(`${this.origin}${path}`, { timeout: WAIT_MS });
      await page.waitForFunction(() => document.title === 'sent', undefined, { timeout: WAIT_MS });
    } else {
      // The form submits itself while its page loads: the RP's answer is where the browser lands.
      // Waited for once the forging page is there, as the tab may still show the RP's answer to the last one.
      await page.goto(`${this.origin}${path}`, { waitUntil: 'commit', timeout: WAIT_MS });
      await page.waitForURL((url) => url.origin === rpOrigin, { timeout: WAIT_MS });
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** An HTML form with the request's fields, submitted on load, as a malicious page does (the page's body). */
function formPost(request: CapturedRequest): string {
  const fields = [...new URLSearchParams(request.body ?? '')]
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return `<form id="forged" method="post" action="${escapeHtml(request.url)}">${fields}</form><script>document.getElementById('forged').submit();</script>`;
}

/** A script posting the JSON as text/plain (the only way without CORS), noting when the browser is done (the page's body). */
function scriptPost(request: CapturedRequest): string {
  const call = `fetch(${JSON.stringify(request.url)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: ${JSON.stringify(request.body ?? '')} })`;
  return `<script>${call.replace(/</g, '\\u003c')}.catch(() => undefined).finally(() => { document.title = 'sent'; });</script>`;
}
