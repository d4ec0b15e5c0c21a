import { parseArgs } from 'node:util';
import { describeFaults, activeFaults, FaultSwitchError, parseFaultList, parseFaultSwitch, type FaultSwitch } from '../faults';
import { ConfigError, rpConfigFromText, type RpConfig } from '../config';
import { startMailbox, type Mailbox, type ReceivedMail } from '../mailbox';
import { policyFrom, PolicyError, type Policy } from '../policy';
import { startFixtureRp } from './server';
import { OutageError, parseOutage, type Outage } from '../outages';

const USAGE =
  'Usage: npm run rp -- [--port N] [--fault NAME[=ARG]]... [--user-verification required|preferred|discouraged]\n' +
  '       (or PORT=N, RP_FAULTS=a,b=c, RP_USER_VERIFICATION=required)';
const CONFIG_USAGE =
  '       [--outage 500:/path | hang:/path | exit-after:N]... (to prove a harness survives a broken RP)\n' +
  '       [--passkey-only-accounts] [--promotion-interval-days N] [--smtp HOST:PORT] [--mail-from ADDRESS] [--test-hooks]\n' +
  '       [--fast-password-hashing] (a cheap password hash, for test runs only)\n' +
  '       (or RP_PASSKEY_ONLY_ACCOUNTS=true, RP_PROMOTION_INTERVAL_DAYS=N, RP_SMTP=HOST:PORT, RP_MAIL_FROM=ADDRESS, RP_TEST_HOOKS=true, RP_FAST_PASSWORD_HASHING=true)';

class UsageError extends Error {}

type CliOptions = { port: number; faults: FaultSwitch[]; config: RpConfig; policy: Policy; outages: Outage[] };

function readOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      fault: { type: 'string', multiple: true },
      'passkey-only-accounts': { type: 'boolean' },
      'promotion-interval-days': { type: 'string' },
      smtp: { type: 'string' },
      'mail-from': { type: 'string' },
      'test-hooks': { type: 'boolean' },
      'fast-password-hashing': { type: 'boolean' },
      'user-verification': { type: 'string' },
      outage: { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    port: readPort(values.port ?? env['PORT'] ?? '3000'),
    faults: [...parseFaultList(env['RP_FAULTS']), ...(values.fault ?? []).map(parseFaultSwitch)],
    outages: (values.outage ?? []).map(parseOutage),
    // Neither given: policyFrom's default, the one default there is.
    policy: policyFrom({ userVerification: (values['user-verification'] ?? env['RP_USER_VERIFICATION']) as Policy['userVerification'] | undefined }),
    config: rpConfigFromText({
      passkeyOnlyAccounts: values['passkey-only-accounts'] ?? env['RP_PASSKEY_ONLY_ACCOUNTS'],
      promotionIntervalDays: values['promotion-interval-days'] ?? env['RP_PROMOTION_INTERVAL_DAYS'],
      smtp: values.smtp ?? env['RP_SMTP'],
      mailFrom: values['mail-from'] ?? env['RP_MAIL_FROM'],
      testHooks: values['test-hooks'] ?? env['RP_TEST_HOOKS'],
      fastPasswordHashing: values['fast-password-hashing'] ?? env['RP_FAST_PASSWORD_HASHING'],
    }),
  };
}

function readPort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Invalid port "${text}": use 0 to 65535.`);
  return port;
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = readOptions(process.argv.slice(2), process.env);
  } catch (error) {
    // Bad flags and unknown faults are the caller's mistake: one line, exit 2, no stack.
    const known = error instanceof UsageError || error instanceof FaultSwitchError || error instanceof ConfigError || error instanceof PolicyError || error instanceof OutageError;
    console.error(`${(error as Error).message}${known ? '' : `\n${USAGE}\n${CONFIG_USAGE}`}`);
    process.exit(2);
  }
  // No mail server configured: a local one prints each mail's links here, so email sign-in works by hand.
  const mailbox = options.config.smtp ? undefined : await startMailbox(printMail);
  const running = await startOrExit(options, mailbox);
  console.log(`Fixture RP listening on ${running.url}`);
  if (mailbox) console.log(`Mail goes to a local mailbox on ${mailbox.host}:${mailbox.port}: links in mails are printed here.`);
  const faults = activeFaults(options.faults);
  if (faults.size) console.error(`Faults on: ${describeFaults(faults)}`);
  const shutdown = async () => {
    await running.stop();
    await mailbox?.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // Started by the harness (an IPC channel to it): when the harness dies without stopping it (a run
  // killed from outside), the channel closes, and an RP left running would hold its port and memory.
  if (process.send) process.once('disconnect', shutdown);
}

function printMail(mail: ReceivedMail): void {
  console.log(`Mail to ${mail.to.join(', ')}: "${mail.subject}"`);
  for (const link of mail.links) console.log(`  ${link}`);
}

async function startOrExit(options: CliOptions, mailbox: Mailbox | undefined) {
  try {
    return await startFixtureRp({
      port: options.port,
      faults: options.faults,
      policy: options.policy,
      log: true,
      config: options.config,
      ...(mailbox ? { mailbox } : {}),
      // An outage that kills the RP kills it as a crash would: at once, exit code 1.
      outages: { list: options.outages, die: () => process.exit(1) },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? `port ${options.port} is already in use` : (error as Error).message;
    console.error(`Fixture RP could not start: ${reason}`);
    process.exit(1);
  }
}

await main();
