import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FEATURE_MEMBERS, type RpAdapter, type RpFeature } from './adapter';
import { fixtureAdapter } from './fixtureAdapter';
import { RUN_VARS } from '../plan/runOptions';

/** How a user names the adapter module, in messages about it. */
const RP_ADAPTER_VAR = RUN_VARS.rpAdapter;

const REQUIRED = ['register', 'signOut', 'signIn', 'signedInAs'] as const;
const HOW = 'see docs/own-rp.md';

/** A bad adapter module: the message names the file, the member and the fix. */
export class AdapterError extends Error {
  override name = 'AdapterError';
}

/** The adapter a run drives its RP with: the given module's (an absolute path), else the fixture RP's own. */
export async function loadAdapter(file: string | null): Promise<RpAdapter> {
  if (!file) return fixtureAdapter;
  return checkAdapter(await importAdapterModule(file), file);
}

/** What the adapter module exports, unchecked: its default export, else its export "adapter". */
export async function importAdapterModule(file: string): Promise<unknown> {
  if (!existsSync(file)) throw new AdapterError(`${RP_ADAPTER_VAR} ${file}: no such file; give the path of a module that exports an RpAdapter (${HOW}).`);
  let exports: { default?: unknown; adapter?: unknown };
  try {
    exports = (await import(pathToFileURL(file).href)) as typeof exports;
  } catch (error) {
    throw new AdapterError(`${RP_ADAPTER_VAR} ${file}: the module does not load: ${(error as Error).message.split('\n')[0]}`);
  }
  return exports.default ?? exports.adapter;
}

/** Checks an adapter's shape, so a missing method is said at the start, not as a failed cell. */
/** Whether an adapter has a feature's member: the clock is an object with methods; every other member is a method. */
export function memberPresent(adapter: Record<string, unknown>, member: string): boolean {
  const value = adapter[member];
  return member === 'clock' ? typeof (value as { advance?: unknown } | undefined)?.advance === 'function' : typeof value === 'function';
}

export function checkAdapter(candidate: unknown, file: string): RpAdapter {
  const where = `${RP_ADAPTER_VAR} ${file}`;
  if (typeof candidate !== 'object' || candidate === null) {
    throw new AdapterError(`${where}: export the adapter as the module's default export (or as "adapter"), an object implementing RpAdapter (${HOW}).`);
  }
  const adapter = candidate as Record<string, unknown>;
  if (typeof adapter.name !== 'string' || !adapter.name.trim()) throw new AdapterError(`${where}: "name" must be the RP's name, a non-empty string.`);
  for (const method of REQUIRED) {
    if (typeof adapter[method] !== 'function') throw new AdapterError(`${where}: no method "${method}"; every adapter implements it (${HOW}).`);
  }
  const lacks = (adapter.lacks ?? {}) as Record<string, unknown>;
  for (const [feature, reason] of Object.entries(lacks)) {
    if (!(feature in FEATURE_MEMBERS)) {
      throw new AdapterError(`${where}: lacks."${feature}" is not a feature; use one of ${Object.keys(FEATURE_MEMBERS).join(', ')}.`);
    }
    if (typeof reason !== 'string' || !reason.trim()) throw new AdapterError(`${where}: lacks."${feature}" must say why, in words for the report.`);
  }
  for (const [feature, members] of Object.entries(FEATURE_MEMBERS) as [RpFeature, (keyof RpAdapter)[]][]) {
    if (feature in lacks) continue;
    for (const member of members) {
      if (!memberPresent(adapter, member)) {
        throw new AdapterError(`${where}: no "${member}"; implement it, or declare lacks."${feature}" with the reason the RP has none.`);
      }
    }
  }
  const lifetime = adapter.emailLinkLifetimeSeconds;
  if (lifetime !== undefined && !(typeof lifetime === 'number' && Number.isInteger(lifetime) && lifetime >= 2)) {
    throw new AdapterError(`${where}: "emailLinkLifetimeSeconds" must be the whole number of seconds the RP tells users its sign-in links work (2 or more), or left out.`);
  }
  return candidate as RpAdapter;
}
