import { expect, test } from '@playwright/test';
import { ConfigError, rpConfig, rpConfigFromText } from './config';

test('defaults: every account keeps another way in, a 30-day interval, no mail server, the system clock', () => {
  const config = rpConfig();
  expect(config).toMatchObject({ passkeyOnlyAccounts: false, promotionIntervalDays: 30, smtp: null, mailFrom: 'Passkey Matrix Fixture <no-reply@localhost>' });
  expect(Math.abs(config.now().getTime() - Date.now())).toBeLessThan(1000);
});

test('given in code, it is checked', () => {
  const now = () => new Date(0);
  expect(rpConfig({ passkeyOnlyAccounts: true, smtp: { host: '127.0.0.1', port: 2525 }, now })).toMatchObject({ passkeyOnlyAccounts: true, smtp: { host: '127.0.0.1', port: 2525 }, now });
  expect(() => rpConfig({ promotionIntervalDays: -1 })).toThrow(ConfigError);
  expect(() => rpConfig({ smtp: { host: '', port: 25 } })).toThrow(/at smtp.host/);
  expect(() => rpConfig({ now: 'tomorrow' as unknown as () => Date })).toThrow(/at now: a function/);
});

test('from CLI flags or environment variables', () => {
  expect(rpConfigFromText({ passkeyOnlyAccounts: 'yes', promotionIntervalDays: '7', smtp: 'mail.test:2525', mailFrom: 'a@b.test' })).toMatchObject({
    passkeyOnlyAccounts: true,
    promotionIntervalDays: 7,
    smtp: { host: 'mail.test', port: 2525 },
    mailFrom: 'a@b.test',
  });
  expect(rpConfigFromText({ passkeyOnlyAccounts: true, smtp: '[::1]:25' }).smtp).toEqual({ host: '::1', port: 25 });
  expect(rpConfigFromText({ smtp: '' }).smtp).toBeNull();
  expect(() => rpConfigFromText({ smtp: 'localhost' })).toThrow('Invalid SMTP server "localhost": use HOST:PORT, as in 127.0.0.1:2525.');
  expect(() => rpConfigFromText({ promotionIntervalDays: '1.5' })).toThrow(/whole number/);
  expect(() => rpConfigFromText({ passkeyOnlyAccounts: 'sometimes' })).toThrow(/use true or false/);
});
