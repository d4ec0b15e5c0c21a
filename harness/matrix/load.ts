import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  CapabilitiesFile,
  EnvironmentsFile,
  ProvidersFile,
  SupportSnapshot,
  type CapabilityProfile,
  type Environment,
  type Provider,
} from './schema';
import { DataError, parseData } from './dataError';

const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));
const REPO_ROOT = path.resolve(DATA_DIR, '../../..');

/** All the data a run is computed from, validated. */
export interface MatrixData {
  environments: Environment[];
  providers: Provider[];
  snapshots: SupportSnapshot[];
  /** Capability profile of each environment's real browser, by environment id. */
  capabilities: Record<string, CapabilityProfile>;
}

function readJson(file: string): unknown {
  const shown = path.relative(REPO_ROOT, file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new DataError(`${shown}: cannot read the file. Restore it from the repository.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError(`${shown}: not valid JSON (${(error as Error).message}). Fix the syntax.`);
  }
}

function relative(file: string): string {
  return path.relative(REPO_ROOT, file);
}

export function loadEnvironments(file = path.join(DATA_DIR, 'environments.json')): Environment[] {
  const { environments } = parseData(EnvironmentsFile, readJson(file), relative(file));
  assertUnique(environments.map((e) => e.id), relative(file), 'environments');
  for (const [i, env] of environments.entries()) {
    if (env.id !== `${env.os}-${env.browser}`) {
      throw new DataError(
        `${relative(file)}: environments[${i}] (id "${env.id}").id: must be "${env.os}-${env.browser}" (os-browser).`,
      );
    }
  }
  return environments;
}

export function loadProviders(file = path.join(DATA_DIR, 'providers.json')): Provider[] {
  const { providers } = parseData(ProvidersFile, readJson(file), relative(file));
  assertUnique(providers.map((p) => p.id), relative(file), 'providers');
  return providers;
}

export function loadSnapshot(file: string, environments: Environment[], providers: Provider[]): SupportSnapshot {
  const shown = relative(file);
  const snapshot = parseData(SupportSnapshot, readJson(file), shown);
  if (path.basename(file) !== `${snapshot.id}.json`) {
    throw new DataError(`${shown}: id "${snapshot.id}" must match the file name; rename the file or fix the id.`);
  }
  checkSnapshotCoverage(snapshot, environments, providers, shown);
  checkCitations(snapshot, shown);
  return snapshot;
}

/** Every `cite` names one of the snapshot's `citations`, so each fact can be traced to its source. */
function checkCitations(snapshot: SupportSnapshot, shown: string): void {
  const known = Object.keys(snapshot.citations ?? {});
  const check = (ids: string[] | undefined, field: string) => {
    for (const [i, id] of (ids ?? []).entries()) {
      if (!known.includes(id)) {
        const fix = known.length ? `add it to "citations" or use one of ${known.join(', ')}` : `add a "citations" object with "${id}" to the snapshot`;
        throw new DataError(`${shown}: ${field}[${i}]: unknown citation "${id}"; ${fix}.`);
      }
    }
  };
  for (const [os, table] of Object.entries(snapshot.tables)) {
    check(table.defaultsCite, `tables.${os}.defaultsCite`);
    for (const [providerId, row] of Object.entries(table.providers)) check(row.cite, `tables.${os}.providers.${providerId}.cite`);
  }
}

/** Every environment's browser is in its OS table, and every provider has a row in every table. */
function checkSnapshotCoverage(
  snapshot: SupportSnapshot,
  environments: Environment[],
  providers: Provider[],
  shown: string,
): void {
  for (const [os, table] of Object.entries(snapshot.tables)) {
    const expectedBrowsers = environments.filter((e) => e.os === os).map((e) => e.browser);
    const missing = expectedBrowsers.filter((b) => !table.browsers.includes(b));
    const extra = table.browsers.filter((b) => !expectedBrowsers.includes(b));
    if (missing.length || extra.length) {
      throw new DataError(
        `${shown}: tables.${os}.browsers: must list exactly the ${os} environments' browsers` +
          ` (${expectedBrowsers.join(', ')}); missing [${missing.join(', ')}], unknown [${extra.join(', ')}].`,
      );
    }
    for (const provider of providers) {
      const row = table.providers[provider.id];
      if (!row) {
        throw new DataError(`${shown}: tables.${os}.providers: no row for provider "${provider.id}"; add one.`);
      }
      for (const browser of table.browsers) {
        if (!row.support[browser]) {
          throw new DataError(
            `${shown}: tables.${os}.providers.${provider.id}.support: no status for browser "${browser}"; add one.`,
          );
        }
      }
    }
    const known = new Set(providers.map((p) => p.id));
    for (const browser of table.browsers) {
      const defaults = table.defaults[browser];
      if (!defaults) throw new DataError(`${shown}: tables.${os}.defaults: no entry for browser "${browser}"; add one ([] for none).`);
      for (const id of defaults) {
        if (table.providers[id]?.support[browser] !== 'usable') {
          throw new DataError(`${shown}: tables.${os}.defaults.${browser}: "${id}" is not a provider usable there; fix the entry.`);
        }
      }
    }
    for (const id of Object.keys(table.providers)) {
      if (!known.has(id)) {
        throw new DataError(
          `${shown}: tables.${os}.providers.${id}: unknown provider; use one of ${[...known].join(', ')}.`,
        );
      }
    }
  }
}

export function loadCapabilities(
  environments: Environment[],
  file = path.join(DATA_DIR, 'capabilities.json'),
): Record<string, CapabilityProfile> {
  const shown = relative(file);
  const parsed = parseData(CapabilitiesFile, readJson(file), shown);
  const ids = environments.map((e) => e.id);
  for (const id of ids) {
    if (!parsed.environments[id]) throw new DataError(`${shown}: environments: no profile for "${id}"; add one.`);
  }
  for (const id of Object.keys(parsed.environments)) {
    if (!ids.includes(id)) throw new DataError(`${shown}: environments.${id}: unknown environment; use one of ${ids.join(', ')}.`);
  }
  return Object.fromEntries(Object.entries(parsed.environments).map(([id, entry]) => [id, entry.profile]));
}

/** Loads and cross-checks every data file; snapshots sorted oldest first. */
export function loadMatrixData(): MatrixData {
  const environments = loadEnvironments();
  const providers = loadProviders();
  const snapshotDir = path.join(DATA_DIR, 'snapshots');
  const snapshots = readdirSync(snapshotDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => loadSnapshot(path.join(snapshotDir, name), environments, providers));
  if (snapshots.length === 0) {
    throw new DataError(`${relative(snapshotDir)}: no support snapshot found; add one (see its README).`);
  }
  return { environments, providers, snapshots, capabilities: loadCapabilities(environments) };
}

let loaded: MatrixData | undefined;

/** The matrix's data, loaded once per process: every spec file and fixture of a worker reads the same. */
export function matrixData(): MatrixData {
  loaded ??= loadMatrixData();
  return loaded;
}

/** The snapshot with that id, or the newest when no id is given. */
export function selectSnapshot(data: MatrixData, id?: string): SupportSnapshot {
  if (!id) return data.snapshots[data.snapshots.length - 1]!;
  const found = data.snapshots.find((s) => s.id === id);
  if (!found) {
    throw new DataError(
      `Unknown support snapshot "${id}"; use one of ${data.snapshots.map((s) => s.id).join(', ')}.`,
    );
  }
  return found;
}

function assertUnique(ids: string[], file: string, field: string): void {
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) throw new DataError(`${file}: ${field}[${i}].id: "${id}" is used twice; ids must be unique.`);
    seen.add(id);
  }
}
