import { expect, test } from '@playwright/test';
import { crossSiteMarks, hasWords } from './malformedRun';

test('an answer says why when some text in it has two words in a row', () => {
  expect(hasWords('{"error":"The request body is not valid JSON.","code":"bad-request"}')).toBe(true);
  expect(hasWords('{"error":"","code":"bad-request"}')).toBe(false);
  expect(hasWords('{"errors":[{"message":"Not accepted"}]}')).toBe(true);
  expect(hasWords('<p>Forbidden</p>')).toBe(false);
  expect(hasWords('<h1>Not allowed</h1>')).toBe(true);
  expect(hasWords('')).toBe(false);
});

test('cross-site marks: each says the request came from somewhere else than the RP', () => {
  const marks = crossSiteMarks('http://localhost:4000');
  expect(marks.map((m) => m.headers['origin'] ?? null)).toEqual(['http://localhost:4001', null, 'http://localhost.example.test:4000', 'null']);
  for (const mark of marks) expect(mark.headers['origin'] !== 'http://localhost:4000' && (mark.headers['origin'] !== undefined || mark.headers['sec-fetch-site'] === 'cross-site')).toBe(true);
});
