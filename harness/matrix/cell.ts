import type { Environment, Provider, SupportSnapshot, SupportStatus, SyncFlag } from './schema';
import { SyncFlag as SyncFlagSchema } from './schema';

export const SYNC_FLAGS: readonly SyncFlag[] = SyncFlagSchema.options;

/** One environment x provider x sync flag, and whether the support data says it can exist. */
export interface Cell {
  /** `windows-edge/windows-hello/device-bound` */
  id: string;
  environment: Environment;
  provider: Provider;
  sync: SyncFlag;
  support: SupportStatus;
  /** null when the cell can exist and is run; else why it is not applicable. */
  notApplicableReason: string | null;
}

export function cellId(environmentId: string, providerId: string, sync: SyncFlag): string {
  return `${environmentId}/${providerId}/${sync}`;
}

const STATUS_WORDS: Record<Exclude<SupportStatus, 'usable'>, string> = {
  'not-usable': 'is not usable in',
  'coming-soon': 'is coming soon (not yet usable) in',
  'not-applicable': 'does not exist in',
};

/** Builds the cell and, from the snapshot, says why it cannot exist when it cannot. */
export function makeCell(
  environment: Environment,
  provider: Provider,
  sync: SyncFlag,
  snapshot: SupportSnapshot,
): Cell {
  const row = snapshot.tables[environment.os].providers[provider.id];
  if (!row) throw new Error(`Snapshot ${snapshot.id} has no row for ${provider.id} on ${environment.os}`);
  const support = row.support[environment.browser];
  if (!support) throw new Error(`Snapshot ${snapshot.id} has no ${environment.browser} status for ${provider.id}`);
  const because = row.notes.map((note) => ` ${asSentence(note)}`).join('');
  let notApplicableReason: string | null = null;
  if (support !== 'usable') {
    notApplicableReason = `${provider.name} ${STATUS_WORDS[support]} ${environment.label} (support snapshot ${snapshot.id}).${because}`;
  } else if (!row.syncStates.includes(sync)) {
    notApplicableReason =
      `A ${provider.name} passkey made in ${environment.label} is never ${describeSync(sync)}` +
      ` (support snapshot ${snapshot.id}: it can be ${row.syncStates.map(describeSync).join(' or ')}).${because}`;
  }
  return {
    id: cellId(environment.id, provider.id, sync),
    environment,
    provider,
    sync,
    support,
    notApplicableReason,
  };
}

function asSentence(note: string): string {
  return /[.!?]$/.test(note) ? note : `${note}.`;
}

/** How a person says a sync flag. */
export function describeSync(sync: SyncFlag): string {
  switch (sync) {
    case 'synced':
      return 'synced (BE=1, BS=1)';
    case 'eligible':
      return 'backup-eligible but not backed up (BE=1, BS=0)';
    case 'device-bound':
      return 'device-bound (BE=0, BS=0)';
  }
}

/** Every cell of the matrix, in a stable order: environments, then providers, then sync flags. */
export function expandCells(
  environments: Environment[],
  providers: Provider[],
  snapshot: SupportSnapshot,
): Cell[] {
  return environments.flatMap((environment) =>
    providers.flatMap((provider) => SYNC_FLAGS.map((sync) => makeCell(environment, provider, sync, snapshot))),
  );
}
