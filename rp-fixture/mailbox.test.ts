import { expect, test } from '@playwright/test';
import { createTransport } from 'nodemailer';
import { MailboxTimeoutError, startMailbox, type Mailbox } from './mailbox';

let mailbox: Mailbox | undefined;

test.afterEach(async () => {
  await mailbox?.stop();
  mailbox = undefined;
});

function sender(box: Mailbox) {
  return createTransport({ host: box.host, port: box.port, secure: false }, { from: 'RP <rp@localhost>' });
}

test('receives a real SMTP mail; long links survive quoted-printable wrapping', async () => {
  mailbox = await startMailbox();
  expect(mailbox.host).toBe('127.0.0.1');
  const link = `http://localhost:4321/signin/email/link?token=${'a1B2-c3_D4'.repeat(8)}`;
  await sender(mailbox).sendMail({ to: 'Alice@Example.com', subject: 'Your sign-in link', text: `Hello,\n\n${link}\n\nBye` });
  const mail = await mailbox.waitForMessage('alice@example.com', 5_000);
  expect(mail).toMatchObject({ to: ['alice@example.com'], subject: 'Your sign-in link', links: [link] });
  expect(mail.text).toContain('Hello,');
});

test('a wait started before the mail arrives gets it; mails come in order, each once', async () => {
  mailbox = await startMailbox();
  const waiting = mailbox.waitForMessage('bob@example.com', 5_000);
  const transport = sender(mailbox);
  await transport.sendMail({ to: 'bob@example.com', subject: 'first', text: 'http://localhost/1' });
  await transport.sendMail({ to: ['bob@example.com', 'carol@example.com'], subject: 'second', text: 'http://localhost/2' });
  expect((await waiting).subject).toBe('first');
  expect((await mailbox.waitForMessage('bob@example.com', 5_000)).subject).toBe('second');
  expect((await mailbox.waitForMessage('carol@example.com', 5_000)).links).toEqual(['http://localhost/2']);
});

test('every wait is bounded and says what it waited for', async () => {
  mailbox = await startMailbox();
  await sender(mailbox).sendMail({ to: 'someone@example.com', subject: 'x', text: 'x' });
  const started = performance.now();
  const error = await mailbox.waitForMessage('nobody@example.com', 300).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(MailboxTimeoutError);
  expect(String((error as Error).message)).toMatch(/No mail to nobody@example.com .* within 300 ms \(unread mail is for: someone@example.com\)/);
  expect(performance.now() - started).toBeLessThan(2_000);
});

test('stop() closes the port and can be called twice', async () => {
  const box = await startMailbox();
  await box.stop();
  await box.stop();
  await expect(sender(box).sendMail({ to: 'a@example.com', subject: 'x', text: 'x' })).rejects.toThrow();
});

test('each mail is handed to onMail as it arrives, for a person running the RP by hand', async () => {
  const seen: string[] = [];
  mailbox = await startMailbox((mail) => seen.push(`${mail.to.join(',')}: ${mail.subject}`));
  await sender(mailbox).sendMail({ to: 'dana@example.com', subject: 'Confirm your address', text: 'http://localhost/v' });
  await mailbox.waitForMessage('dana@example.com', 5_000);
  expect(seen).toEqual(['dana@example.com: Confirm your address']);
});
