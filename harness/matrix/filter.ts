import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Environment, Provider } from './schema';
import { SyncFlag } from './schema';
import { DataError } from './dataError';

/** Which part of the matrix a run covers; empty lists mean all. */
export interface MatrixFilter {
  environments: string[];
  providers: string[];
  syncs: string[];
  /** Scenario ids: the file names in scenarios/ without `.spec.ts`. */
  scenarios: string[];
}

export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** Every scenario id, from the files in scenarios/. */
export function scenarioIds(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((name) => name.endsWith('.spec.ts'))
    .map((name) => name.slice(0, -'.spec.ts'.length))
    .sort();
}

/** Parses a comma-separated list from a flag or environment variable. */
export function parseList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Checks every id in the filter exists, naming where it came from and the valid ids. */
export function validateFilter(filter: MatrixFilter, environments: Environment[], providers: Provider[], origin: string): void {
  const check = (ids: string[], known: readonly string[], what: string, field: string) => {
    for (const id of ids) {
      if (!known.includes(id)) {
        throw new DataError(`${origin} ${field}: unknown ${what} "${id}"; use one of ${known.join(', ')}.`);
      }
    }
  };
  check(filter.environments, environments.map((e) => e.id), 'environment', 'environments');
  check(filter.providers, providers.map((p) => p.id), 'provider', 'providers');
  check(filter.syncs, SyncFlag.options, 'sync state', 'sync');
  check(filter.scenarios, scenarioIds(), 'scenario', 'scenarios');
}

export function applyFilter<T extends { id: string }>(items: T[], ids: string[]): T[] {
  return ids.length === 0 ? items : items.filter((item) => ids.includes(item.id));
}
