import { Secret, TOTP } from 'otpauth';
import { faultOn, type ActiveFaults } from './faults';

/** RFC 6238 defaults that every authenticator app understands: SHA-1, 6 digits, 30 s. */
const ISSUER = 'Passkey Matrix Fixture';
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side, for a phone clock a little off. */
const WINDOW = 1;
/** Fault totp-wide-window: five minutes either side, so a code overheard minutes ago still works. */
const WIDE_WINDOW = 10;

export type TotpEnrolment = {
  /** Base32, as typed into an authenticator app by hand. */
  secret: string;
  /** `otpauth://totp/...`, what a QR code would carry. */
  uri: string;
};

/** A new random 160-bit secret for `username`. */
export function newTotpEnrolment(username: string): TotpEnrolment {
  // Stryker disable next-line ObjectLiteral: equivalent: otpauth's Secret makes 20 random bytes when given no size (its documented default); the size is written out so the 160 bits RFC 4226 recommends are in view
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpFor(secret, username).toString() };
}

/**
 * The time step a code proves, or null when it is wrong. A step at or before `lastUsedStep` is
 * refused too, so an overheard code cannot be replayed within its 30 seconds.
 */
export function checkTotp(secret: string, code: string, now: Date, lastUsedStep: number | null, faults: ActiveFaults = new Map()): number | null {
  // Stryker disable next-line Regex: equivalent, removing each space or each run of spaces leaves the same digits
  const token = code.replace(/\s+/g, '');
  // Only ASCII digits: otpauth compares the code's bytes, and throws on other scripts' digits (full
  // width "１２３４５６" is 18 bytes). Its length otpauth checks first: any but DIGITS is wrong.
  if (/\D/.test(token)) return null;
  const timestamp = now.getTime();
  const window = faultOn(faults, 'totp-wide-window') ? WIDE_WINDOW : WINDOW;
  const delta = totpFor(secret, '').validate({ token, timestamp, window });
  if (delta === null) return null;
  const step = Math.floor(timestamp / 1000 / PERIOD_SECONDS) + delta;
  // Fault totp-code-reusable: the code just used passes again within its 30 seconds.
  if (faultOn(faults, 'totp-code-reusable')) return step;
  // No step used yet (the code that confirms a new authenticator app): every step is after none.
  return step <= (lastUsedStep ?? Number.NEGATIVE_INFINITY) ? null : step;
}

function totpFor(secret: string, username: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: username, algorithm: 'SHA1', digits: DIGITS, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}
