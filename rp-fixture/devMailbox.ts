import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type DevMailbox = { host: string; port: number; stop(): Promise<void> };

/**
 * For `npm run rp` by hand with no SMTP server configured: a local SMTP server (loopback, no
 * authentication) that prints each mail's recipient, subject and links, so a person can open an
 * email sign-in link from the terminal.
 */
export async function startDevMailbox(print: (line: string) => void): Promise<DevMailbox> {
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const links = (mail.text ?? '').match(/https?:\/\/[^\s<>"]+/g) ?? [];
          print(`Mail to ${mail.to ? [mail.to].flat().map((to) => to.text).join(', ') : '?'}: "${mail.subject ?? ''}"`);
          for (const link of links) print(`  ${link}`);
          callback();
        })
        .catch((error: unknown) => callback(error as Error));
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
  });
  return { host: '127.0.0.1', port, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
