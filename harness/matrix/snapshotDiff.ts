import type { MatrixData } from './load';
import type { Environment, Provider, SupportSnapshot, SupportStatus, SyncFlag } from './schema';
import { SYNC_FLAGS } from './cell';
import { isUsable, syncsHere } from './support';

/** What a cell's expectations are made of, per snapshot. */
export type CellField = 'support' | 'syncs' | 'default' | 'syncStates';

/** The fields in the order a change list gives them. */
export const CELL_FIELDS: readonly CellField[] = ['support', 'syncs', 'default', 'syncStates'];

interface ChangeOf<F extends CellField, V> {
  /** `<environment id>/<provider id>`: the cell without its sync flag (every flag changes alike). */
  cellKey: string;
  environment: string;
  provider: string;
  field: F;
  from: V;
  to: V;
}

/**
 * One way a cell's expectations differ between two snapshots:
 * - support: the support status of the provider in the environment's browser;
 * - syncs: whether its passkeys sync from there (usable, and `synced` among its sync flags);
 * - default: whether the browser saves new passkeys to it by default;
 * - syncStates: the sync flags a passkey made there can have, which decide the sync cells that run
 *   (compared only where the provider is usable in one of the two snapshots).
 */
export type CellChange =
  | ChangeOf<'support', SupportStatus>
  | ChangeOf<'syncs', boolean>
  | ChangeOf<'default', boolean>
  | ChangeOf<'syncStates', SyncFlag[]>;

type Facts = { support: SupportStatus; syncs: boolean; default: boolean; syncStates: SyncFlag[] };

function factsOf(snapshot: SupportSnapshot, environment: Environment, provider: Provider): Facts {
  const table = snapshot.tables[environment.os];
  const row = table.providers[provider.id];
  // load.ts guarantees every provider has a row with a status for every browser of the table.
  if (!row) throw new Error(`Snapshot ${snapshot.id} has no row for ${provider.id} on ${environment.os}`);
  const support = row.support[environment.browser];
  if (!support) throw new Error(`Snapshot ${snapshot.id} has no ${environment.browser} status for ${provider.id}`);
  return {
    support,
    syncs: syncsHere(snapshot, environment, provider.id),
    default: (table.defaults[environment.browser] ?? []).includes(provider.id),
    // In the flags' own order, so a reordered list in the file is no change.
    syncStates: SYNC_FLAGS.filter((flag) => row.syncStates.includes(flag)),
  };
}

/**
 * The cells (environment x provider) whose expectations differ from `from` to `to`, one record per
 * changed field, in the matrix's order (environments, then providers, then fields).
 */
export function snapshotDiff(data: Pick<MatrixData, 'environments' | 'providers'>, from: SupportSnapshot, to: SupportSnapshot): CellChange[] {
  const changes: CellChange[] = [];
  for (const environment of data.environments) {
    for (const provider of data.providers) {
      const before = factsOf(from, environment, provider);
      const after = factsOf(to, environment, provider);
      const base = { cellKey: `${environment.id}/${provider.id}`, environment: environment.id, provider: provider.id };
      if (before.support !== after.support) changes.push({ ...base, field: 'support', from: before.support, to: after.support });
      if (before.syncs !== after.syncs) changes.push({ ...base, field: 'syncs', from: before.syncs, to: after.syncs });
      if (before.default !== after.default) changes.push({ ...base, field: 'default', from: before.default, to: after.default });
      const usableInEither = isUsable(from, environment, provider.id) || isUsable(to, environment, provider.id);
      if (usableInEither && before.syncStates.join() !== after.syncStates.join()) {
        changes.push({ ...base, field: 'syncStates', from: before.syncStates, to: after.syncStates });
      }
    }
  }
  return changes;
}

/** How many changes there are of each field. */
export function countByField(changes: readonly CellChange[]): Record<CellField, number> {
  const counts: Record<CellField, number> = { support: 0, syncs: 0, default: 0, syncStates: 0 };
  for (const change of changes) counts[change.field] += 1;
  return counts;
}

/** A change's value as a person reads it. */
export function showValue(change: CellChange, side: 'from' | 'to'): string {
  switch (change.field) {
    case 'support':
      return change[side];
    case 'syncs':
      return change[side] ? 'syncs' : 'does not sync';
    case 'default':
      return change[side] ? 'a default' : 'not a default';
    case 'syncStates':
      return change[side].join(', ') || '(none)';
  }
}

/** The changes as a plain-text table with a summary line; says so when nothing changes. */
export function renderSnapshotDiff(from: SupportSnapshot, to: SupportSnapshot, changes: readonly CellChange[]): string {
  const cells = new Set(changes.map((c) => c.cellKey)).size;
  const counts = countByField(changes);
  const byField = CELL_FIELDS.map((field) => `${field}: ${counts[field]}`).join(', ');
  const head = `Support snapshot ${from.id} -> ${to.id}: ${cells} cell(s) change (${byField}).`;
  if (changes.length === 0) return `${head}\nNo cell's expectations change.`;
  const rows = [['cell', 'field', from.id, to.id], ...changes.map((c) => [c.cellKey, c.field, showValue(c, 'from'), showValue(c, 'to')])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [head, '', line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
}
