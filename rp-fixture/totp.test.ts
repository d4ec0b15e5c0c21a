import { expect, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { decoyHash, FAST_COST, hashPassword, verifyPassword } from './passwords';
import { rpConfigFromText } from './config';
import { checkTotp, newTotpEnrolment } from './totp';

test('a password is stored as salted scrypt and checked in constant time', async () => {
  const first = await hashPassword('correct horse battery');
  const second = await hashPassword('correct horse battery');
  expect(first).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  expect(first).not.toBe(second);
  expect(await verifyPassword('correct horse battery', first)).toBe(true);
  expect(await verifyPassword('correct horse batterY', first)).toBe(false);
  expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  // A hand-edited store: a hash part emptied or cut must not match every password.
  const [scheme, n, r, p, salt, hash] = first.split('$');
  expect(await verifyPassword('anything', [scheme, n, r, p, salt, ''].join('$'))).toBe(false);
  expect(await verifyPassword('correct horse battery', [scheme, n, r, p, salt, hash!.slice(0, 20)].join('$'))).toBe(false);
  expect(await verifyPassword('anything', await decoyHash())).toBe(false);
});

test('fast password hashing (test runs only) is scrypt at N=2^10, and either cost verifies the hashes of the other', async () => {
  const fast = await hashPassword('correct horse battery', FAST_COST);
  expect(fast).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  expect(await verifyPassword('correct horse battery', fast)).toBe(true);
  expect(await verifyPassword('correct horse batterY', fast)).toBe(false);
  expect(await verifyPassword('anything', await decoyHash(FAST_COST))).toBe(false);
  expect(await decoyHash(FAST_COST)).toMatch(/^scrypt\$1024\$/);
  expect(rpConfigFromText({}).passwordHashing).toBe('strong');
  expect(rpConfigFromText({ fastPasswordHashing: 'true' }).passwordHashing).toBe('fast');
  expect(() => rpConfigFromText({ fastPasswordHashing: 'maybe' })).toThrow(/Invalid yes\/no value "maybe"/);
});

test('TOTP: the enrolled secret gives codes that pass once, one step of clock drift allowed', () => {
  const { secret, uri } = newTotpEnrolment('alice');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(uri).toBe(`otpauth://totp/Passkey%20Matrix%20Fixture:alice?issuer=Passkey%20Matrix%20Fixture&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
  const at = new Date('2026-03-02T09:00:10Z');
  const code = (time: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: time });
  const step = checkTotp(secret, code(at.getTime()), at, null);
  expect(step).toBe(Math.floor(at.getTime() / 30_000));
  expect(checkTotp(secret, code(at.getTime()), at, step)).toBeNull();
  expect(checkTotp(secret, code(at.getTime() - 30_000), at, null)).toBe((step ?? 0) - 1);
  expect(checkTotp(secret, code(at.getTime() - 90_000), at, null)).toBeNull();
  expect(checkTotp(secret, ` ${code(at.getTime()).slice(0, 3)} ${code(at.getTime()).slice(3)} `, at, null)).toBe(step);
  expect(checkTotp(secret, 'abcdef', at, null)).toBeNull();
  // The right code in full-width digits, with a digit more, or with a letter before it: wrong, never a throw.
  const right = code(at.getTime());
  expect(checkTotp(secret, right.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), at, null)).toBeNull();
  expect(checkTotp(secret, `${right}0`, at, null)).toBeNull();
  expect(checkTotp(secret, `x${right}`, at, null)).toBeNull();
});

test('TOTP faults: totp-wide-window takes a code from minutes ago; totp-code-reusable takes the code just used', () => {
  const { secret } = newTotpEnrolment('bob');
  const at = new Date('2026-03-02T09:00:10Z');
  const code = (time: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: time });
  const threeMinutesAgo = code(at.getTime() - 180_000);
  expect(checkTotp(secret, threeMinutesAgo, at, null)).toBeNull();
  expect(checkTotp(secret, threeMinutesAgo, at, null, new Map([['totp-wide-window', undefined]]))).toBe(Math.floor(at.getTime() / 30_000) - 6);
  expect(checkTotp(secret, code(at.getTime() - 330_000), at, null, new Map([['totp-wide-window', undefined]]))).toBeNull();
  const step = checkTotp(secret, code(at.getTime()), at, null);
  expect(checkTotp(secret, code(at.getTime()), at, step)).toBeNull();
  expect(checkTotp(secret, code(at.getTime()), at, step, new Map([['totp-code-reusable', undefined]]))).toBe(step);
});
