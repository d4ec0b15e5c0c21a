import { expect, test } from '@playwright/test';
import { checkedOnce, ONCE_PER } from './checkedOnce';

test('the tags say how often a test runs', () => {
  expect(checkedOnce([])).toBeNull();
  expect(checkedOnce(['@1password/synced', ONCE_PER.environment])).toBe('environment');
  expect(checkedOnce([ONCE_PER['environment-and-sync']])).toBe('environment-and-sync');
});
