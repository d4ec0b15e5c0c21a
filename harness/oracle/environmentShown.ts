import type { BrowserId, Environment } from '../matrix/schema';

/** What a site can rightly say about the system and browser a request came from. */
export interface EnvironmentShownExpectation {
  /** The system's name, as people name it ("Windows"). */
  osName: string;
  /** The browser's name ("Edge"). */
  browserName: string;
  /** The system's version, where the browser tells it (client hints); null where only the UA string does, which freezes it. */
  osVersion: string | null;
  /** The browser's full version, where the browser tells it (client hints, or a UA token it keeps true); null otherwise. */
  browserVersion: string | null;
}

/** Brands that name no browser: Chromium, which every Chromium browser lists, and GREASE ("Not_A Brand"). */
const NOT_A_BROWSER = /^chromium$|not.a.brand/i;

/**
 * The UA-string tokens that keep a browser's version true: Firefox's and Safari's own, and the iOS
 * browsers' (CriOS, EdgiOS, FxiOS). Chromium's "Chrome/142.0.0.0" is reduced past the major, and
 * its browsers send client hints instead.
 */
const TRUE_VERSION_TOKEN: Partial<Record<BrowserId, RegExp>> = { firefox: /\bFirefox\/([\d.]+)/, safari: /\bVersion\/([\d.]+)/ };
const IOS_TRUE_VERSION_TOKEN: Partial<Record<BrowserId, RegExp>> = { chrome: /\bCriOS\/([\d.]+)/, edge: /\bEdgiOS\/([\d.]+)/, firefox: /\bFxiOS\/([\d.]+)/, safari: /\bVersion\/([\d.]+)/ };

function browserVersionInUserAgent(environment: Environment): string | null {
  const token = (environment.os === 'ios' ? IOS_TRUE_VERSION_TOKEN : TRUE_VERSION_TOKEN)[environment.browser];
  return token?.exec(environment.userAgent)?.[1] ?? null;
}

/**
 * From the environment's data: its label names the browser and the system ("Edge on Windows"); its
 * client hints give the versions the UA string freezes or hides. Windows 11 says 10 in its UA string;
 * Sec-CH-UA-Platform-Version 13 and above is Windows 11 (Microsoft's rule for the hint). Without
 * client hints the system's version is told nowhere (every UA string freezes it); the browser's is,
 * where its UA token keeps it true.
 */
export function environmentShownExpectation(environment: Environment): EnvironmentShownExpectation {
  const [browserName = environment.label, osName = environment.label] = environment.label.split(' on ');
  const hints = environment.clientHints;
  const browserVersion = hints ? (hints.fullVersionList.find((brand) => !NOT_A_BROWSER.test(brand.brand))?.version ?? null) : browserVersionInUserAgent(environment);
  const osVersion = !hints ? null : environment.os === 'windows' ? (Number(hints.platformVersion.split('.')[0]) >= 13 ? '11' : '10') : hints.platformVersion;
  return { osName, browserName, osVersion, browserVersion };
}

/** The version numbers a text names ("system version 11, browser version 142.0.7444.176" -> 11, 142.0.7444.176). */
export function versionsNamed(text: string): string[] {
  return text.match(/\d+(?:\.\d+)*/g) ?? [];
}

/**
 * Whether a version a site names is true: the system's or the browser's, whole or its leading parts
 * ("142" of 142.0.7444.176). Where the browser tells no version, none can be judged.
 */
export function versionIsTrue(named: string, expected: EnvironmentShownExpectation): boolean {
  const known = [expected.osVersion, expected.browserVersion].filter((v): v is string => v !== null);
  if (known.length === 0) return true;
  return known.some((version) => isLeadingPart(named, version));
}

/** Whether `named` is `version` whole or its leading parts ("142" and "142.0" of 142.0.7444.176, not "14" nor "142.0.7444.176.1"). */
export function isLeadingPart(named: string, version: string): boolean {
  const parts = named.split('.');
  const whole = version.split('.');
  return parts.length <= whole.length && parts.every((part, i) => part === whole[i]);
}
