import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, type Page } from '@playwright/test';
import { loadProviders } from '../matrix/load';
import { installWebAuthnRequestLog } from './webauthnRequestLog';
import { installPromptDismissal } from './promptDismissal';
import { addVirtualAuthenticator } from './virtualAuthenticator';

const onePassword = loadProviders().find((p) => p.id === '1password')!;

/** A modal passkey creation for the page's host; resolves with the error's name, or 'answered'. */
function create(page: Page): Promise<string> {
  return page.evaluate(async () => {
    try {
      await navigator.credentials.create({
        publicKey: {
          rp: { id: location.hostname, name: 'test' },
          user: { id: crypto.getRandomValues(new Uint8Array(16)), name: 'someone', displayName: 'someone' },
          challenge: crypto.getRandomValues(new Uint8Array(32)),
          pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
          authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
          timeout: 60_000,
        },
      });
      return 'answered';
    } catch (error) {
      return (error as Error).name;
    }
  });
}

test('a device logs each modal passkey request and its fate, but not a prompt the person closed', async ({ browser }) => {
  const server = http.createServer((_req, res) => res.end('<!doctype html><title>rp</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // localhost: a secure context whose host is a valid RP ID.
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const context = await browser.newContext();
  try {
    const log = await installWebAuthnRequestLog(context);
    const dismissal = await installPromptDismissal(context);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(origin);

    const healthy = await addVirtualAuthenticator(cdp, onePassword, 'synced', { refuses: null });
    expect(healthy.refuses).toBeNull();
    expect(await create(page)).toBe('answered');
    dismissal.dismissNext();
    expect(await create(page)).toBe('NotAllowedError'); // the scenario's own dismissal
    expect(log.requests()).toEqual([{ kind: 'create', outcome: 'answered', error: null }]);
    await healthy.remove();

    // Chromium refuses a request that needs a verification the person fails, even when the RP only prefers it.
    const unverified = await addVirtualAuthenticator(cdp, onePassword, 'synced', { refuses: 'verification' });
    expect(unverified.refuses).toBe('verification');
    await unverified.setUserVerified(true); // a scenario cannot undo the injected fault
    log.clear();
    expect(await create(page)).toBe('NotAllowedError');
    expect(log.requests()).toEqual([{ kind: 'create', outcome: 'rejected', error: 'NotAllowedError' }]);
    await unverified.remove();

    // Nobody touches it: the request waits (for the RP's timeout), so the log says pending.
    const untouched = await addVirtualAuthenticator(cdp, onePassword, 'synced', { refuses: 'presence' });
    log.clear();
    void create(page).catch(() => undefined); // never settles before the page moves on
    await expect.poll(() => log.requests(), { timeout: 5_000 }).toEqual([{ kind: 'create', outcome: 'pending', error: null }]);
    await page.goto('about:blank');
    await untouched.remove();
    expect(log.requests()).toEqual([{ kind: 'create', outcome: 'pending', error: null }]);
    log.clear();
    expect(log.requests()).toEqual([]);
  } finally {
    await context.close();
    server.close();
  }
});
