import type { BrowserContext } from '@playwright/test';
import { pageScriptSource } from './pageScript';

const BINDING = '__passkeyMatrixSelfStartedSignIn';

/** A passkey sign-in request a page made by itself: before the person clicked or typed anything in it. */
export interface SelfStartedRequest {
  mode: 'modal' | 'autofill';
  /** The page's address when it asked. */
  url: string;
  outcome: 'pending' | 'answered' | 'rejected';
}

export interface SelfStartedSignInLog {
  /** Requests since the last clear, in the order they were made. */
  requests(): readonly SelfStartedRequest[];
  clear(): void;
}

type Report = (id: string, mode: SelfStartedRequest['mode'], url: string, outcome: SelfStartedRequest['outcome']) => void;

/**
 * Tells Node about each navigator.credentials.get() a page makes while it has had no user
 * activation: a click or key press grants one, a page load resets it, so such a request is one the
 * page started on load (or on a timer), never one the person asked for.
 */
function logScript(binding: string): void {
  const report = (window as unknown as Record<string, Report>)[binding]!;
  let count = 0;
  const originalGet = CredentialsContainer.prototype.get;
  CredentialsContainer.prototype.get = async function (this: CredentialsContainer, options?: CredentialRequestOptions) {
    if (navigator.userActivation?.hasBeenActive !== false) return originalGet.call(this, options);
    const id = `${performance.timeOrigin}-${++count}`;
    report(id, options?.mediation === 'conditional' ? 'autofill' : 'modal', location.href, 'pending');
    try {
      const answer = await originalGet.call(this, options);
      report(id, 'modal', location.href, 'answered');
      return answer;
    } catch (error) {
      report(id, 'modal', location.href, 'rejected');
      throw error;
    }
  };
}

/** Installed after the device's own scripts: its wrapper runs first, and only watches. */
export async function installSelfStartedSignInLog(context: BrowserContext): Promise<SelfStartedSignInLog> {
  const requests = new Map<string, SelfStartedRequest>();
  await context.exposeBinding(BINDING, (_source, id: string, mode: SelfStartedRequest['mode'], url: string, outcome: SelfStartedRequest['outcome']) => {
    const known = requests.get(id);
    if (outcome === 'pending') requests.set(id, { mode, url, outcome });
    else if (known) requests.set(id, { ...known, outcome });
  });
  await context.addInitScript({ content: pageScriptSource(logScript, BINDING) });
  return { requests: () => [...requests.values()], clear: () => requests.clear() };
}
