import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { expect } from '@playwright/test';
import type { ApiClient } from './apiClient';
import type { SoftAuthenticator } from './softAuthenticator';

/** The API steps of the ceremonies, for tests of the fixture RP without a browser. */

export async function creationOptions(client: ApiClient, username: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { status, json } = await client.post('/api/registration/options', { username });
  expect(status, JSON.stringify(json)).toBe(200);
  return json as unknown as PublicKeyCredentialCreationOptionsJSON;
}

export async function requestOptions(client: ApiClient, username?: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { status, json } = await client.post('/api/authentication/options', username === undefined ? {} : { username });
  expect(status, JSON.stringify(json)).toBe(200);
  return json as unknown as PublicKeyCredentialRequestOptionsJSON;
}

/** Creates an account with one passkey, or adds one when signed in; the client ends up signed in. */
export async function register(client: ApiClient, device: SoftAuthenticator, username: string): Promise<string> {
  const response = device.register(await creationOptions(client, username));
  const { status, json } = await client.post('/api/registration/verify', response);
  expect(status, JSON.stringify(json)).toBe(200);
  return response.id;
}

export async function signIn(client: ApiClient, device: SoftAuthenticator, username?: string, credentialId?: string) {
  return client.post('/api/authentication/verify', device.authenticate(await requestOptions(client, username), credentialId));
}

/** The account page's passkey items, as markup. */
export function passkeyItems(html: string): string[] {
  return html.match(/<li data-testid="passkey"[\s\S]*?<\/li>/g) ?? [];
}

/** The element carrying `data-message="CODE"`, as markup up to its end tag, or undefined. */
export function message(html: string, code: string): string | undefined {
  return new RegExp(`<(\\w+)[^>]*data-message="${code.replace('.', '\\.')}"[^>]*>[\\s\\S]*?</\\1>`).exec(html)?.[0];
}
