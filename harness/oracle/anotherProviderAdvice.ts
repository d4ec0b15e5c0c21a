import type { Provider } from '../matrix/schema';
import type { AnotherProviderReason } from '../rp/adapter';
import type { RegisteredPasskey } from './signInExpectation';

/** What the management page owes the user about adding a passkey in another provider. */
export interface AnotherProviderExpectation {
  /** Whether the advice is owed, would be untrue, or may go either way. */
  owed: 'required' | 'forbidden' | 'either';
  /** The reasons that are true of the account's passkeys: the page may give these and no others. */
  trueReasons: AnotherProviderReason[];
  /** The provider holding every passkey, where there is one the RP can name (not a security key). */
  oneProvider: Provider | null;
}

/**
 * The seed's third user tip, as advice the management page owes: suggest a passkey in another
 * provider when none of the account's passkeys syncs, or when all sit in one provider the RP can
 * name; never when they are spread over providers that can be told apart (it would be untrue).
 * A provider with no public AAGUID cannot be told apart, so the RP may say either. With no passkey
 * at all there is nothing to advise about.
 */
export function anotherProviderAdvice(passkeys: RegisteredPasskey[], providers: Provider[]): AnotherProviderExpectation {
  const used = [...new Set(passkeys.map((passkey) => passkey.provider))].map((id) => providers.find((p) => p.id === id)!);
  const noneSyncs = passkeys.length > 0 && passkeys.every((passkey) => passkey.sync === 'device-bound');
  const oneProvider = used.length === 1 && used[0]!.aaguid !== null && used[0]!.kind !== 'security-key' ? used[0]! : null;
  const trueReasons: AnotherProviderReason[] = [...(noneSyncs ? (['none-syncs'] as const) : []), ...(oneProvider ? (['one-provider'] as const) : [])];
  // With no passkey, "all your passkeys are in X" or "none of them syncs" would be untrue.
  const owed = passkeys.length === 0 ? 'forbidden' : noneSyncs ? 'required' : used.some((provider) => provider.aaguid === null) ? 'either' : oneProvider ? 'required' : 'forbidden';
  return { owed, trueReasons, oneProvider };
}
