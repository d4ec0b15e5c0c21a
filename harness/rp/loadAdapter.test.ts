import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { fixtureAdapter } from './fixtureAdapter';
import { AdapterError, checkAdapter, loadAdapter } from './loadAdapter';
import { bindRp, RpLacksFeatureError } from './boundRp';

const minimal = `export default {
  name: 'Example shop',
  lacks: {
    'several-passkeys': 'one passkey per account',
    'management-page': 'passkeys are not listed',
    'sign-in-help': 'no help page',
    'other-ways-in': 'passkeys only',
    'passkey-offer': 'no offer',
    'email-link': 'no email',
    'second-factor': 'no password',
    clock: 'no test hooks',
    'passkey-rename': 'passkeys have no names',
    'account-name': 'no account names',
  },
  async register() { return { expectedProviders: [], wontSyncWarning: false, saved: { providerName: null, sync: 'unknown' }, deviceBoundAdvice: false }; },
  async signOut() {},
  async signIn() {},
  async signedInAs() { return null; },
};
`;

function moduleFile(source: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pm-adapter-')), 'adapter.mjs');
  writeFileSync(file, source);
  return file;
}

test('without RP_ADAPTER, the fixture RP\'s adapter drives the run', async () => {
  expect(await loadAdapter(null)).toBe(fixtureAdapter);
  expect(checkAdapter(fixtureAdapter, 'fixture')).toBe(fixtureAdapter);
});

test('the README\'s example adapter for another site has every member or declares the feature lacking', async () => {
  const example = await loadAdapter(path.join(import.meta.dirname, 'examples', 'exampleShopAdapter.ts'));
  expect(example.name).toBe('Example Shop');
});

test('an adapter module that declares what its RP lacks loads', async () => {
  const adapter = await loadAdapter(moduleFile(minimal));
  expect(adapter.name).toBe('Example shop');
});

test('a bad adapter is refused with the file, the member and the fix', async () => {
  await expect(loadAdapter('/nowhere/adapter.ts')).rejects.toThrow('RP_ADAPTER /nowhere/adapter.ts: no such file');
  await expect(loadAdapter(moduleFile('throw new Error("boom");'))).rejects.toThrow(/the module does not load: boom/);
  await expect(loadAdapter(moduleFile('export const x = 1;'))).rejects.toThrow(/export the adapter as the module's default export/);
  await expect(loadAdapter(moduleFile(minimal.replace('async signIn() {},', '')))).rejects.toThrow(/no method "signIn"; every adapter implements it/);
  await expect(loadAdapter(moduleFile(minimal.replace("'sign-in-help': 'no help page',", '')))).rejects.toThrow(
    /no "signInHelp"; implement it, or declare lacks."sign-in-help" with the reason/,
  );
  await expect(loadAdapter(moduleFile(minimal.replace("'passkey-rename': 'passkeys have no names',", '')))).rejects.toThrow(
    /no "renamePasskey"; implement it, or declare lacks."passkey-rename" with the reason/,
  );
  await expect(loadAdapter(moduleFile(minimal.replace("clock: 'no test hooks',", "teleport: 'no',")))).rejects.toThrow(
    /lacks."teleport" is not a feature; use one of several-passkeys, management-page/,
  );
  await expect(loadAdapter(moduleFile(minimal.replace("'no offer'", "''")))).rejects.toThrow(AdapterError);
  await expect(loadAdapter(moduleFile(minimal.replace("name: 'Example shop',", "name: 'Example shop', emailLinkLifetimeSeconds: '15 minutes',")))).rejects.toThrow(
    /"emailLinkLifetimeSeconds" must be the whole number of seconds the RP tells users its sign-in links work/,
  );
  await expect(loadAdapter(moduleFile(minimal.replace("name: 'Example shop',", "name: 'Example shop', emailLinkLifetimeSeconds: 900,")))).resolves.toMatchObject({ emailLinkLifetimeSeconds: 900 });
});

test('a step that needs a feature the RP lacks stops with the adapter\'s reason', async () => {
  const adapter = await loadAdapter(moduleFile(minimal));
  const rp = bindRp(adapter, {} as Page, 'https://shop.example.test');
  expect(() => rp.listPasskeys()).toThrow(new RpLacksFeatureError('Example shop has no passkey management page: passkeys are not listed'));
  expect(() => rp.signInHelp('ann')).toThrow('Example shop has no help after a failed passkey sign-in: no help page');
  expect(rp.letTimePass).toBeUndefined();
  const reasons: string[] = [];
  const inCell = bindRp(adapter, {} as Page, 'https://shop.example.test', (reason) => {
    reasons.push(reason);
    throw new Error('not applicable');
  });
  expect(() => inCell.addPasskey()).toThrow('not applicable');
  expect(reasons).toEqual(['Example shop has no way to add a second passkey: one passkey per account']);
});
