import { test, expect } from '@playwright/test';
import { expectedAndReceived } from './expectedAndReceived';

// Messages as Playwright 1.65 words them (colours stripped), for `expect(observed).matcher(wanted)`.
test('equality: the wanted value is Expected, the observed one Received', () => {
  expect(expectedAndReceived('Error: sync state shown\n\nexpect(received).toBe(expected) // Object.is equality\n\nExpected: "device-bound"\nReceived: "synced"')).toEqual({
    expected: '"device-bound"',
    received: '"synced"',
  });
});

test('labelled values (length, membership, a pattern) and a comparison keep their words', () => {
  expect(expectedAndReceived('expect(received).toHaveLength(expected)\n\nExpected length: 0\nReceived length: 1\nReceived array:  [1]')).toEqual({ expected: '0', received: '1' });
  expect(expectedAndReceived('expect(received).not.toContain(expected) // indexOf\n\nExpected value: not "a"\nReceived array:     ["a", "b"]')).toEqual({ expected: 'not "a"', received: '["a", "b"]' });
  expect(expectedAndReceived('expect(received).toBeGreaterThan(expected)\n\nExpected: > 0\nReceived:   0')).toEqual({ expected: '> 0', received: '0' });
  expect(expectedAndReceived('expect(received).toBeInstanceOf(expected)\n\nExpected constructor: RpStepError\n\nReceived value has no prototype\nReceived value: null')).toEqual({ expected: 'RpStepError', received: 'null' });
});

test('a matcher with no argument names what it expected; a poll drops its call log', () => {
  expect(expectedAndReceived('Error: m\n\nexpect(received).toBeNull()\n\nReceived: "x"')).toEqual({ expected: 'null', received: '"x"' });
  expect(expectedAndReceived('expect(received).not.toBeNull()\n\nReceived: null')).toEqual({ expected: 'not null', received: 'null' });
  expect(expectedAndReceived('expect(received).not.toContain(expected) // indexOf\n\nExpected value: not "a"\nReceived array:     ["a"]\n\nCall Log:\n- Timeout 300ms exceeded')).toEqual({ expected: 'not "a"', received: '["a"]' });
});

test('a deep-equality diff gives each side whole', () => {
  const message = 'expect(received).toEqual(expected) // deep equality\n\n- Expected  - 1\n+ Received  + 1\n\n  Object {\n    "a": Array [\n      1,\n-     3,\n+     2,\n    ],\n  }';
  expect(expectedAndReceived(message)).toEqual({
    expected: 'Object {\n  "a": Array [\n    1,\n    3,\n  ],\n}',
    received: 'Object {\n  "a": Array [\n    1,\n    2,\n  ],\n}',
  });
});

test('an error that is no check says neither', () => {
  expect(expectedAndReceived('RpStepError: registration failed; the RP said: no')).toEqual({ expected: null, received: null });
  expect(expectedAndReceived('Test timeout of 30000ms exceeded.')).toEqual({ expected: null, received: null });
});
