/**
 * A fetch wrapper that keeps cookies and sends what a same-origin page would (Origin, JSON), for
 * API tests that run without a browser.
 */
export class ApiClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await this.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: this.baseUrl, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  async get(path: string): Promise<{ status: number; location: string | null; text: string }> {
    const response = await this.request(path, { method: 'GET' });
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  }

  async request(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.keepCookie(line);
    return response;
  }

  /** The session cookie's value, to see it rotate at sign-in. */
  cookieValues(): string[] {
    return [...this.cookies.values()];
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
