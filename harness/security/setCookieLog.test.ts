import { expect, test } from '@playwright/test';
import { parseSetCookie } from './setCookieLog';

test('a Set-Cookie line gives its name, SameSite as sent, and HttpOnly', () => {
  expect(parseSetCookie('sid=s%3Aabc.def; Path=/; HttpOnly; SameSite=Lax')).toEqual({ name: 'sid', sameSite: 'Lax', httpOnly: true });
  expect(parseSetCookie('sid=abc; Path=/; httponly; samesite=strict')).toEqual({ name: 'sid', sameSite: 'strict', httpOnly: true });
  expect(parseSetCookie('theme=dark; Path=/')).toEqual({ name: 'theme', sameSite: null, httpOnly: false });
  expect(parseSetCookie('sid=abc; SameSite=')).toEqual({ name: 'sid', sameSite: null, httpOnly: false });
});
