import { expect, test } from '@playwright/test';
import { madeUpLink } from './madeUpLink';

test('the token in a query value is made up, the rest of the link kept', () => {
  const made = madeUpLink('http://localhost:3000/signin/email/link?token=Abc_xyz-0123456789z&lang=en');
  expect(made).toEqual({ link: 'http://localhost:3000/signin/email/link?token=Bcd_yza-1234567890a&lang=en' });
});

test('a token in the path is made up too; the longest part is the token', () => {
  expect(madeUpLink('https://shop.example/magic/abcdefghijklmnopqrstu/open?utm_source=mailing-list-2026')).toEqual({
    link: 'https://shop.example/magic/bcdefghijklmnopqrstuv/open?utm_source=mailing-list-2026',
  });
  expect(madeUpLink('https://shop.example/verify/short?id=42')).toEqual({
    reason: 'the link has no query value or path segment of 16 characters or more to take for its token',
  });
});
