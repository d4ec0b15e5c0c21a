import { expect, test } from '@playwright/test';
import { EMAIL_LINK_TTL_MS, EmailLinks } from './emailLinks';
import { activeFaults } from './faults';

const GRANT = { purpose: 'sign-in', username: 'alice', address: 'alice@example.com' } as const;

function links(faults = activeFaults([])) {
  const clock = { time: 0 };
  return { clock, links: new EmailLinks(() => new Date(clock.time), faults) };
}

test('a link works once; peeking does not use it up; a token of another purpose does not fit', () => {
  const { links: store } = links();
  const token = store.issue(GRANT);
  expect(token).toMatch(/^[\w-]{43}$/);
  expect(store.peek(token, 'verify-email')).toBeUndefined();
  expect(store.peek(token, 'sign-in')).toEqual(GRANT);
  expect(store.consume(token, 'sign-in')).toEqual(GRANT);
  expect(store.consume(token, 'sign-in')).toBeUndefined();
  expect(store.consume('made-up', 'sign-in')).toBeUndefined();
});

test('a link expires after 15 minutes', () => {
  const { clock, links: store } = links();
  const token = store.issue(GRANT);
  clock.time += EMAIL_LINK_TTL_MS - 1;
  expect(store.peek(token, 'sign-in')).toBeDefined();
  clock.time += 1;
  expect(store.consume(token, 'sign-in')).toBeUndefined();
});

test('fault reusable-email-link: a used link keeps working until it expires', () => {
  const { clock, links: store } = links(activeFaults([{ name: 'reusable-email-link' }]));
  const token = store.issue(GRANT);
  expect(store.consume(token, 'sign-in')).toEqual(GRANT);
  expect(store.consume(token, 'sign-in')).toEqual(GRANT);
  clock.time += EMAIL_LINK_TTL_MS;
  expect(store.consume(token, 'sign-in')).toBeUndefined();
});
