import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCapabilities, loadEnvironments, loadProviders, loadSnapshot, loadMatrixData, selectSnapshot } from './load';
import { DataError } from './dataError';
import { validateFilter } from './filter';

const dataDir = fileURLToPath(new URL('./data/', import.meta.url));
const read = (name: string) => JSON.parse(readFileSync(path.join(dataDir, name), 'utf8'));

/** Writes `value` as a data file in a fresh folder and returns its path. */
function writeTemp(name: string, value: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pm-data-')), name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as Error).message;
  }
  throw new Error('expected a DataError');
}

test('a typo in a provider is an error naming the file, the entry and the field', () => {
  const file = read('providers.json');
  file.providers[3].aaguid = 'not-an-aaguid';
  file.providers[4].transports = ['usb', 'carrier-pigeon'];
  const message = errorOf(() => loadProviders(writeTemp('providers.json', file)));
  expect(message).toContain(`providers[3] (id "${file.providers[3].id}").aaguid`);
  expect(message).toContain(`providers[4] (id "${file.providers[4].id}").transports[1]`);
  expect(message).toContain('providers.json');
});

test('an unknown key, a duplicate id and broken JSON are errors too', () => {
  const env = read('environments.json');
  env.environments[0].userAgnet = 'typo';
  expect(errorOf(() => loadEnvironments(writeTemp('environments.json', env)))).toMatch(/environments\[0\].*userAgnet/);

  const dup = read('environments.json');
  dup.environments[1].id = dup.environments[0].id;
  dup.environments[1].os = dup.environments[0].os;
  dup.environments[1].browser = dup.environments[0].browser;
  expect(errorOf(() => loadEnvironments(writeTemp('environments.json', dup)))).toMatch(/used twice/);

  expect(errorOf(() => loadProviders(writeTemp('providers.json', '{ "providers": [')))).toMatch(/not valid JSON/);
});

test('a snapshot missing a provider row or a browser is an error naming the table', () => {
  const environments = loadEnvironments();
  const providers = loadProviders();
  const snapshot = read('snapshots/2024-12.json');
  delete snapshot.tables.android.providers['1password'];
  expect(errorOf(() => loadSnapshot(writeTemp('2024-12.json', snapshot), environments, providers))).toMatch(
    /tables\.android\.providers: no row for provider "1password"/,
  );

  const noSafari = read('snapshots/2024-12.json');
  delete noSafari.tables.macos.providers['icloud-keychain'].support.safari;
  expect(errorOf(() => loadSnapshot(writeTemp('2024-12.json', noSafari), environments, providers))).toMatch(
    /tables\.macos\.providers\.icloud-keychain\.support: no status for browser "safari"/,
  );

  const badStatus = read('snapshots/2024-12.json');
  badStatus.tables.linux.providers['google-password-manager'].support.chrome = 'yes';
  expect(errorOf(() => loadSnapshot(writeTemp('2024-12.json', badStatus), environments, providers))).toMatch(
    /tables\.linux\.providers\.google-password-manager\.support\.chrome/,
  );
});

test('a citation a snapshot does not list is an error naming the field and the known ones', () => {
  const environments = loadEnvironments();
  const providers = loadProviders();
  const snapshot = read('snapshots/2026-11.json');
  snapshot.tables.ios.providers['google-password-manager'].cite = ['chrome-help-ios', 'a-blog-nobody-listed'];
  expect(errorOf(() => loadSnapshot(writeTemp('2026-11.json', snapshot), environments, providers))).toMatch(
    /2026-11\.json: tables\.ios\.providers\.google-password-manager\.cite\[1\]: unknown citation "a-blog-nobody-listed"; add it to "citations" or use one of passkeys-dev, /,
  );

  const noCitations = read('snapshots/2024-12.json');
  noCitations.tables.windows.defaultsCite = ['passkeys-dev'];
  expect(errorOf(() => loadSnapshot(writeTemp('2024-12.json', noCitations), environments, providers))).toMatch(
    /tables\.windows\.defaultsCite\[0\]: unknown citation "passkeys-dev"; add a "citations" object with "passkeys-dev" to the snapshot/,
  );

  const badStanding = read('snapshots/2026-11.json');
  badStanding.citations['passkeys-dev'].standing = 'official';
  expect(errorOf(() => loadSnapshot(writeTemp('2026-11.json', badStanding), environments, providers))).toMatch(/citations\.passkeys-dev\.standing/);
});

test('snapshots load oldest first, so the newest is the default: 2026-11 after 2024-12', () => {
  const data = loadMatrixData();
  const ids = data.snapshots.map((s) => s.id);
  expect(ids).toEqual([...ids].sort());
  expect(ids.slice(0, 2)).toEqual(['2024-12', '2026-11']);
  expect(selectSnapshot(data).id).toBe(ids.at(-1));
  expect(selectSnapshot(data, '2024-12').id).toBe('2024-12');
});

test('unknown ids in a filter or snapshot selection name the valid ones', () => {
  const data = loadMatrixData();
  expect(
    errorOf(() => validateFilter({ environments: ['windows-egde'], providers: [], syncs: [], scenarios: [] }, data.environments, data.providers, '--env:')),
  ).toMatch(/unknown environment "windows-egde"; use one of .*windows-edge/);
  expect(
    errorOf(() => validateFilter({ environments: [], providers: ['lastpass'], syncs: [], scenarios: [] }, data.environments, data.providers, '--provider:')),
  ).toMatch(/unknown provider "lastpass"; use one of .*1password/);
  expect(
    errorOf(() => validateFilter({ environments: [], providers: [], syncs: ['backed-up'], scenarios: [] }, data.environments, data.providers, '--sync:')),
  ).toMatch(/unknown sync state "backed-up"; use one of synced, eligible, device-bound/);
  expect(
    errorOf(() => validateFilter({ environments: [], providers: [], syncs: [], scenarios: ['no-such-story'] }, data.environments, data.providers, '--scenario:')),
  ).toMatch(/unknown scenario "no-such-story"; use one of .*register-and-sign-in/);
  expect(errorOf(() => selectSnapshot(data, '1999-01'))).toMatch(/Unknown support snapshot "1999-01"; use one of 2024-12/);
  expect(selectSnapshot(data).id).toBe(data.snapshots.at(-1)!.id);
});

test('a capability profile missing for an environment, or for an unknown one, is an error', () => {
  const environments = loadEnvironments();
  const file = read('capabilities.json');
  delete file.environments['ios-edge'];
  expect(errorOf(() => loadCapabilities(environments, writeTemp('capabilities.json', file)))).toMatch(
    /environments: no profile for "ios-edge"/,
  );
  const typo = read('capabilities.json');
  typo.environments['windows-chrome'].profile['signal-apis'] = true;
  expect(errorOf(() => loadCapabilities(environments, writeTemp('capabilities.json', typo)))).toMatch(
    /environments\.windows-chrome\.profile/,
  );
});
