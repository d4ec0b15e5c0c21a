import { DataError } from '../matrix/dataError';
import { loadProviders } from '../matrix/load';
import { runOptions, RUN_VARS } from '../plan/runOptions';

/**
 * A fault injected by hand into a run: the provider's authenticator never sees the person touch it
 * (`presence`), or the person fails its user verification (`verification`).
 */
export type Refusal = 'presence' | 'verification';

export const REFUSALS: readonly Refusal[] = ['presence', 'verification'];

/** Which authenticators refuse: every provider's when `providers` is empty. */
export interface AuthenticatorRefusal {
  refuses: Refusal;
  providers: string[];
}

export const AUTHENTICATOR_REFUSES_ORIGIN = `--authenticator-refuses / ${RUN_VARS.authenticatorRefuses}`;

/**
 * Reads `presence|verification[:provider-id,...]`; no value is no refusal. A bad value or an
 * unknown provider is a DataError naming the flag, the value and what is accepted.
 */
export function parseAuthenticatorRefusal(value: string | undefined, providerIds: readonly string[]): AuthenticatorRefusal | null {
  const given = value?.trim() ?? '';
  if (given === '') return null;
  const separator = given.indexOf(':');
  const kind = separator === -1 ? given : given.slice(0, separator);
  const list = separator === -1 ? null : given.slice(separator + 1);
  if (!isRefusal(kind)) {
    throw new DataError(
      `${AUTHENTICATOR_REFUSES_ORIGIN}: "${given}" is not a refusal; use ${REFUSALS.join(' or ')}, optionally with the providers it applies to (e.g. presence:1password,bitwarden).`,
    );
  }
  const providers = (list ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (list !== null && providers.length === 0) {
    throw new DataError(`${AUTHENTICATOR_REFUSES_ORIGIN}: "${given}" names no provider after ":"; give provider ids (e.g. ${kind}:1password) or leave out ":" for every provider.`);
  }
  for (const id of providers) {
    if (!providerIds.includes(id)) {
      throw new DataError(`${AUTHENTICATOR_REFUSES_ORIGIN}: unknown provider "${id}"; use one of ${providerIds.join(', ')}.`);
    }
  }
  return { refuses: kind, providers };
}

/** What the provider's authenticators refuse under `refusal`, if anything. */
export function refusalOf(refusal: AuthenticatorRefusal | null, providerId: string): Refusal | null {
  if (!refusal) return null;
  return refusal.providers.length === 0 || refusal.providers.includes(providerId) ? refusal.refuses : null;
}

let fromEnv: { value: string | undefined; refusal: AuthenticatorRefusal | null } | undefined;

/** The run's refusal for a provider, parsed once per process from the run's options (the CLI has checked it). */
export function runRefusalOf(providerId: string): Refusal | null {
  const value = runOptions().authenticatorRefuses;
  if (!fromEnv || fromEnv.value !== value) {
    fromEnv = { value, refusal: parseAuthenticatorRefusal(value, loadProviders().map((p) => p.id)) };
  }
  return refusalOf(fromEnv.refusal, providerId);
}

function isRefusal(value: string): value is Refusal {
  return (REFUSALS as readonly string[]).includes(value);
}
