import type { Environment, Provider, SupportSnapshot, SyncFlag } from './schema';

/** Whether the snapshot lets the provider be used in the environment at all. */
export function isUsable(snapshot: SupportSnapshot, environment: Environment, providerId: string): boolean {
  return snapshot.tables[environment.os].providers[providerId]?.support[environment.browser] === 'usable';
}

/** Whether the provider's passkeys made or seen in the environment sync with the provider account. */
export function syncsHere(snapshot: SupportSnapshot, environment: Environment, providerId: string): boolean {
  const row = snapshot.tables[environment.os].providers[providerId];
  return !!row && isUsable(snapshot, environment, providerId) && row.syncStates.includes('synced');
}

/**
 * The sync flag a new passkey from the provider gets in the environment: the cell's own flag on the
 * cell's device, else the provider's default where the snapshot allows it, else what the snapshot allows.
 */
export function defaultSyncFlag(snapshot: SupportSnapshot, environment: Environment, provider: Provider): SyncFlag {
  const allowed = snapshot.tables[environment.os].providers[provider.id]?.syncStates ?? [provider.defaultSync];
  return allowed.includes(provider.defaultSync) ? provider.defaultSync : allowed[0]!;
}

/**
 * The providers a user would most likely add beside `except` in the environment, likeliest first: the
 * other built-in defaults, then every other usable provider in the data's order.
 */
export function otherProviders(snapshot: SupportSnapshot, environment: Environment, providers: Provider[], except: string): Provider[] {
  const defaults = snapshot.tables[environment.os].defaults[environment.browser] ?? [];
  const candidates = [...defaults.map((id) => providers.find((p) => p.id === id)!), ...providers];
  return [...new Set(candidates)].filter((p) => p.id !== except && isUsable(snapshot, environment, p.id));
}

/** The provider a user would most likely add beside `except` in the environment. Null when none. */
export function anotherProvider(snapshot: SupportSnapshot, environment: Environment, providers: Provider[], except: string): Provider | null {
  return otherProviders(snapshot, environment, providers, except)[0] ?? null;
}
