import type { Cell } from '../matrix/cell';
import type { Environment, Provider, SupportSnapshot } from '../matrix/schema';
import { isUsable, syncsHere } from '../matrix/support';

/** What a careful RP says before and after a passkey is created, computed from the data alone. */
export interface CreationExpectation {
  /** Providers the RP may name as where a passkey from here will most likely be saved; empty: none built in. */
  likelyProviders: string[];
  /**
   * The "this passkey will not sync" warning before creating: required when no default provider
   * syncs from here (Windows Hello in Edge on Windows), forbidden when every one does, and either
   * when it depends on the device (Chrome on Windows: GPM with a TPM, else Windows Hello).
   */
  noSyncWarning: 'required' | 'forbidden' | 'either';
  /** The names (and aliases) the RP may give those providers. */
  likelyProviderNames: string[];
  /** The names of the providers that cannot be used here at all: naming one as where the passkey may go would mislead. */
  unusableProviderNames: string[];
  /** After creating a device-bound passkey, the nudge to add one in another provider. */
  deviceBoundAdvice: boolean;
  /** After creating a passkey that can sync but is not backed up yet (BE=1, BS=0): the warning that it is only here until it is. */
  notBackedUpAdvice: boolean;
}

export function beforeCreation(snapshot: SupportSnapshot, environment: Environment): Pick<CreationExpectation, 'likelyProviders' | 'noSyncWarning'> {
  const likelyProviders = snapshot.tables[environment.os].defaults[environment.browser] ?? [];
  const syncing = likelyProviders.filter((id) => syncsHere(snapshot, environment, id));
  const noSyncWarning =
    likelyProviders.length === 0 ? 'either' : syncing.length === 0 ? 'required' : syncing.length === likelyProviders.length ? 'forbidden' : 'either';
  return { likelyProviders, noSyncWarning };
}

export function creationExpectation(snapshot: SupportSnapshot, cell: Cell, providers: Provider[]): CreationExpectation {
  const before = beforeCreation(snapshot, cell.environment);
  const names = (chosen: Provider[]) => chosen.flatMap((p) => [p.name, ...p.aliases]);
  return {
    ...before,
    likelyProviderNames: names(providers.filter((p) => before.likelyProviders.includes(p.id))),
    unusableProviderNames: names(providers.filter((p) => !isUsable(snapshot, cell.environment, p.id))),
    deviceBoundAdvice: cell.sync === 'device-bound',
    notBackedUpAdvice: cell.sync === 'eligible',
  };
}
