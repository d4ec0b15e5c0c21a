import { expect, test } from '@playwright/test';
import { ApiError } from './apiError';
import { activeFaults } from './faults';
import { checkSignatureCounter, counterRegressed } from './signatureCounter';

test('a device-bound counter must increase once both are non-zero', () => {
  expect(counterRegressed(5, 6, 'singleDevice')).toBe(false);
  expect(counterRegressed(5, 5, 'singleDevice')).toBe(true);
  expect(counterRegressed(5, 4, 'singleDevice')).toBe(true);
  // A provider that does not count (0), before or now, is not judged.
  expect(counterRegressed(0, 0, 'singleDevice')).toBe(false);
  expect(counterRegressed(0, 3, 'singleDevice')).toBe(false);
  expect(counterRegressed(5, 0, 'singleDevice')).toBe(false);
});

test('synced passkeys are copies by design: their counters are not judged', () => {
  expect(counterRegressed(5, 1, 'multiDevice')).toBe(false);
});

test('checkSignatureCounter refuses with counter-regressed; ignore-counter lets it through', () => {
  const credential = { counter: 7, deviceType: 'singleDevice' as const };
  let thrown: unknown;
  try {
    checkSignatureCounter(credential, 7, activeFaults([]));
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ApiError);
  expect(thrown).toMatchObject({ status: 400, code: 'counter-regressed' });
  expect(() => checkSignatureCounter(credential, 8, activeFaults([]))).not.toThrow();
  expect(() => checkSignatureCounter(credential, 7, activeFaults([{ name: 'ignore-counter' }]))).not.toThrow();
});

test('counter-equal-accepted lets an equal counter through, and still refuses a lower one', () => {
  const credential = { counter: 7, deviceType: 'singleDevice' as const };
  const faults = activeFaults([{ name: 'counter-equal-accepted' }]);
  expect(() => checkSignatureCounter(credential, 7, faults)).not.toThrow();
  expect(() => checkSignatureCounter(credential, 6, faults)).toThrow(ApiError);
});
