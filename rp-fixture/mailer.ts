import { createTransport } from 'nodemailer';
import type { RpConfig } from './config';

export type Mail = { to: string; subject: string; text: string };

/** Sends the RP's plain-text mails (sign-in links, address checks). */
export type Mailer = {
  /**
   * Hands the mail to the SMTP server without making the request wait for it: how long a page takes
   * must not tell whether an address has an account. A failure is logged, never shown.
   */
  sendInBackground(mail: Mail): void;
  close(): void;
};

/** Over SMTP with nodemailer when a server is configured; otherwise every mail is only logged as not sent. */
export function createMailer(config: Pick<RpConfig, 'smtp' | 'mailFrom'>, log: (line: string) => void): Mailer {
  if (!config.smtp) {
    return {
      sendInBackground: (mail) => log(`No SMTP server configured: mail "${mail.subject}" to ${mail.to} was not sent.`),
      close: () => undefined,
    };
  }
  const transport = createTransport(
    { host: config.smtp.host, port: config.smtp.port, secure: false, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 },
    { from: config.mailFrom },
  );
  const server = `${config.smtp.host}:${config.smtp.port}`;
  return {
    sendInBackground(mail) {
      transport.sendMail(mail).catch((error: unknown) => {
        log(`Mail "${mail.subject}" to ${mail.to} could not be sent through ${server}: ${(error as Error).message}`);
      });
    },
    close: () => transport.close(),
  };
}
