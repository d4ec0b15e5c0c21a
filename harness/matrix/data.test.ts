import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { UAParser } from 'ua-parser-js';
import type { z } from 'zod';
import {
  EnvironmentsFile,
  ProvidersFile,
  SupportSnapshot,
  type BrowserId,
  type Environment,
  type OsId,
} from './schema';

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');
const snapshotsDir = path.join(dataDir, 'snapshots');

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Reads a data file and checks it against its schema. A file that fails the schema still gets
 * the cross-checks below (on its raw content), so one schema error does not hide the others.
 */
function load<S extends z.ZodType>(schema: S, file: string) {
  const raw = readJson(file);
  const result = schema.safeParse(raw);
  const data = (result.success ? result.data : raw) as z.infer<S>;
  return { result, data };
}

function schemaErrors(result: { success: boolean; error?: z.ZodError }): string {
  return result.error ? JSON.stringify(result.error.issues, null, 2) : '';
}

const environmentsFile = load(EnvironmentsFile, path.join(dataDir, 'environments.json'));
const providersFile = load(ProvidersFile, path.join(dataDir, 'providers.json'));
const snapshotFiles = readdirSync(snapshotsDir).filter((f) => f.endsWith('.json')).sort();
const environments = environmentsFile.data.environments;
const providers = providersFile.data.providers;

/** What ua-parser-js v1 reports for each OS and browser of the matrix. */
const expectedOsName: Record<OsId, string> = {
  windows: 'Windows',
  macos: 'Mac OS',
  ios: 'iOS',
  android: 'Android',
  linux: 'Linux',
  chromeos: 'Chromium OS',
};
const expectedBrowserName: Record<BrowserId, string[]> = {
  chrome: ['Chrome'],
  edge: ['Edge'],
  firefox: ['Firefox'],
  safari: ['Safari', 'Mobile Safari'],
  'samsung-internet': ['Samsung Internet', 'Samsung Browser'],
};
const vendorBrand: Partial<Record<BrowserId, string>> = {
  chrome: 'Google Chrome',
  edge: 'Microsoft Edge',
  'samsung-internet': 'Samsung Internet',
};
/** The UA token that carries each Chromium-based browser's own major version. */
const vendorToken: Partial<Record<BrowserId, RegExp>> = {
  chrome: /\bChrome\/(\d+)\./,
  edge: /\bEdgA?\/(\d+)\./,
  'samsung-internet': /\bSamsungBrowser\/(\d+)\./,
};
const expectedClientHintsPlatform: Record<OsId, string | null> = {
  windows: 'Windows',
  macos: 'macOS',
  ios: null,
  android: 'Android',
  linux: 'Linux',
  chromeos: 'Chrome OS',
};

function sendsClientHints(env: Environment): boolean {
  return env.os !== 'ios' && env.browser in vendorBrand;
}

function major(version: string): string {
  return version.split('.')[0] ?? '';
}

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

test.describe('environments.json', () => {
  test('matches the EnvironmentsFile schema', () => {
    expect(environmentsFile.result.success, schemaErrors(environmentsFile.result)).toBe(true);
  });

  test('ids are unique and each id is <os>-<browser>', () => {
    expect(duplicates(environments.map((e) => e.id))).toEqual([]);
    for (const env of environments) expect(env.id).toBe(`${env.os}-${env.browser}`);
  });

  for (const env of environments) {
    test(`${env.id}: the user agent parses as ${env.label}`, () => {
      const result = new UAParser(env.userAgent).getResult();
      expect(result.os.name).toBe(expectedOsName[env.os]);
      expect(expectedBrowserName[env.browser]).toContain(result.browser.name);
      expect(result.device.type === 'mobile').toBe(env.mobile);
    });

    test(`${env.id}: client hints are ${sendsClientHints(env) ? 'present and match the user agent' : 'absent'}`, () => {
      if (!sendsClientHints(env)) {
        expect(env.clientHints).toBeNull();
        return;
      }
      const hints = env.clientHints;
      expect(hints).not.toBeNull();
      if (!hints) return;
      expect(hints.mobile).toBe(env.mobile);
      expect(hints.platform).toBe(expectedClientHintsPlatform[env.os]);

      const brand = vendorBrand[env.browser];
      const token = vendorToken[env.browser];
      expect(brand).toBeDefined();
      expect(token).toBeDefined();
      const uaVendorMajor = token?.exec(env.userAgent)?.[1];
      const uaChromiumMajor = /\bChrome\/(\d+)\./.exec(env.userAgent)?.[1];
      expect(uaVendorMajor).toBeDefined();
      expect(uaChromiumMajor).toBeDefined();

      for (const list of [hints.brands, hints.fullVersionList]) {
        expect(list).toHaveLength(3);
        const vendor = list.find((b) => b.brand === brand);
        const chromium = list.find((b) => b.brand === 'Chromium');
        const grease = list.filter((b) => b.brand !== brand && b.brand !== 'Chromium');
        expect(vendor && major(vendor.version)).toBe(uaVendorMajor);
        expect(chromium && major(chromium.version)).toBe(uaChromiumMajor);
        expect(grease).toHaveLength(1);
        expect(grease[0]?.brand).toMatch(/^Not.A.Brand$/);
      }
      for (const b of hints.fullVersionList) expect(b.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

      if (env.mobile) {
        expect(hints.architecture).toBe('');
        expect(hints.bitness).toBe('');
        expect(hints.model).not.toBe('');
      } else {
        expect(hints.architecture).toBe('x86');
        expect(hints.bitness).toBe('64');
        expect(hints.model).toBe('');
      }
      expect(hints.wow64).toBe(false);
    });
  }

  test('Firefox, Safari and every browser on iOS send no client hints', () => {
    const without = environments.filter((e) => e.clientHints === null).map((e) => e.id);
    const expected = environments
      .filter((e) => e.os === 'ios' || e.browser === 'firefox' || e.browser === 'safari')
      .map((e) => e.id);
    expect(without).toEqual(expected);
  });
});

test.describe('providers.json', () => {
  test('matches the ProvidersFile schema', () => {
    expect(providersFile.result.success, schemaErrors(providersFile.result)).toBe(true);
  });

  test('ids and AAGUIDs are unique', () => {
    expect(duplicates(providers.map((p) => p.id))).toEqual([]);
    const aaguids = providers.flatMap((p) => (p.aaguid === null ? [] : [p.aaguid]));
    expect(duplicates(aaguids)).toEqual([]);
  });

  test('a provider without an AAGUID says why', () => {
    for (const p of providers.filter((x) => x.aaguid === null)) expect(p.aaguidNote).toBeTruthy();
  });
});

test.describe('support snapshots', () => {
  test('there is at least one snapshot', () => {
    expect(snapshotFiles.length).toBeGreaterThan(0);
  });

  for (const file of snapshotFiles) {
    test(`${file}: valid, and its tables match the environments and providers`, () => {
      const parsed = SupportSnapshot.safeParse(readJson(path.join(snapshotsDir, file)));
      expect(parsed.success, schemaErrors(parsed)).toBe(true);
      if (!parsed.success) return;
      const snapshot = parsed.data;
      expect(`${snapshot.id}.json`).toBe(file);
      expect(snapshot.date.startsWith(snapshot.id)).toBe(true);

      const providerIds = providers.map((p) => p.id).sort();
      const oses = [...new Set(environments.map((e) => e.os))];
      expect(Object.keys(snapshot.tables).sort()).toEqual([...oses].sort());

      for (const os of oses) {
        const table = snapshot.tables[os];
        expect(table, `table for ${os}`).toBeDefined();
        if (!table) continue;
        const browsers = environments.filter((e) => e.os === os).map((e) => e.browser);
        expect(table.browsers, `browsers of ${os}`).toEqual(browsers);
        expect(Object.keys(table.providers).sort(), `providers of ${os}`).toEqual(providerIds);

        for (const [providerId, row] of Object.entries(table.providers)) {
          const where = `${os} / ${providerId}`;
          expect(Object.keys(row.support).sort(), where).toEqual([...browsers].sort());
          expect(duplicates(row.syncStates), where).toEqual([]);
          const statuses = Object.values(row.support);
          if (statuses.includes('not-applicable')) expect(row.notes.length, where).toBeGreaterThan(0);
        }
      }
    });
  }
});
