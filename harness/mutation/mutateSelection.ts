import type { CoverageMap, MutationGroup } from './coverageMap';

/** A group to run and what Stryker mutates in it: its files, or the ranges of them asked for. */
export interface GroupRun {
  group: MutationGroup;
  /** Stryker `mutate` patterns: a file, or `file:startLine[:column]-endLine[:column]`. */
  mutate: string[];
}

/** Bad `--group` or `--mutate`: the message names the option and the fix. */
export class SelectionError extends Error {
  override name = 'SelectionError';
}

/** Stryker's own range syntax after the file name. */
const RANGE = /^(.+?)(?::(\d+)(?::\d+)?-(\d+)(?::\d+)?)?$/;

/**
 * The groups to run. `--group` picks groups (default: all); `--mutate` narrows them to files or line
 * ranges of them, and then only groups holding one of those files run (a sample that fits the time).
 */
export function selectGroupRuns(map: CoverageMap, groupIds: string[], mutate: string[]): GroupRun[] {
  const known = map.groups.map((g) => g.id);
  for (const id of groupIds) {
    if (!known.includes(id)) throw new SelectionError(`--group: unknown group "${id}"; use some of ${known.join(', ')} (scenarios/mutation-coverage.json).`);
  }
  const groups = groupIds.length ? map.groups.filter((g) => groupIds.includes(g.id)) : map.groups;
  if (mutate.length === 0) return groups.map((group) => ({ group, mutate: [...group.files] }));

  const byGroup = new Map<MutationGroup, string[]>();
  for (const pattern of mutate) {
    const match = RANGE.exec(pattern);
    const file = match?.[1] ?? pattern;
    if (match?.[2] !== undefined && Number(match[2]) > Number(match[3])) {
      throw new SelectionError(`--mutate: "${pattern}" ends before it starts; write file.ts:startLine-endLine with startLine <= endLine.`);
    }
    const group = groups.find((g) => g.files.includes(file));
    if (!group) {
      const mapped = groups.flatMap((g) => g.files);
      throw new SelectionError(`--mutate: "${file}" is not a mapped module${groupIds.length ? ' of the groups asked for' : ''}; use one of ${mapped.join(', ')}, optionally with :startLine-endLine.`);
    }
    byGroup.set(group, [...(byGroup.get(group) ?? []), pattern]);
  }
  return [...byGroup].map(([group, patterns]) => ({ group, mutate: patterns }));
}
