import type { BrowserContext, Page } from '@playwright/test';
import { pageScriptSource } from './pageScript';

/**
 * A real browser keeps a conditional (autofill) request pending until the person picks a passkey
 * from the autofill list; CDP's virtual authenticator answers it at once, so a page that starts
 * autofill on load would sign itself in. This holds conditional requests until the scenario picks
 * (`pickAutofillPasskey`), and lets the page abort them as a browser would.
 */
function holdScript(): void {
  let release: (() => void) | null = null;
  Object.defineProperty(window, '__passkeyMatrixAutofill', {
    value: {
      pending: () => release !== null,
      pick: () => {
        const go = release;
        release = null;
        go?.();
        return go !== null;
      },
    },
  });
  const originalGet = CredentialsContainer.prototype.get;
  CredentialsContainer.prototype.get = function (options?: CredentialRequestOptions) {
    if (options?.mediation !== 'conditional') return originalGet.call(this, options);
    return new Promise<Credential | null>((resolve, reject) => {
      const signal = options.signal;
      const onAbort = () => {
        release = null;
        reject(signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      release = () => {
        signal?.removeEventListener('abort', onAbort);
        originalGet.call(this, options).then(resolve, reject);
      };
    });
  };
}

export async function installAutofillHold(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: pageScriptSource(holdScript) });
}

/** The person picks the passkey offered in the username field's autofill list. */
export async function pickAutofillPasskey(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as { __passkeyMatrixAutofill?: { pending(): boolean } }).__passkeyMatrixAutofill?.pending() === true,
    undefined,
    { timeout: 5_000 },
  );
  await page.evaluate(() => (window as { __passkeyMatrixAutofill?: { pick(): boolean } }).__passkeyMatrixAutofill?.pick());
}
