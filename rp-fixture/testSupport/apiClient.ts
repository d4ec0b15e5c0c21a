/**
 * A fetch wrapper that keeps cookies and sends what a same-origin page would (Origin, JSON), for
 * API tests that run without a browser.
 */
export class ApiClient {
  private readonly cookies = new Map<string, string>();
  /** The CSRF token a page of the current session carried, and the cookies it was read under. */
  private csrf: { token: string; cookies: string } | undefined;

  constructor(readonly baseUrl: string) {}

  /**
   * Posts JSON with the session's CSRF token in X-CSRF-Token, as the page script does. Pass an
   * `X-CSRF-Token` header yourself to send another one, or `{ csrf: false }` to send none.
   */
  async post(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
    options: { csrf?: boolean } = {},
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const token: Record<string, string> = options.csrf === false ? {} : { 'X-CSRF-Token': await this.csrfToken() };
    const response = await this.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: this.baseUrl, ...token, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  /**
   * Submits a server-rendered form (urlencoded) as a browser would, with the session's `_csrf`
   * field unless `fields` sets its own or `{ csrf: false }` leaves it out.
   */
  async postForm(
    path: string,
    fields: Record<string, string> = {},
    options: { csrf?: boolean } = {},
  ): Promise<{ status: number; location: string | null; text: string }> {
    const form = new URLSearchParams(options.csrf === false ? {} : { _csrf: await this.csrfToken() });
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    const response = await this.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: this.baseUrl, Accept: 'text/html' },
      body: form.toString(),
    });
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  }

  /** The token from `<meta name="csrf-token">`, read again whenever the session cookie changed. */
  async csrfToken(): Promise<string> {
    if (this.csrf && this.csrf.cookies === this.cookieHeader()) return this.csrf.token;
    const page = await this.get('/signin');
    const token = /<meta name="csrf-token" content="([^"]*)">/.exec(page.text)?.[1];
    if (!token) throw new Error(`No CSRF token on /signin (status ${page.status}).`);
    this.csrf = { token, cookies: this.cookieHeader() };
    return token;
  }

  async get(path: string): Promise<{ status: number; location: string | null; text: string }> {
    const response = await this.request(path, { method: 'GET' });
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  }

  async request(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('Cookie', this.cookieHeader());
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.keepCookie(line);
    return response;
  }

  /** Another client holding this one's cookies as they are now, as someone who copied them would. */
  copy(): ApiClient {
    const copy = new ApiClient(this.baseUrl);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  /** The session cookie's value, to see it rotate at sign-in. */
  cookieValues(): string[] {
    return [...this.cookies.values()];
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keepCookie(line: string): void {
    const [pair = ''] = line.split(';');
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}
