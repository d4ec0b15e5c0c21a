import type { Refusal } from './authenticatorRefusal';
import type { WebAuthnRequest } from './webauthnRequestLog';

const WHAT_IT_REFUSED: Record<Refusal, string> = {
  presence: 'no user presence',
  verification: 'user verification failed',
};

/**
 * Why a scenario had no verdict when its device's authenticator was made to refuse: the first
 * passkey request that reached it and was refused or never answered. Null when none did, so a
 * refusing authenticator that was never asked (or whose refusal did not matter) blames nothing.
 */
export function authenticatorTrouble(providerName: string, refuses: Refusal | null, requests: readonly WebAuthnRequest[]): string | null {
  if (!refuses) return null;
  const hit = requests.find((r) => r.outcome !== 'answered');
  if (!hit) return null;
  const fate = hit.outcome === 'pending' ? 'was never answered' : `was refused (${hit.error})`;
  return `the passkey provider's authenticator (${providerName}) refused: ${WHAT_IT_REFUSED[refuses]}, so navigator.credentials.${hit.kind} ${fate}`;
}
