import { expect, test } from '@playwright/test';
import { CrossSitePage } from './crossSitePage';
import { fieldValues, fullWidthDigits, nearMissToken, withFieldValue, withoutCsrfToken, withShortCsrfToken, withWrongCsrfToken } from './forgedRequest';
import type { CapturedRequest } from './heldRequest';

const form: CapturedRequest = {
  method: 'POST',
  url: 'http://localhost:3000/account/passkeys/abc/rename',
  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
  body: '_csrf=s3cr3t-token-value&nickname=Laptop',
  secrets: ['session-cookie-value'],
};

test('a form post loses its token field and keeps the rest', () => {
  const stripped = withoutCsrfToken(form);
  expect(stripped?.taken).toEqual(['field _csrf']);
  expect(stripped?.request.body).toBe('nickname=Laptop');
  expect(stripped?.request.headers).toEqual(form.headers);
});

test('a JSON call loses its token header, and a field carrying a cookie\'s value (double submit)', () => {
  const json: CapturedRequest = {
    method: 'POST',
    url: 'https://rp.example/api/passkeys/abc',
    headers: { 'content-type': 'application/json', 'x-xsrf-token': 'abc123abc123', authorization: 'Bearer t' },
    body: JSON.stringify({ name: 'Laptop', guard: 'double-submitted-cookie', nested: { authenticity_token: 'x' } }),
    secrets: ['double-submitted-cookie'],
  };
  const stripped = withoutCsrfToken(json);
  expect(stripped?.taken.sort()).toEqual(['field authenticity_token', 'field guard', 'header x-xsrf-token']);
  expect(JSON.parse(stripped!.request.body!)).toEqual({ name: 'Laptop', nested: {} });
  expect(stripped?.request.headers).toEqual({ 'content-type': 'application/json', authorization: 'Bearer t' });
});

test('a request without a token it can recognise is said so; a body it cannot edit is null', () => {
  expect(withoutCsrfToken({ ...form, body: 'nickname=Laptop' })?.taken).toEqual([]);
  expect(withoutCsrfToken({ ...form, headers: { 'content-type': 'multipart/form-data; boundary=x' } })).toBeNull();
});

test('the name typed is found in a form or JSON field and replaced; elsewhere it is null', () => {
  expect(withFieldValue(form, 'Laptop', 'Work laptop')?.body).toBe('_csrf=s3cr3t-token-value&nickname=Work+laptop');
  const json = { ...form, headers: { 'content-type': 'application/json' }, body: '{"passkey":{"name":"Laptop"}}' };
  expect(withFieldValue(json, 'Laptop', 'Work laptop')?.body).toBe('{"passkey":{"name":"Work laptop"}}');
  expect(withFieldValue(form, 'Desktop', 'x')).toBeNull();
});

test('the values of a form or JSON body, nested ones included; none for another kind of body', () => {
  expect(fieldValues(form)).toEqual(['s3cr3t-token-value', 'Laptop']);
  const json = { ...form, headers: { 'content-type': 'application/json' }, body: '{"a":"1","b":{"c":["2",3]}}' };
  expect(fieldValues(json)).toEqual(['1', '2']);
  expect(fieldValues({ ...form, headers: { 'content-type': 'text/plain' } })).toEqual([]);
});

test('full-width digits: each ASCII digit, nothing else', () => {
  expect(fullWidthDigits('012 789x')).toBe('\uff10\uff11\uff12 \uff17\uff18\uff19x');
});

test('another site can post forms and JSON as text, but no DELETE or PUT', () => {
  expect(CrossSitePage.cannotSend(form)).toBeNull();
  expect(CrossSitePage.cannotSend({ ...form, method: 'DELETE', body: null })).toMatch(/cannot make a browser send a DELETE request without the RP's consent \(CORS\)/);
});

test('a wrong token that is present: each token replaced by one of the same shape, the rest kept', () => {
  const wrong = withWrongCsrfToken(form);
  expect(wrong?.taken).toEqual(['field _csrf']);
  expect(wrong?.request.body).toBe('_csrf=t4ds4u-uplfo-wbmvf&nickname=Laptop');
  const json: CapturedRequest = { ...form, headers: { 'content-type': 'application/json', 'X-CSRF-Token': 'Az09' }, body: '{"name":"Laptop","_csrf":"zz"}' };
  const changed = withWrongCsrfToken(json);
  expect(changed?.request.headers['X-CSRF-Token']).toBe('Ba10');
  expect(JSON.parse(changed!.request.body!)).toEqual({ name: 'Laptop', _csrf: 'aa' });
  expect(nearMissToken('--')).toBe('--0');
});

test('a token one character short: its last character dropped, the rest kept', () => {
  const short = withShortCsrfToken(form);
  expect(short?.taken).toEqual(['field _csrf']);
  expect(short?.request.body).toBe('_csrf=s3cr3t-token-valu&nickname=Laptop');
});
