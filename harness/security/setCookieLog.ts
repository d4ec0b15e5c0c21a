/**
 * The Set-Cookie lines the RP sent while a step ran, the last one per cookie name. A cookie's SameSite
 * attribute is read here, from what the RP said: the browser's cookie jar cannot tell "SameSite=Lax"
 * from no SameSite at all (Chromium treats both as Lax, and Playwright reports both as "Lax"), while
 * Safari and Firefox send a cookie without SameSite along with another site's form post.
 */
import type { Page, Response } from '@playwright/test';

/** What a Set-Cookie line says about how the browser may send the cookie. */
export interface SetCookieAttributes {
  name: string;
  /** The SameSite value as sent ("Lax", "Strict", "None"), or null when the line has none. */
  sameSite: string | null;
  httpOnly: boolean;
}

export function parseSetCookie(line: string): SetCookieAttributes {
  const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
  const named = (key: string) => attributes.find((a) => a.split('=')[0]?.trim().toLowerCase() === key);
  const sameSite = named('samesite')?.split('=')[1]?.trim();
  return { name: pair.split('=')[0]?.trim() ?? '', sameSite: sameSite || null, httpOnly: named('httponly') !== undefined };
}

export class SetCookieLog {
  private readonly lines = new Map<string, SetCookieAttributes>();
  private readonly pending: Promise<void>[] = [];
  private readonly onResponse = (response: Response) => {
    this.pending.push(
      response.headerValues('set-cookie').then(
        (values) => {
          // One header value may hold several lines, joined by newlines.
          for (const line of values.flatMap((v) => v.split('\n')).filter(Boolean)) {
            const cookie = parseSetCookie(line);
            this.lines.set(cookie.name, cookie);
          }
        },
        () => undefined, // a response whose headers went with its page: nothing to read
      ),
    );
  };

  private constructor(private readonly page: Page) {
    page.on('response', this.onResponse);
  }

  /** Starts listening to every response `page` receives. */
  static start(page: Page): SetCookieLog {
    return new SetCookieLog(page);
  }

  /** Stops listening; what the last Set-Cookie for each cookie name said. */
  async stop(): Promise<Map<string, SetCookieAttributes>> {
    this.page.off('response', this.onResponse);
    await Promise.all(this.pending);
    return this.lines;
  }
}
