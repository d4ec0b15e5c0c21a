import { test, expect } from '@playwright/test';
import { differences } from './comparableReport';

test('differences name each path that differs with both values, and nothing for equal values', () => {
  expect(differences({ a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null })).toEqual([]);
  expect(differences({ a: [1, { b: 'x' }] }, { a: [2, { b: 'y' }], d: true })).toEqual(['$.a[0]: 1 then 2', '$.a[1].b: "x" then "y"', '$.d: undefined then true']);
  expect(differences([1], { 0: 1 })).toEqual(['$: [1] then {"0":1}']);
});
