import { expect, test } from '@playwright/test';
import { LONG_FIELD_NAME, malformedBodies, nearMissBodies, neverAnObject, withLongFieldName } from './malformedBodies';

const answer = {
  body: JSON.stringify({
    id: 'abc',
    rawId: 'abc',
    type: 'public-key',
    response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'AAAA', userHandle: 'YQ' },
    clientExtensionResults: {},
  }),
  contentType: 'application/json',
};

test('the same seed gives the same bodies; another seed others', () => {
  const first = malformedBodies(answer, 300, 7);
  expect(first).toHaveLength(300);
  expect(malformedBodies(answer, 300, 7)).toEqual(first);
  expect(malformedBodies(answer, 300, 8)).not.toEqual(first);
});

test('every kind of malformation comes, none of them the body the page sent', () => {
  const bodies = malformedBodies(answer, 1_000, 20_241_201);
  const kinds = bodies.map((b) => b.kind);
  for (const kind of [/^not an object$/, /^wrong type at /, /^missing /, /^extra fields$/, /^truncated JSON$/, /^not JSON$/, /^random bytes$/, /^invalid UTF-8$/, /^nested \d+ deep$/, /-character string at /, /^\d+ bytes$/, /^content type /, /^garbled response\.(clientDataJSON|authenticatorData|signature|userHandle)$/]) {
    expect(kinds.some((k) => kind.test(k)), String(kind)).toBe(true);
  }
  expect(bodies.filter((b) => b.contentType === answer.contentType && b.body.toString() === answer.body)).toEqual([]);
  expect(bodies.some((b) => b.body.length > 1_000_000)).toBe(true);
});

test('a body that is no JSON object still gets every kind that needs no fields', () => {
  const bodies = malformedBodies({ body: 'username=alice', contentType: 'application/x-www-form-urlencoded' }, 200, 1);
  expect(bodies).toHaveLength(200);
  expect(new Set(bodies.map((b) => b.kind.split(' ')[0])).size).toBeGreaterThan(5);
});

test('near misses of a JSON body: each no JSON object, or not sent as JSON; none for a form body', () => {
  const near = nearMissBodies(answer);
  expect(near.map((b) => b.kind)).toContain('an empty array');
  expect(near.filter((b) => b.contentType === answer.contentType).every(neverAnObject)).toBe(true);
  expect(near.some((b) => b.contentType === 'text/plain')).toBe(true);
  expect(nearMissBodies({ body: 'username=alice', contentType: 'application/x-www-form-urlencoded' })).toEqual([]);
});

test('a long field name: the page\'s own fields kept, one more named LONG_FIELD_NAME; none for a body that is no JSON object', () => {
  const long = withLongFieldName(answer)!;
  const sent = JSON.parse(long.body.toString()) as Record<string, unknown>;
  expect(sent).toEqual({ ...(JSON.parse(answer.body) as object), [LONG_FIELD_NAME]: 1 });
  expect(LONG_FIELD_NAME.length).toBeGreaterThan(5_000);
  expect(long.contentType).toBe('application/json');
  expect(withLongFieldName({ body: '[]', contentType: 'application/json' })).toBeNull();
  expect(withLongFieldName({ body: 'username=alice', contentType: 'application/x-www-form-urlencoded' })).toBeNull();
});

test('neverAnObject: JSON that is no object, or no JSON; not a blank body, an object after a byte order mark, or another content type', () => {
  const body = (text: string, contentType = 'application/json') => ({ kind: '', contentType, body: Buffer.from(text) });
  for (const text of ['[]', 'null', '0', '""', 'true', '{"a":', 'not json']) expect(neverAnObject(body(text)), text).toBe(true);
  for (const text of ['{}', '  ', '', '\ufeff{}']) expect(neverAnObject(body(text)), JSON.stringify(text)).toBe(false);
  expect(neverAnObject(body('[]', 'text/plain'))).toBe(false);
  expect(neverAnObject(body('[]', 'application/json; charset=utf-8'))).toBe(true);
});
