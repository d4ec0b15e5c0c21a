import { test, expect } from '@playwright/test';
import { RpClock } from './rpClock';

test('the RP clock counts overlapping spans once, and an open span up to now', () => {
  const clock = new RpClock();
  clock.start('page', 0);
  clock.start('fetch', 10);
  clock.end('fetch', 30);
  clock.end('page', 20);
  clock.start('ceremony', 50);
  clock.end('ceremony', 60);
  clock.start('still loading', 90);
  expect(clock.busyMs(100)).toBe(30 + 10 + 10);
  clock.end('never started', 5);
  expect(clock.busyMs(100)).toBe(50);
  clock.clear();
  expect(clock.busyMs(100)).toBe(0);
});
