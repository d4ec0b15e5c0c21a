import { expect, test } from '@playwright/test';
import { environmentLabel, type BrowserId, type DetectedEnvironment, type OsId } from './environment';
import { activeFaults } from './faults';
import { providerReach, reachFamily, usableHere, type PasskeyForReach, type Reach } from './providerReach';

const NO_FAULTS = activeFaults([]);

function env(os: OsId, browser: BrowserId): DetectedEnvironment {
  return { os, browser, label: environmentLabel(os, browser) };
}

function passkey(aaguid: string, options: { synced?: boolean; backedUp?: boolean; madeIn?: DetectedEnvironment; transports?: string[] } = {}): PasskeyForReach {
  return {
    aaguid,
    transports: options.transports ?? ['internal', 'hybrid'],
    deviceType: options.synced === false ? 'singleDevice' : 'multiDevice',
    backedUp: options.synced !== false && options.backedUp !== false,
    createdEnvironment: options.madeIn ?? env('windows', 'chrome'),
  };
}

const GPM = passkey('ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4');
const ICLOUD = passkey('fbfc3007-154e-4ecc-8c0b-6e020557d7bd', { madeIn: env('ios', 'safari') });
const HELLO_EDGE = passkey('08987058-cadc-4b81-b6e1-30de50dcbe96', { synced: false, madeIn: env('windows', 'edge') });
const ONE_PASSWORD = passkey('bada5566-a7aa-401f-bd96-45619a55120d');
const YUBIKEY = passkey('fa2b99dc-9e39-4257-8f92-4a30d23c4118', { synced: false, transports: ['usb', 'nfc'] });

function reach(key: PasskeyForReach, os: OsId, browser: BrowserId): Reach {
  return providerReach(key, env(os, browser), NO_FAULTS).reach;
}

test('Google Password Manager in Chrome everywhere and any browser on Android (2026-11)', () => {
  expect(reach(GPM, 'windows', 'chrome')).toBe('yes');
  expect(reach(GPM, 'macos', 'chrome')).toBe('yes');
  expect(reach(GPM, 'linux', 'chrome')).toBe('yes');
  expect(reach(GPM, 'chromeos', 'chrome')).toBe('yes');
  expect(reach(GPM, 'android', 'firefox')).toBe('yes');
  expect(reach(GPM, 'android', 'edge')).toBe('yes');
  expect(reach(GPM, 'windows', 'edge')).toBe('no');
  expect(reach(GPM, 'windows', 'firefox')).toBe('no');
  expect(reach(GPM, 'macos', 'safari')).toBe('no');
  expect(reach(GPM, 'ios', 'safari')).toBe('no');
  // Chrome on iPhone and iPad: only recent versions, and the version is not confirmed, so never "yes".
  expect(reach(GPM, 'ios', 'chrome')).toBe('maybe');
  expect(providerReach(GPM, env('ios', 'chrome'), NO_FAULTS).why).toContain('same Google Account');
  expect(reach(GPM, 'ios', 'edge')).toBe('no');
  expect(reach(GPM, 'ios', 'firefox')).toBe('no');
});

test('iCloud Keychain on Apple systems in every browser, not on Windows, Android, Linux or ChromeOS', () => {
  for (const browser of ['safari', 'chrome', 'firefox', 'edge'] as const) {
    expect(reach(ICLOUD, 'macos', browser)).toBe('yes');
    expect(reach(ICLOUD, 'ios', browser)).toBe('yes');
  }
  for (const os of ['windows', 'android', 'linux', 'chromeos'] as const) expect(reach(ICLOUD, os, 'chrome')).toBe('no');
  expect(reach(ICLOUD, 'unknown', 'unknown')).toBe('maybe');
});

test('Windows Hello only on the Windows device it was made on', () => {
  // The site cannot tell this Windows computer from another one.
  expect(reach(HELLO_EDGE, 'windows', 'edge')).toBe('maybe');
  expect(reach(HELLO_EDGE, 'windows', 'chrome')).toBe('maybe');
  expect(reach(HELLO_EDGE, 'android', 'edge')).toBe('no');
  expect(reach(HELLO_EDGE, 'macos', 'safari')).toBe('no');
  expect(providerReach(HELLO_EDGE, env('android', 'edge'), NO_FAULTS).why).toBe('Windows Hello passkeys stay on the Windows computer where they were made.');
});

test('third-party managers maybe everywhere, a security key wherever the person has it', () => {
  for (const os of ['windows', 'macos', 'ios', 'android', 'linux'] as const) {
    expect(reach(ONE_PASSWORD, os, 'chrome')).toBe('maybe');
    expect(reach(YUBIKEY, os, 'chrome')).toBe('yes');
  }
  expect(reachFamily(YUBIKEY)).toBe('security-key');
  expect(reachFamily(passkey('01020304-0506-0708-0102-030405060708', { transports: ['usb'] }))).toBe('security-key');
});

test('an unknown provider: synced may reach; device-bound only where it was made', () => {
  const synced = passkey('00000000-0000-0000-0000-000000000000');
  expect(reach(synced, 'android', 'chrome')).toBe('maybe');
  const bound = passkey('00000000-0000-0000-0000-000000000000', { synced: false, madeIn: env('linux', 'chrome') });
  expect(reach(bound, 'linux', 'chrome')).toBe('maybe');
  expect(reach(bound, 'linux', 'firefox')).toBe('maybe');
  expect(reach(bound, 'windows', 'chrome')).toBe('no');
  const boundGpm = passkey('ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4', { synced: false, madeIn: env('android', 'chrome') });
  expect(reach(boundGpm, 'windows', 'chrome')).toBe('no');
});

test('usable here: anything but "no"; the wrong-reachability fault bends only what is said', () => {
  expect(usableHere(ONE_PASSWORD, env('windows', 'edge'))).toBe(true);
  expect(usableHere(GPM, env('windows', 'edge'))).toBe(false);
  const wrong = activeFaults([{ name: 'wrong-reachability' }]);
  expect(providerReach(ICLOUD, env('windows', 'chrome'), wrong).reach).toBe('yes');
  expect(usableHere(ICLOUD, env('windows', 'chrome'))).toBe(false);
});

test('a passkey that can sync but is not backed up yet (BE=1, BS=0) is only "maybe" elsewhere', () => {
  const notBackedUp = passkey('ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4', { backedUp: false });
  expect(reach(GPM, 'android', 'chrome')).toBe('yes');
  expect(reach(notBackedUp, 'android', 'chrome')).toBe('maybe');
  expect(reach(notBackedUp, 'windows', 'edge')).toBe('no');
});
