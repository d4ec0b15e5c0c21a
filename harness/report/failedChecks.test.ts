import { test, expect } from '@playwright/test';
import { failedChecks } from './failedChecks';
import { classifyFailure } from './classifyFailure';
import { failedResultForTests } from './failedResultForTests';

test('every error of a result is listed in order, each with the innermost scenario step it failed in', () => {
  const checks = failedChecks(failedResultForTests);
  expect(checks.map((c) => c.step)).toEqual([
    'open the management page › the management page names the provider',
    'open the management page › the management page names the provider',
    'deleting a passkey › the provider forgets it',
    null,
  ]);
  expect(checks.map((c) => c.message)).toEqual(["the provider's own icon is shown", 'sync state shown', 'the provider forgets it', 'Test timeout of 30000ms exceeded.']);
});

test('expected is what the check wanted and received what the RP showed, never swapped', () => {
  const [icon, sync, held, timeout] = failedChecks(failedResultForTests);
  expect(icon).toMatchObject({ expected: 'not null', received: 'null' });
  expect(sync).toMatchObject({ expected: '"device-bound"', received: '"synced"' });
  expect(held).toMatchObject({ expected: 'not "cred-1"', received: '["cred-1"]' });
  expect(timeout).toMatchObject({ expected: null, received: null });
});

test('a check names the expected-vs-observed evidence attached in its step', () => {
  expect(failedChecks(failedResultForTests).map((c) => c.explained)).toEqual(['the passkey as shown', 'the passkey as shown', null, null]);
});

test('two identical failures (a check in a loop) take a step each, in order', () => {
  const error = { message: 'Error: same\n\nexpect(received).toBe(expected)\n\nExpected: 3\nReceived: 1', location: { file: 'a.ts', line: 5, column: 1 } };
  const leaf = (title: string) => ({ title, category: 'test.step', attachments: [], error, steps: [{ title: 'same', category: 'expect', attachments: [], error, steps: [] }] });
  expect(failedChecks({ errors: [error, error], steps: [leaf('first'), leaf('second')] }).map((c) => c.step)).toEqual(['first', 'second']);
});

test('several errors: a verdict when any is a failed check, the reason counts them and names the first step', () => {
  const judged = classifyFailure(failedResultForTests.errors, failedChecks(failedResultForTests));
  expect(judged.status).toBe('fail');
  expect(judged.reason).toBe(
    "4 checks failed. The first, in open the management page › the management page names the provider:\nError: the provider's own icon is shown\nexpect(received).not.toBeNull()\nReceived: null",
  );
  expect(classifyFailure([{ message: 'Test timeout of 30000ms exceeded.' }, { message: 'Error: page.goto: net::ERR_CONNECTION_REFUSED' }]).status).toBe('error');
  expect(classifyFailure([{ message: 'Test timeout of 30000ms exceeded.' }, { message: 'RpStepError: sign-in failed; the RP said: unknown passkey' }]).status).toBe('fail');
});
