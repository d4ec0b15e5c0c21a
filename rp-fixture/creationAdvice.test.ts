import { expect, test } from '@playwright/test';
import { creationAdvice, creationAdviceText } from './creationAdvice';
import { activeFaults } from './faults';

test('where a new passkey most likely goes, per OS and browser (2026-11)', () => {
  expect(creationAdvice({ os: 'windows', browser: 'chrome' })).toMatchObject({ provider: 'Google Password Manager', alternatives: ['Windows Hello'], sync: 'synced' });
  expect(creationAdvice({ os: 'windows', browser: 'edge' })).toMatchObject({ provider: 'Windows Hello', alternatives: ['Microsoft Password Manager'], sync: 'device-bound' });
  expect(creationAdvice({ os: 'windows', browser: 'firefox' })).toMatchObject({ provider: 'Windows Hello', alternatives: [], sync: 'device-bound' });
  expect(creationAdvice({ os: 'macos', browser: 'safari' })).toMatchObject({ provider: 'iCloud Keychain', alternatives: [] });
  expect(creationAdvice({ os: 'macos', browser: 'chrome' })).toMatchObject({ provider: 'iCloud Keychain', alternatives: ['Google Password Manager'] });
  for (const browser of ['safari', 'edge', 'firefox'] as const) {
    expect(creationAdvice({ os: 'ios', browser })).toMatchObject({ provider: 'iCloud Keychain', alternatives: [], sync: 'synced' });
  }
  // Chrome on iPhone and iPad can save to Google Password Manager too (2026-11; the seed still said "coming soon").
  expect(creationAdvice({ os: 'ios', browser: 'chrome' })).toMatchObject({ provider: 'iCloud Keychain', alternatives: ['Google Password Manager'], sync: 'synced' });
  expect(creationAdvice({ os: 'ios', browser: 'chrome' }).text).toContain('Google Password Manager');
  expect(creationAdvice({ os: 'android', browser: 'samsung-internet' }).provider).toBe('Google Password Manager');
  expect(creationAdvice({ os: 'chromeos', browser: 'chrome' }).provider).toBe('Google Password Manager');
  expect(creationAdvice({ os: 'linux', browser: 'chrome' }).provider).toBe('Google Password Manager');
  expect(creationAdvice({ os: 'linux', browser: 'firefox' })).toMatchObject({ provider: 'none', alternatives: ['Password manager extension', 'Security key'] });
  expect(creationAdvice({ os: 'unknown', browser: 'unknown' }).provider).toBe('unknown');
});

test('every piece of advice mentions that a third-party password manager may take over', () => {
  expect(creationAdviceText(creationAdvice({ os: 'android', browser: 'chrome' }))).toContain('password manager such as 1Password');
});

test('a warning that the passkey will not sync, exactly where the likely provider does not sync', () => {
  expect(creationAdvice({ os: 'windows', browser: 'edge' }).syncWarning).toContain('stays on this computer');
  expect(creationAdvice({ os: 'windows', browser: 'firefox' }).syncWarning).toContain('stays on this computer');
  expect(creationAdvice({ os: 'windows', browser: 'unknown' }).syncWarning).toContain('stays on this computer');
  expect(creationAdvice({ os: 'windows', browser: 'edge' }).syncWarning).toContain('password manager');
  // Edge may save to Microsoft Password Manager, which syncs, but only once turned on: Windows Hello stays the likely one, so the warning stays.
  expect(creationAdvice({ os: 'windows', browser: 'edge' }).text).toContain('If you turned on saving passkeys in Microsoft Password Manager');
  // Chrome on Windows most likely uses Google Password Manager (with a TPM), which syncs.
  expect(creationAdvice({ os: 'windows', browser: 'chrome' }).syncWarning).toBeNull();
  for (const os of ['macos', 'ios', 'android', 'chromeos'] as const) {
    expect(creationAdvice({ os, browser: 'chrome' }).syncWarning, os).toBeNull();
  }
  expect(creationAdvice({ os: 'unknown', browser: 'unknown' }).syncWarning).toBeNull();
});

test('no-sync-warning: no warning anywhere', () => {
  const faults = activeFaults([{ name: 'no-sync-warning' }]);
  for (const browser of ['edge', 'firefox', 'unknown'] as const) {
    const advice = creationAdvice({ os: 'windows', browser }, faults);
    expect(advice.syncWarning).toBeNull();
    expect(advice.provider).toBe('Windows Hello');
  }
});
