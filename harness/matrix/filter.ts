import type { Environment, Provider } from './schema';
import { DataError } from './dataError';

/** Which part of the matrix a run covers; empty lists mean all. */
export interface MatrixFilter {
  environments: string[];
  providers: string[];
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
  const check = (ids: string[], known: string[], what: string, field: string) => {
    for (const id of ids) {
      if (!known.includes(id)) {
        throw new DataError(`${origin} ${field}: unknown ${what} "${id}"; use one of ${known.join(', ')}.`);
      }
    }
  };
  check(filter.environments, environments.map((e) => e.id), 'environment', 'environments');
  check(filter.providers, providers.map((p) => p.id), 'provider', 'providers');
}

export function applyFilter<T extends { id: string }>(items: T[], ids: string[]): T[] {
  return ids.length === 0 ? items : items.filter((item) => ids.includes(item.id));
}
