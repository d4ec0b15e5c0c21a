import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompatReport } from '../report/compatReport';
import { userEnvironment } from '../plan/runOptions';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface MatrixRun {
  exitCode: number;
  output: string;
  reportDir: string;
  report: CompatReport | null;
}

/**
 * Runs `npm run matrix -- <args>` as a user would, into a fresh report folder, bounded in time.
 * `env` adds variables a user would set in their shell (RP_USER_VERIFICATION for the fixture RP).
 */
export function runMatrix(args: string[], timeoutMs: number, env: Record<string, string> = {}): Promise<MatrixRun> {
  return startMatrix(args, timeoutMs, env).done;
}

/** A matrix run still going: what it printed so far, to act on while it runs (break something mid-run). */
export interface RunningMatrix {
  /** The process of `npm run matrix`; the runner, its workers and their browsers are its descendants. */
  pid: number;
  /** Resolves with all the output so far once `seen` holds for it; rejects when the run ends first or after `timeoutMs`. */
  waitForOutput(seen: (output: string) => boolean, timeoutMs: number): Promise<string>;
  done: Promise<MatrixRun>;
}

/** Starts `npm run matrix -- <args>` as runMatrix does, without waiting for it to end. */
export function startMatrix(args: string[], timeoutMs: number, env: Record<string, string> = {}): RunningMatrix {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'pm-matrix-'));
  return startCli('harness/cli/matrix.ts', [...args, '--report-dir', reportDir, `--output=${path.join(reportDir, 'test-results')}`], reportDir, timeoutMs, env);
}

/** Runs `npm run report:merge -- <args>` as a user would, into a fresh report folder, bounded in time. */
export function runMergeReports(args: string[], timeoutMs: number): Promise<MatrixRun> {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'pm-merged-'));
  return startCli('harness/cli/mergeReports.ts', [...args, '--report-dir', reportDir], reportDir, timeoutMs).done;
}

/** Runs `npm run mutation -- <args>` as a user would, its reports in a fresh folder, bounded in time. */
export function runMutation(args: string[], timeoutMs: number): Promise<MatrixRun> {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'pm-mutation-'));
  return startCli('harness/cli/mutation.ts', [...args, '--report-dir', reportDir], reportDir, timeoutMs).done;
}

/** Runs `npm run adapter:check -- <args>` as a user would, its screenshots in a fresh report folder, bounded in time. */
export function runAdapterCheckCli(args: string[], timeoutMs: number): Promise<MatrixRun> {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'pm-adapter-check-'));
  return startCli('harness/cli/adapterCheck.ts', [...args, '--report-dir', reportDir], reportDir, timeoutMs).done;
}

function startCli(script: string, args: string[], reportDir: string, timeoutMs: number, env: Record<string, string> = {}): RunningMatrix {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    env: { ...userEnvironment(), ...env, CI: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const events = new EventEmitter();
  const onChunk = (chunk: Buffer) => {
    output += chunk.toString();
    events.emit('data');
  };
  child.stdout.on('data', onChunk);
  child.stderr.on('data', onChunk);
  const done = new Promise<MatrixRun>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ${args.join(' ')} did not finish in ${timeoutMs / 1000} s:\n${output.slice(-3000)}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      events.emit('exit');
      resolve({ exitCode: code ?? 1, output, reportDir, report: readReport(reportDir) });
    });
  });
  const waitForOutput = (seen: (output: string) => boolean, waitMs: number) =>
    new Promise<string>((resolve, reject) => {
      const stop = () => {
        clearTimeout(timer);
        events.off('data', check);
        events.off('exit', ended);
      };
      const check = () => {
        if (!seen(output)) return;
        stop();
        resolve(output);
      };
      const ended = () => {
        stop();
        reject(new Error(`${script} ended before the output awaited:\n${output.slice(-3000)}`));
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`${script}: the output awaited did not come within ${waitMs / 1000} s:\n${output.slice(-3000)}`));
      }, waitMs);
      events.on('data', check);
      events.on('exit', ended);
      if (child.exitCode !== null || child.signalCode !== null) ended();
      else check();
    });
  return { pid: child.pid!, waitForOutput, done };
}

function readReport(dir: string): CompatReport | null {
  try {
    return CompatReport.parse(JSON.parse(readFileSync(path.join(dir, 'compat-matrix.json'), 'utf8')));
  } catch {
    return null;
  }
}
