import type { BrowserContext } from '@playwright/test';
import { pageScriptSource } from './pageScript';

const BINDING = '__passkeyMatrixDismissNext';

/**
 * The person closes the browser's passkey prompt. CDP's virtual authenticator has no prompt to
 * close (its UI is off), so the page's next modal WebAuthn request is answered as Chromium answers
 * a dismissed prompt: a NotAllowedError. Autofill (conditional) requests are left alone.
 */
function dismissalScript(binding: string): void {
  const ask = (window as unknown as Record<string, () => Promise<boolean>>)[binding]!;
  const dismissed = () => new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError');
  const originalGet = CredentialsContainer.prototype.get;
  const originalCreate = CredentialsContainer.prototype.create;
  CredentialsContainer.prototype.get = async function (options?: CredentialRequestOptions) {
    if (options?.mediation !== 'conditional' && (await ask())) throw dismissed();
    return originalGet.call(this, options);
  };
  CredentialsContainer.prototype.create = async function (options?: CredentialCreationOptions) {
    const mediation = (options as { mediation?: string } | undefined)?.mediation; // not in TypeScript's DOM types yet
    if (mediation !== 'conditional' && (await ask())) throw dismissed();
    return originalCreate.call(this, options);
  };
}

export interface PromptDismissal {
  /** The person will close the next modal passkey prompt. */
  dismissNext(): void;
  /** Nobody is about to close a prompt (a device handed to the next cell). */
  clear(): void;
}

export async function installPromptDismissal(context: BrowserContext): Promise<PromptDismissal> {
  let dismissNext = false;
  await context.exposeBinding(BINDING, () => {
    const answer = dismissNext;
    dismissNext = false;
    return answer;
  });
  await context.addInitScript({ content: pageScriptSource(dismissalScript, BINDING) });
  return {
    dismissNext: () => {
      dismissNext = true;
    },
    clear: () => {
      dismissNext = false;
    },
  };
}
