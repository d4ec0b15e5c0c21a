import { expect, test } from '@playwright/test';
import { rpConfig } from './config';
import { startMailbox } from './mailbox';
import { createMailer } from './mailer';

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('the mailer hands each mail to the SMTP server; the mailbox passes it on whole', async () => {
  const mailbox = await startMailbox();
  const mailer = createMailer(rpConfig({ smtp: { host: mailbox.host, port: mailbox.port } }), (line) => {
    throw new Error(`unexpected log: ${line}`);
  });
  const link = `http://localhost:3000/signin/email/link?token=${'x'.repeat(43)}`;
  mailer.sendInBackground({ to: 'alice@example.com', subject: 'Your sign-in link', text: `Open:\n\n${link}\n` });
  expect(await mailbox.waitForMessage('alice@example.com', 5_000)).toMatchObject({ subject: 'Your sign-in link', links: [link] });
  mailer.close();
  await mailbox.stop();
});

test('without a mail server, or when it is down, a mail is logged as not sent and nothing throws', async () => {
  const lines: string[] = [];
  createMailer(rpConfig(), (line) => lines.push(line)).sendInBackground({ to: 'a@example.com', subject: 'Hi', text: 'x' });
  expect(lines).toEqual(['No SMTP server configured: mail "Hi" to a@example.com was not sent.']);
  const mailbox = await startMailbox();
  await mailbox.stop();
  const down = createMailer(rpConfig({ smtp: { host: mailbox.host, port: mailbox.port } }), (line) => lines.push(line));
  down.sendInBackground({ to: 'a@example.com', subject: 'Hi', text: 'x' });
  await until(() => lines.length === 2, 'the failure line');
  expect(lines[1]).toMatch(new RegExp(`^Mail "Hi" to a@example.com could not be sent through 127.0.0.1:${mailbox.port}: `));
  down.close();
});
