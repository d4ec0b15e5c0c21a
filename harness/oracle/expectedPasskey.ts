import type { Cell } from '../matrix/cell';
import type { BrowserId, OsId, SyncFlag } from '../matrix/schema';

/** What a careful RP shows for the passkey a cell's provider just created. */
export interface ExpectedPasskey {
  /** Names the RP may rightly show; empty when the provider has no public AAGUID (the RP must say it does not know). */
  providerNames: string[];
  /** The provider whose icon the RP must show (its id); null for a provider with no public AAGUID (a generic icon). */
  providerIcon: string | null;
  sync: SyncFlag;
  createdIn: { os: OsId; browser: BrowserId };
}

/** Computed from the cell's data alone, never from what the RP says. */
export function expectedPasskey(cell: Cell): ExpectedPasskey {
  const { provider, environment, sync } = cell;
  return {
    providerNames: provider.aaguid ? [provider.name, ...provider.aliases] : [],
    providerIcon: provider.aaguid ? provider.id : null,
    sync,
    createdIn: { os: environment.os, browser: environment.browser },
  };
}
