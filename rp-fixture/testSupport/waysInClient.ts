import { expect } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { ApiClient } from './apiClient';
import type { SoftAuthenticator } from './softAuthenticator';

/** User agents of the environments the tests sign in from. */
export const UA = {
  windowsEdge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0',
  windowsChrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  macSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  androidChrome: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36',
} as const;

export type Page = { status: number; location: string | null; text: string };

/** A clock the RP reads through `config.now`, moved by the test. */
export class TestClock {
  time = Date.parse('2026-03-02T09:00:00Z');
  readonly now = () => new Date(this.time);
  advance(ms: number): void {
    this.time += ms;
  }
}

/** The current code of an authenticator app holding `secret`, at the test clock's time. */
export function totpCode(secret: string, clock: TestClock): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock.time });
}

/** GET as a browser in `userAgent` would. */
export async function open(client: ApiClient, path: string, userAgent?: string): Promise<Page> {
  const response = await client.request(path, { method: 'GET', headers: userAgent ? { 'User-Agent': userAgent } : {} });
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

/** Submits a server-rendered form with the session's CSRF token. */
export async function submit(client: ApiClient, path: string, fields: Record<string, string>, userAgent?: string): Promise<Page> {
  const form = new URLSearchParams({ _csrf: await client.csrfToken(), ...fields });
  const response = await client.request(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: client.baseUrl,
      Accept: 'text/html',
      ...(userAgent ? { 'User-Agent': userAgent } : {}),
    },
    body: form.toString(),
  });
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

/** The opening tag of the element carrying `data-message="code"`, or undefined. */
export function messageTag(html: string, code: string): string | undefined {
  return new RegExp(`<[a-z]+\\b[^>]*data-message="${code.replace(/\./g, '\\.')}"[^>]*>`).exec(html)?.[0];
}

/** Asserts the message is there with its accessible role. */
export function expectMessage(html: string, code: string, role: 'alert' | 'status' | 'note'): string {
  const tag = messageTag(html, code);
  expect(tag, `message ${code}`).toBeDefined();
  expect(tag).toContain(`role="${role}"`);
  return tag ?? '';
}

export function messageCodes(html: string): string[] {
  return [...html.matchAll(/data-message="([^"]+)"/g)].map((match) => match[1] ?? '');
}

export function totpSecretOf(html: string): string {
  const secret = /<code data-testid="totp-secret">([A-Z2-7]+)<\/code>/.exec(html)?.[1];
  if (!secret) throw new Error('No TOTP secret on the page.');
  return secret;
}

/**
 * Signs up with a password and sets up the authenticator app; leaves the client signed in and returns
 * the secret and where the sign-up landed.
 */
export async function signUpWithPassword(
  client: ApiClient,
  clock: TestClock,
  account: { username: string; password: string; email?: string },
  userAgent?: string,
): Promise<{ secret: string; landing: string | null }> {
  const form = await submit(client, '/signup/password', { username: account.username, password: account.password, email: account.email ?? '' }, userAgent);
  expect(form, form.text).toMatchObject({ status: 303, location: '/authenticator-setup' });
  const setup = await open(client, '/authenticator-setup', userAgent);
  expect(setup.status).toBe(200);
  const secret = totpSecretOf(setup.text);
  const done = await submit(client, '/authenticator-setup', { code: totpCode(secret, clock) }, userAgent);
  expect(done.status, done.text).toBe(303);
  return { secret, landing: done.location };
}

/** Password sign-in with the current code; the clock moves on 30 s first, as a code works once. */
export async function signInWithPassword(
  client: ApiClient,
  clock: TestClock,
  account: { username: string; password: string; secret: string },
  userAgent?: string,
): Promise<Page> {
  clock.advance(30_000);
  return submit(client, '/signin/password', { username: account.username, password: account.password, code: totpCode(account.secret, clock) }, userAgent);
}

export async function signOut(client: ApiClient): Promise<void> {
  expect((await submit(client, '/signout', {})).status).toBe(303);
}

/** Creates an account with a passkey (or adds one when signed in), as the register page would. */
export async function registerPasskey(client: ApiClient, device: SoftAuthenticator, username: string, userAgent?: string): Promise<string> {
  const headers: Record<string, string> = userAgent ? { 'User-Agent': userAgent } : {};
  const options = await client.post('/api/registration/options', { username }, headers);
  expect(options.status, JSON.stringify(options.json)).toBe(200);
  const response = device.register(options.json as unknown as PublicKeyCredentialCreationOptionsJSON);
  const verify = await client.post('/api/registration/verify', response, headers);
  expect(verify.status, JSON.stringify(verify.json)).toBe(200);
  return response.id;
}
