import { parseArgs } from 'node:util';
import { describeFaults, activeFaults, FaultSwitchError, parseFaultList, parseFaultSwitch, type FaultSwitch } from './faults';
import { startFixtureRp } from './server';

const USAGE = 'Usage: npm run rp -- [--port N] [--fault NAME[=ARG]]...   (or PORT=N, RP_FAULTS=a,b=c)';

class UsageError extends Error {}

type CliOptions = { port: number; faults: FaultSwitch[] };

function readOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, fault: { type: 'string', multiple: true } },
    strict: true,
    allowPositionals: false,
  });
  return {
    port: readPort(values.port ?? env['PORT'] ?? '3000'),
    faults: [...parseFaultList(env['RP_FAULTS']), ...(values.fault ?? []).map(parseFaultSwitch)],
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
    const known = error instanceof UsageError || error instanceof FaultSwitchError;
    console.error(`${(error as Error).message}${known ? '' : `\n${USAGE}`}`);
    process.exit(2);
  }
  const running = await startOrExit(options);
  console.log(`Fixture RP listening on ${running.url}`);
  const faults = activeFaults(options.faults);
  if (faults.size) console.error(`Faults on: ${describeFaults(faults)}`);
  const shutdown = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function startOrExit(options: CliOptions) {
  try {
    return await startFixtureRp({ port: options.port, faults: options.faults, log: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? `port ${options.port} is already in use` : (error as Error).message;
    console.error(`Fixture RP could not start: ${reason}`);
    process.exit(1);
  }
}

await main();
