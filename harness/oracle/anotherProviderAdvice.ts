import type { Provider } from '../matrix/schema';
import type { RegisteredPasskey } from './signInExpectation';

/**
 * The seed's third user tip, as advice the management page owes: suggest a passkey in another
 * provider when none of the account's passkeys syncs, or when all sit in one provider the RP can
 * name; never when they are spread over providers that can be told apart (it would be untrue).
 * A provider with no public AAGUID cannot be told apart, so the RP may say either.
 */
export function anotherProviderAdvice(passkeys: RegisteredPasskey[], providers: Provider[]): 'required' | 'forbidden' | 'either' {
  if (passkeys.length === 0) return 'either';
  if (passkeys.every((passkey) => passkey.sync === 'device-bound')) return 'required';
  const used = [...new Set(passkeys.map((passkey) => passkey.provider))].map((id) => providers.find((p) => p.id === id)!);
  if (used.some((provider) => provider.aaguid === null)) return 'either';
  return used.length === 1 && used[0]!.kind !== 'security-key' ? 'required' : 'forbidden';
}
