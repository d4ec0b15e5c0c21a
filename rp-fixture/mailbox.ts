import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One mail as a scenario reads it. */
export interface ReceivedMail {
  /** Every recipient address (from the SMTP envelope, so Bcc too), lower-case. */
  to: string[];
  subject: string;
  /** The plain-text body (decoded). */
  text: string;
  /** Every http(s) link in the text and in the HTML part's hrefs, in order, without duplicates. */
  links: string[];
}

export interface Mailbox {
  host: string;
  port: number;
  /**
   * The oldest mail to `to` not returned yet, waiting for it up to `timeoutMs`. Each mail is
   * returned once per recipient, so two calls in a row read two mails.
   */
  waitForMessage(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

export class MailboxTimeoutError extends Error {
  override name = 'MailboxTimeoutError';
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_MAIL_BYTES = 1024 * 1024;
const MAX_UNREAD = 1_000;

type Waiter = { to: string; resolve(mail: ReceivedMail): void };

/**
 * A real SMTP server on 127.0.0.1 (a free port, no authentication, no TLS) that keeps every mail it
 * is given: where the fixture RP sends its mail when no SMTP server is configured. A person running
 * the RP by hand reads each mail's links from `onMail`; a test harness reads them through the
 * `/test-hooks/mail` hook.
 */
export async function startMailbox(onMail: (mail: ReceivedMail) => void = () => undefined): Promise<Mailbox> {
  const unread: ReceivedMail[] = [];
  /** Which recipients of each unread mail have not had it yet. */
  const pending = new Map<ReceivedMail, Set<string>>();
  const waiters: Waiter[] = [];

  const deliver = (mail: ReceivedMail) => {
    const recipients = new Set(mail.to);
    for (const waiter of [...waiters]) {
      if (!recipients.delete(waiter.to)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(mail);
    }
    if (recipients.size) {
      unread.push(mail);
      pending.set(mail, recipients);
    }
    // An RP left running by hand keeps only the newest mails unread.
    for (const stale of unread.splice(0, Math.max(0, unread.length - MAX_UNREAD))) pending.delete(stale);
  };

  const take = (to: string): ReceivedMail | undefined => {
    const mail = unread.find((candidate) => pending.get(candidate)?.has(to));
    if (!mail) return undefined;
    const left = pending.get(mail);
    left?.delete(to);
    if (!left?.size) {
      pending.delete(mail);
      unread.splice(unread.indexOf(mail), 1);
    }
    return mail;
  };

  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    size: MAX_MAIL_BYTES,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          // The envelope says who the mail is for, Bcc included; the headers may not.
          const envelope = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
          const mail = receivedMail(parsed, envelope);
          onMail(mail);
          deliver(mail);
          callback();
        })
        .catch((error: unknown) => callback(error as Error));
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.server.address() as AddressInfo).port);
    });
  });

  let stopping: Promise<void> | undefined;
  return {
    host: '127.0.0.1',
    port,
    waitForMessage(to, timeoutMs = DEFAULT_TIMEOUT_MS) {
      const address = to.trim().toLowerCase();
      const ready = take(address);
      if (ready) return Promise.resolve(ready);
      return new Promise<ReceivedMail>((resolve, reject) => {
        const waiter: Waiter = {
          to: address,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          const seen = unread.length ? ` (unread mail is for: ${[...new Set(unread.flatMap((mail) => [...(pending.get(mail) ?? [])]))].join(', ')})` : ' (no unread mail)';
          reject(new MailboxTimeoutError(`No mail to ${address} arrived at the mailbox on 127.0.0.1:${port} within ${timeoutMs} ms${seen}.`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    stop() {
      stopping ??= new Promise((resolve) => server.close(() => resolve()));
      return stopping;
    },
  };
}

function receivedMail(parsed: ParsedMail, envelope: string[]): ReceivedMail {
  const text = parsed.text ?? '';
  const hrefs = typeof parsed.html === 'string' ? [...parsed.html.matchAll(/href="(https?:\/\/[^"]+)"/g)].map((match) => decodeEntities(match[1] ?? '')) : [];
  return {
    to: [...new Set(envelope)],
    subject: parsed.subject ?? '',
    text,
    links: [...new Set([...(text.match(/https?:\/\/[^\s<>"]+/g) ?? []), ...hrefs])],
  };
}

function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
