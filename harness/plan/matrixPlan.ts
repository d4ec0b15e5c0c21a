/**
 * What a run runs, decided once: the cells its selection covers, those the support data rules out
 * (and why), and which cell runs each check made once per environment (or sync state).
 *
 * The runner's config makes the plan from the run's options; its selection (plain JSON) reaches the
 * workers as a project option and the reporter as its option, and each rebuilds the same plan from
 * it. Every decision about a cell is a method here: nothing else derives one.
 */
import { z } from 'zod';
import { expandCells, makeCell, SYNC_FLAGS, type Cell } from '../matrix/cell';
import { checkedOnce, type CheckedOnce } from '../matrix/checkedOnce';
import { DataError } from '../matrix/dataError';
import { applyFilter, scenarioIds, validateFilter, type MatrixFilter } from '../matrix/filter';
import { selectSnapshot, type MatrixData } from '../matrix/load';
import { SyncFlag, type Environment, type Provider, type SupportSnapshot } from '../matrix/schema';

export const LAYOUTS = ['reuse', 'plain'] as const;
/** How cells get their browser pages: kept and reset (the default), or new ones per test, for the benchmark's comparison. */
export type Layout = (typeof LAYOUTS)[number];

/** The run's selection, every list spelled out: what travels from the config to workers and reporter. */
export const PlanSelection = z.object({
  environments: z.array(z.string()),
  /** Whether the run named its environments (`--env`): the report then lists each, even one whose every cell is ruled out. */
  environmentsNamed: z.boolean(),
  providers: z.array(z.string()),
  syncs: z.array(SyncFlag),
  /** The scenarios asked for; empty: every file in scenarios/. */
  scenarios: z.array(z.string()),
  snapshot: z.string(),
  layout: z.enum(LAYOUTS),
});
export type PlanSelection = z.infer<typeof PlanSelection>;

/** What a run was asked for, before checking: a filter (empty lists mean all), a snapshot id, a layout. */
export interface PlanRequest {
  selection: MatrixFilter;
  snapshot: string | undefined;
  layout: string | undefined;
}

/**
 * Checks a request against the data and spells out its lists. A bad id throws a DataError naming
 * `origin` (the flags or variables it came from) and the ids there are.
 */
export function planSelection(data: MatrixData, request: PlanRequest, origin: string): PlanSelection {
  validateFilter(request.selection, data.environments, data.providers, origin);
  const layout = request.layout ?? 'reuse';
  if (!(LAYOUTS as readonly string[]).includes(layout)) {
    throw new DataError(`${origin} layout: "${layout}" is not a layout; use one of ${LAYOUTS.join(', ')}.`);
  }
  const { selection } = request;
  return {
    environments: applyFilter(data.environments, selection.environments).map((e) => e.id),
    environmentsNamed: selection.environments.length > 0,
    providers: applyFilter(data.providers, selection.providers).map((p) => p.id),
    syncs: SYNC_FLAGS.filter((sync) => selection.syncs.length === 0 || selection.syncs.includes(sync)),
    scenarios: selection.scenarios,
    snapshot: selectSnapshot(data, request.snapshot).id,
    layout: layout as Layout,
  };
}

/** The whole matrix under the newest snapshot: the plan of a test that sets none (the harness's own tests). */
export function wholeMatrix(data: MatrixData): PlanSelection {
  return planSelection(data, { selection: { environments: [], providers: [], syncs: [], scenarios: [] }, snapshot: undefined, layout: undefined }, 'the whole matrix');
}

export class MatrixPlan {
  readonly snapshot: SupportSnapshot;
  readonly environments: Environment[];
  readonly providers: Provider[];

  constructor(
    readonly data: MatrixData,
    readonly selection: PlanSelection,
  ) {
    this.snapshot = selectSnapshot(data, selection.snapshot);
    this.environments = data.environments.filter((e) => selection.environments.includes(e.id));
    this.providers = data.providers.filter((p) => selection.providers.includes(p.id));
  }

  get syncs(): readonly SyncFlag[] {
    return this.selection.syncs;
  }

  get layout(): Layout {
    return this.selection.layout;
  }

  /** The scenario ids the run covers. */
  scenarios(): string[] {
    return this.selection.scenarios.length ? this.selection.scenarios : scenarioIds();
  }

  environment(id: string): Environment {
    const found = this.data.environments.find((e) => e.id === id);
    if (!found) throw new DataError(`unknown environment "${id}"; use one of ${this.data.environments.map((e) => e.id).join(', ')}.`);
    return found;
  }

  /** Any cell of the matrix, selected or not, with the support data's verdict on whether it can exist. */
  cell(environmentId: string, providerId: string, sync: SyncFlag): Cell {
    const provider = this.data.providers.find((p) => p.id === providerId);
    if (!provider) throw new DataError(`unknown provider "${providerId}"; use one of ${this.data.providers.map((p) => p.id).join(', ')}.`);
    return makeCell(this.environment(environmentId), provider, sync, this.snapshot);
  }

  /** Whether the run selected the cell's provider and sync state: an environment's project may also run by its name alone. */
  coversProviderAndSync(cell: Cell): boolean {
    return this.selection.providers.includes(cell.provider.id) && this.selection.syncs.includes(cell.sync);
  }

  /** Every cell of the matrix, selected or not, in the matrix's order. */
  allCells(): Cell[] {
    return expandCells(this.data.environments, this.data.providers, this.snapshot);
  }

  /** Every cell of the selection, in the matrix's order: environments, then providers, then sync states. */
  cells(environments: Environment[] = this.environments): Cell[] {
    return expandCells(environments, this.providers, this.snapshot).filter((cell) => this.syncs.includes(cell.sync));
  }

  /** The environment's selected cells the support data rules out: no test runs there, the report says why. */
  ruledOut(environment: Environment): Cell[] {
    return this.cells([environment]).filter((cell) => cell.notApplicableReason !== null);
  }

  /** The cells of an environment with another provider or sync state than those selected: the run leaves their tests out. */
  notSelected(environment: Environment): Cell[] {
    return expandCells([environment], this.data.providers, this.snapshot).filter((cell) => !this.coversProviderAndSync(cell));
  }

  /** The cell that runs a check of `scope` for the cells of `environment` and `sync`: the first of the selection that can exist. */
  checkingCell(environment: Environment, sync: SyncFlag, scope: CheckedOnce): Cell | null {
    return this.sharing(environment, sync, scope)[0] ?? null;
  }

  /** The other cells that take the verdict of `checking`, which ran the check. */
  takingVerdict(checking: Cell, scope: CheckedOnce): Cell[] {
    return this.sharing(checking.environment, checking.sync, scope).filter((cell) => cell.id !== checking.id);
  }

  /** The cells of `environment` that do not run a check of `scope` themselves. */
  checkedElsewhere(environment: Environment, scope: CheckedOnce): Cell[] {
    if (this.layout === 'plain') return [];
    return this.cells([environment]).filter((cell) => cell.notApplicableReason === null && this.checkingCell(environment, cell.sync, scope)?.id !== cell.id);
  }

  /**
   * Why a test with these tags does not run in the cell, or null when it runs: the cell is outside
   * the selection, or ruled out (`notApplicable`), or takes the verdict of the cell that runs
   * the check. The config leaves such tests out; this says why to a test run by its title alone.
   */
  whyNotRun(cell: Cell, tags: readonly string[]): { reason: string; notApplicable: boolean } | null {
    if (!this.coversProviderAndSync(cell)) return { reason: `outside this run's selection (${cell.id})`, notApplicable: false };
    if (cell.notApplicableReason) return { reason: cell.notApplicableReason, notApplicable: true };
    const once = checkedOnce(tags);
    if (!once || this.layout === 'plain') return null;
    const checking = this.checkingCell(cell.environment, cell.sync, once);
    if (checking?.id === cell.id) return null;
    return { reason: `checked once per ${once.replaceAll('-', ' ')}, in ${checking?.id ?? 'no cell of this run'}`, notApplicable: false };
  }

  /** The selected cells, able to exist, that share a check of `scope` with the cells of `environment` and `sync`. */
  private sharing(environment: Environment, sync: SyncFlag, scope: CheckedOnce): Cell[] {
    return this.cells([environment]).filter((cell) => cell.notApplicableReason === null && (scope === 'environment' || cell.sync === sync));
  }
}
