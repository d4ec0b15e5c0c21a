import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { environmentWithout, RUN_VARS } from '../plan/runOptions';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_LINE = /listening on (http:\/\/\S+)/i;
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

export interface RunningRp {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the fixture RP as its own process, as `npm run rp` would, so the harness reaches it only
 * over HTTP, exactly as it reaches a team's own RP.
 */
export async function startFixtureRpProcess(faults: string[] = [], outages: string[] = []): Promise<RunningRp> {
  const args = [
    // A cheap password hash: no scenario times one, and a matrix run hashes thousands.
    ...['--import', 'tsx', 'rp-fixture/server/cli.ts', '--port', '0', '--test-hooks', '--fast-password-hashing'],
    ...faults.flatMap((f) => ['--fault', f]),
    ...outages.flatMap((o) => ['--outage', o]),
  ];
  // Faults go as flags only: an inherited RP_FAULTS would switch them on twice.
  const env = environmentWithout([RUN_VARS.rpFaults]);
  // The IPC channel is the RP's line to this process: when this process dies unannounced, it closes and the RP exits.
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  // The channel alone does not keep this process alive: it may end as it would without the RP.
  child.channel?.unref();
  const url = await waitForReady(child);
  return { url, stop: () => stopProcess(child) };
}

function waitForReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`The fixture RP did not start: ${why}${output ? `\n${output.trim()}` : ''}`));
    };
    const timer = setTimeout(() => fail(`no "listening on" line within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume(); // keep draining so the child never blocks on a full pipe
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => fail(`it exited with code ${code}`));
    child.once('error', (error) => fail(error.message));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
