import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { expandCells, type Cell } from '../matrix/cell';
import { DataError, parseData } from '../matrix/dataError';
import { scenarioIds } from '../matrix/filter';
import type { MatrixData } from '../matrix/load';
import type { SupportSnapshot } from '../matrix/schema';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Kept beside the scenarios: it says which scenarios judge which module. */
export const COVERAGE_MAP_FILE = 'scenarios/mutation-coverage.json';
const RP_DIR = 'rp-fixture';

const Id = z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes');
const RepoFile = z.string().min(1);
const Why = z.string().min(10, 'say in a sentence why');

/** The matrix subset that judges a group's mutants: the fewest cells that exercise its modules. */
export const MatrixSubset = z.strictObject({
  scenarios: z.array(Id).min(1),
  environments: z.array(Id).min(1),
  providers: z.array(Id).min(1),
  /** Why the subset needs more than 3 environments or 3 providers (a decision that differs in each), said where it does. */
  wide: Why.optional(),
  /**
   * The fixture RP's settings for this subset (rp-fixture/README.md), where a decision is taken only
   * under one: `RP_USER_VERIFICATION: "required"` for the policy the user-verification check needs.
   */
  rpEnv: z.record(z.string().regex(/^RP_[A-Z_]+$/, 'a fixture RP setting: RP_ and capitals'), z.string().regex(/^[A-Za-z0-9_.,-]+$/, 'letters, digits and _.,- only (it goes into a shell command)')).optional(),
});
export type MatrixSubset = z.infer<typeof MatrixSubset>;

/** Decision modules of the fixture RP mutated together, and the subset that judges them. */
export const MutationGroup = z.strictObject({
  id: Id,
  why: Why,
  files: z.array(RepoFile).min(1),
  subset: MatrixSubset,
});
export type MutationGroup = z.infer<typeof MutationGroup>;

export const CoverageMap = z.strictObject({
  $comment: z.string().optional(),
  groups: z.array(MutationGroup).min(1),
  /** Source files of the fixture RP deliberately not mutated, and why. */
  leftOut: z.array(z.strictObject({ why: Why, files: z.array(RepoFile).min(1) })),
});
export type CoverageMap = z.infer<typeof CoverageMap>;

/** Reads and validates the map's shape; `checkCoverageMap` then checks it against the repository. */
export function loadCoverageMap(file = COVERAGE_MAP_FILE): CoverageMap {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path.resolve(REPO_ROOT, file), 'utf8'));
  } catch (error) {
    throw new DataError(`${file}: cannot read it as JSON (${(error as Error).message}). Restore it from the repository or fix the syntax.`);
  }
  return parseData(CoverageMap, value, file);
}

/** Every TypeScript source file of the fixture RP (tests excluded), repository-relative. */
export function rpSourceFiles(root = REPO_ROOT): string[] {
  return (readdirSync(path.join(root, RP_DIR), { recursive: true }) as string[])
    .map((name) => path.posix.join(RP_DIR, name.split(path.sep).join('/')))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort();
}

/** The applicable cells a group's subset runs. */
export function subsetCells(subset: MatrixSubset, data: MatrixData, snapshot: SupportSnapshot): Cell[] {
  const environments = data.environments.filter((e) => subset.environments.includes(e.id));
  const providers = data.providers.filter((p) => subset.providers.includes(p.id));
  return expandCells(environments, providers, snapshot).filter((cell) => cell.notApplicableReason === null);
}

/**
 * Checks the map against the repository and the matrix data: each file is a fixture RP source file,
 * each id exists, each subset has a cell to run, and every source file is mapped or left out exactly
 * once. Returns one line per problem, each naming the file, the field and the fix; empty when sound.
 */
export function coverageMapProblems(map: CoverageMap, data: MatrixData, snapshot: SupportSnapshot, file = COVERAGE_MAP_FILE, root = REPO_ROOT): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const scenarios = scenarioIds();
  const place = (where: string, field: string, message: string) => problems.push(`${file}: ${where}.${field}: ${message}`);

  const checkFiles = (files: string[], where: string) => {
    for (const [i, name] of files.entries()) {
      const field = `files[${i}]`;
      if (!name.startsWith(`${RP_DIR}/`) || name.includes('..')) place(where, field, `"${name}" is not in ${RP_DIR}/; name a fixture RP file relative to the repository root.`);
      else if (name.endsWith('.test.ts')) place(where, field, `"${name}" is a test; name the module it tests.`);
      else if (!existsSync(path.join(root, name))) place(where, field, `"${name}" does not exist; fix the path or remove it.`);
      const before = seen.get(name);
      if (before) place(where, field, `"${name}" is already in ${before}; keep it in one place only.`);
      else seen.set(name, where);
    }
  };

  const ids = new Set<string>();
  for (const [i, group] of map.groups.entries()) {
    const where = `groups[${i}] (id "${group.id}")`;
    if (ids.has(group.id)) place(where, 'id', `"${group.id}" is used twice; give each group its own id.`);
    ids.add(group.id);
    checkFiles(group.files, where);
    const known = (list: string[], valid: string[], field: string, what: string) => {
      for (const [j, id] of list.entries()) if (!valid.includes(id)) place(where, `subset.${field}[${j}]`, `unknown ${what} "${id}"; use one of ${valid.join(', ')}.`);
    };
    known(group.subset.scenarios, scenarios, 'scenarios', 'scenario');
    known(group.subset.environments, data.environments.map((e) => e.id), 'environments', 'environment');
    known(group.subset.providers, data.providers.map((p) => p.id), 'providers', 'provider');
    if (subsetCells(group.subset, data, snapshot).length === 0) {
      place(where, 'subset', `no applicable cell in snapshot ${snapshot.id} (the support data rules out every environment x provider named); pick a provider that exists in one of the environments.`);
    }
  }
  for (const [i, entry] of map.leftOut.entries()) checkFiles(entry.files, `leftOut[${i}]`);

  for (const name of rpSourceFiles(root)) {
    if (!seen.has(name)) problems.push(`${file}: "${name}" is in no group and not in leftOut; add it to the group whose scenarios exercise it, or to leftOut with why.`);
  }
  return problems;
}

/** Loads the map and throws one DataError listing every problem, for the CLI. */
export function checkedCoverageMap(data: MatrixData, snapshot: SupportSnapshot, file = COVERAGE_MAP_FILE): CoverageMap {
  const map = loadCoverageMap(file);
  const problems = coverageMapProblems(map, data, snapshot, file);
  if (problems.length) throw new DataError(problems.join('\n'));
  return map;
}
