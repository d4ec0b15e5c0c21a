import { z } from 'zod';

/** Where the RP sends its mail: a plain SMTP server, no authentication (a local mailbox in tests). */
const Smtp = z.object({
  host: z.string().trim().min(1, 'an SMTP host'),
  port: z.number().int().min(1).max(65535),
});

const Schema = z.object({
  /**
   * The seed's "approach 2": an account may have only passkeys, and the pages say that recovery then
   * goes through support. When false, every account keeps another way in besides its passkeys.
   */
  passkeyOnlyAccounts: z.boolean().default(false),
  /** At most one passkey offer per account in this many days; "Not now" is remembered as long. */
  promotionIntervalDays: z.number().int().min(0).max(3650).default(30),
  /** null: no mail server (the CLI, or test hooks, then start `mailbox.ts`; otherwise from code, mails are only logged). */
  smtp: Smtp.nullable().default(null),
  mailFrom: z.string().trim().min(3).max(200).default('Passkey Matrix Fixture <no-reply@localhost>'),
  /**
   * `fast`: a cheap password hash, for test runs only (the harness starts its fixture RP so); a
   * matrix run hashes thousands of passwords and no scenario times a hash. `strong` otherwise.
   */
  passwordHashing: z.enum(['strong', 'fast']).default('strong'),
  /** Mounts `/test-hooks/clock` and `/test-hooks/mail`: a test harness moves the RP's clock and reads its mail. Never on in production. */
  testHooks: z.boolean().default(false),
  /** The clock of every time rule here (promotion interval, email link and TOTP expiry); tests advance it. */
  now: z.custom<() => Date>((value) => typeof value === 'function', 'a function returning the current Date').optional(),
});

export type RpConfigInput = z.input<typeof Schema>;
export type RpConfig = Omit<z.output<typeof Schema>, 'now'> & { now: () => Date };

export class ConfigError extends Error {}

/** Validates a configuration given in code; throws ConfigError with a one-line reason. */
export function rpConfig(input: RpConfigInput = {}): RpConfig {
  const parsed = Schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid RP configuration${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'unreadable'}.`);
  }
  return { ...parsed.data, now: parsed.data.now ?? (() => new Date()) };
}

/** The same options as text, from CLI flags or environment variables; absent ones keep their defaults. */
export type ConfigText = {
  passkeyOnlyAccounts?: string | boolean | undefined;
  promotionIntervalDays?: string | undefined;
  /** `HOST:PORT` */
  smtp?: string | undefined;
  mailFrom?: string | undefined;
  testHooks?: string | boolean | undefined;
  fastPasswordHashing?: string | boolean | undefined;
};

export function rpConfigFromText(text: ConfigText): RpConfig {
  return rpConfig({
    ...(text.passkeyOnlyAccounts === undefined ? {} : { passkeyOnlyAccounts: flag(text.passkeyOnlyAccounts) }),
    ...(text.promotionIntervalDays === undefined ? {} : { promotionIntervalDays: whole(text.promotionIntervalDays, 'promotion interval (days)') }),
    ...(text.smtp === undefined || text.smtp === '' ? {} : { smtp: hostAndPort(text.smtp) }),
    ...(text.mailFrom === undefined ? {} : { mailFrom: text.mailFrom }),
    ...(text.testHooks === undefined ? {} : { testHooks: flag(text.testHooks) }),
    ...(text.fastPasswordHashing === undefined ? {} : { passwordHashing: flag(text.fastPasswordHashing) ? 'fast' : 'strong' }),
  });
}

function flag(value: string | boolean): boolean {
  if (typeof value === 'boolean') return value;
  const normalized = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(normalized)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(normalized)) return false;
  throw new ConfigError(`Invalid yes/no value "${value}": use true or false.`);
}

function whole(value: string, what: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number)) throw new ConfigError(`Invalid ${what} "${value}": use a whole number.`);
  return number;
}

function hostAndPort(value: string): { host: string; port: number } {
  const separator = value.lastIndexOf(':');
  if (separator <= 0) throw new ConfigError(`Invalid SMTP server "${value}": use HOST:PORT, as in 127.0.0.1:2525.`);
  return { host: value.slice(0, separator).replace(/^\[(.*)\]$/, '$1'), port: whole(value.slice(separator + 1), 'SMTP port') };
}
