import type { BrowserContext } from '@playwright/test';
import { pageScriptSource } from './pageScript';
import type { RpClock } from './rpClock';

const BINDING = '__passkeyMatrixWebAuthnLog';

/** One modal passkey request a page made, and what became of it. */
export interface WebAuthnRequest {
  kind: 'create' | 'get';
  outcome: 'answered' | 'rejected' | 'pending';
  /** The DOMException's name when rejected (NotAllowedError, ...), else null. */
  error: string | null;
}

export interface WebAuthnRequestLog {
  /** Modal requests since the last clear, in the order they were made. */
  requests(): readonly WebAuthnRequest[];
  clear(): void;
}

type Report = (id: string, kind: 'create' | 'get', outcome: WebAuthnRequest['outcome'], error: string | null) => void;

/**
 * Tells Node about each modal WebAuthn request: when it starts and how it ends. Installed before
 * the prompt dismissal, whose wrapper then runs first: a prompt the scenario closes never gets here.
 * Autofill (conditional) requests wait for the person by design and are left out.
 */
function logScript(binding: string): void {
  const report = (window as unknown as Record<string, Report>)[binding]!;
  let count = 0;
  type Ask = (this: CredentialsContainer, options?: CredentialRequestOptions & CredentialCreationOptions) => Promise<Credential | null>;
  const logged = (kind: 'create' | 'get', original: Ask): Ask =>
    async function (this: CredentialsContainer, options) {
      const mediation = (options as { mediation?: string } | undefined)?.mediation; // create's is not in TypeScript's DOM types yet
      if (mediation === 'conditional') return original.call(this, options);
      const id = `${performance.timeOrigin}-${++count}`;
      report(id, kind, 'pending', null);
      try {
        const answer = await original.call(this, options);
        report(id, kind, 'answered', null);
        return answer;
      } catch (error) {
        const name = (error as { name?: unknown } | null)?.name;
        report(id, kind, 'rejected', typeof name === 'string' ? name : String(error));
        throw error;
      }
    };
  CredentialsContainer.prototype.get = logged('get', CredentialsContainer.prototype.get);
  CredentialsContainer.prototype.create = logged('create', CredentialsContainer.prototype.create);
}

/** With a clock, each request's span (from the call to its answer) counts as the RP's time: the ceremony. */
export async function installWebAuthnRequestLog(context: BrowserContext, clock?: RpClock): Promise<WebAuthnRequestLog> {
  const requests = new Map<string, WebAuthnRequest>();
  await context.exposeBinding(BINDING, (_source, id: string, kind: WebAuthnRequest['kind'], outcome: WebAuthnRequest['outcome'], error: string | null) => {
    const known = requests.get(id);
    // Only a start opens an entry: an end that arrives after a clear belongs to the cell before.
    if (outcome === 'pending') {
      if (!known) requests.set(id, { kind, outcome, error });
      clock?.start(id);
    } else if (known) {
      requests.set(id, { kind, outcome, error });
      clock?.end(id);
    }
  });
  await context.addInitScript({ content: pageScriptSource(logScript, BINDING) });
  return { requests: () => [...requests.values()], clear: () => requests.clear() };
}
