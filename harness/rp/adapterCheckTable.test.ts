import { expect, test } from '@playwright/test';
import { renderCheckTable, summaryLine } from './adapterCheckTable';
import type { MethodVerdict } from './adapterCheckVerdict';

const verdicts: MethodVerdict[] = [
  { method: 'register', result: 'pass', why: 'resolved' },
  { method: 'signIn (no passkey)', result: 'fail', why: 'threw TimeoutError' },
  { method: 'signIn (cross-device)', result: 'not-tried', why: 'not tried: needs a phone' },
  { method: 'listPasskeys', result: 'lacking', why: 'lacking (management-page): not listed' },
];

test('one row per method: the name padded to the longest, its mark, and why', () => {
  expect(renderCheckTable(verdicts).split('\n')).toEqual([
    'method                    why',
    '---------------------  -  ---',
    'register               ✓  resolved',
    'signIn (no passkey)    ✗  threw TimeoutError',
    'signIn (cross-device)  –  not tried: needs a phone',
    'listPasskeys           –  lacking (management-page): not listed',
  ]);
});

test('the summary counts each result and leads with whether every method kept the contract', () => {
  expect(summaryLine(verdicts)).toBe('1 did not do what the contract says (1 ✓, 1 ✗, 1 not tried, 1 lacking)');
  expect(summaryLine(verdicts.filter((v) => v.result !== 'fail'))).toBe('every method tried did what the contract says (1 ✓, 0 ✗, 1 not tried, 1 lacking)');
});
