/**
 * A sample of the map's mutants that fits the time (`npm run mutation -- --sample <n>`): Stryker's own
 * instrumenter lists every mutant of the groups' files as Stryker would make them (fault switches and
 * `// Stryker disable` lines left out, as in a whole run), and the sample takes every k-th, spread
 * evenly over the groups and their files. Each mutant picked is handed to Stryker as its exact place
 * (`file:line:column-line:column`), so the same source always gives the same sample. A place holds
 * every mutant inside it, so a mutant whose place holds more than a few others (a function's body
 * emptied, a long condition made true) is never picked: it would bring dozens with it. The command says
 * how many mutants the places hold, and how many of all could not be picked.
 */
import { readFileSync } from 'node:fs';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import type { MutationGroup } from './coverageMap';
import { faultSwitchReason } from './faultSwitchIgnorer';
import type { GroupRun } from './mutateSelection';

type InstrumenterLogger = ConstructorParameters<typeof Instrumenter>[0];
type InstrumenterOptions = Parameters<Instrumenter['instrument']>[1];
type StrykerIgnorer = InstrumenterOptions['ignorers'][number];

interface Position {
  /** 0-based, as Stryker's instrumenter gives it. */
  line: number;
  /** 0-based. */
  column: number;
}

/** One mutant Stryker would judge: where it is, and the group that judges it. */
export interface MutantPlace {
  groupId: string;
  file: string;
  start: Position;
  end: Position;
}

/** The instrumenter's log goes nowhere but warnings and errors, as a Stryker run logs at "info" and above. */
const quietLogger: InstrumenterLogger = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => true,
  isErrorEnabled: () => true,
  isFatalEnabled: () => true,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  fatal: (message: string) => console.error(message),
};

/** Every mutant of the groups' files Stryker would judge (not ignored), in the map's order, then by place. */
export async function listMutants(groups: readonly MutationGroup[], root: string): Promise<MutantPlace[]> {
  const places: MutantPlace[] = [];
  for (const group of groups) {
    const files = group.files.map((name) => ({ name, content: readFileSync(`${root}/${name}`, 'utf8'), mutate: true as const }));
    // The same ignorer the run loads as a plugin; its AstPath is the part of Babel's NodePath it reads.
    const faultSwitches = { shouldIgnore: faultSwitchReason } as unknown as StrykerIgnorer;
    const { mutants } = await new Instrumenter(quietLogger).instrument(files, { plugins: null, excludedMutations: [], ignorers: [faultSwitches] });
    const judged = mutants.filter((m) => m.status === undefined);
    judged.sort((a, b) => group.files.indexOf(a.fileName) - group.files.indexOf(b.fileName) || compare(a.location.start, b.location.start) || compare(a.location.end, b.location.end));
    places.push(...judged.map((m) => ({ groupId: group.id, file: m.fileName, start: m.location.start, end: m.location.end })));
  }
  return places;
}

export interface MutantSample {
  runs: GroupRun[];
  /** Places picked. */
  picked: number;
  /** Mutants the picked places hold, which is what Stryker will judge. */
  judged: number;
  /** Mutants of the selected groups in all. */
  total: number;
  /** Mutants never picked because their place holds more than MAX_HELD mutants. */
  tooBig: number;
}

/** The most mutants a picked place may hold: its own (several mutators often share a place) and those inside it. */
export const MAX_HELD = 8;

/**
 * About `size` mutants: every k-th place that holds at most MAX_HELD mutants, the first half a stride
 * in, k chosen so that the places hold at most `size` mutants in all; each group runs only its places.
 */
export function sampleRuns(groups: readonly MutationGroup[], mutants: readonly MutantPlace[], size: number): MutantSample {
  const places = [...new Map(mutants.map((m) => [strykerRange(m), m])).values()];
  const heldBy = new Map(places.map((place) => [place, mutants.filter((m) => m.file === place.file && within(m, place))]));
  const pickable = places.filter((place) => heldBy.get(place)!.length <= MAX_HELD);
  const pick = (count: number) => {
    const stride = pickable.length / count;
    return Array.from({ length: count }, (_, i) => pickable[Math.floor(i * stride + stride / 2)]!);
  };
  const judgedBy = (picked: MutantPlace[]) => new Set(picked.flatMap((place) => heldBy.get(place)!));
  // The most places whose mutants stay within `size` (at least one place).
  let [low, high] = [1, Math.max(1, pickable.length)];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (judgedBy(pick(mid)).size <= size) low = mid;
    else high = mid - 1;
  }
  const picked = pickable.length ? pick(low) : [];
  const pickableRanges = new Set(pickable.map(strykerRange));
  const runs = groups
    .map((group) => ({ group, mutate: picked.filter((p) => p.groupId === group.id).map(strykerRange) }))
    .filter((run) => run.mutate.length > 0);
  return {
    runs,
    picked: picked.length,
    judged: judgedBy(picked).size,
    total: mutants.length,
    tooBig: mutants.filter((m) => !pickableRanges.has(strykerRange(m))).length,
  };
}

/** Stryker's range syntax: 1-based lines, 0-based columns. */
export function strykerRange(place: MutantPlace): string {
  return `${place.file}:${place.start.line + 1}:${place.start.column}-${place.end.line + 1}:${place.end.column}`;
}

function within(inner: MutantPlace, outer: MutantPlace): boolean {
  return compare(outer.start, inner.start) <= 0 && compare(inner.end, outer.end) <= 0;
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}
