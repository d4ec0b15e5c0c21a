import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompatReport } from '../report/compatReport';

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
  const reportDir = mkdtempSync(path.join(tmpdir(), 'pm-matrix-'));
  return runCli('harness/cli/matrix.ts', [...args, '--report-dir', reportDir, `--output=${path.join(reportDir, 'test-results')}`], reportDir, timeoutMs, env);
}

/** Runs `npm run report:merge -- <args>` as a user would, into a fresh report folder, bounded in time. */
export function runMergeReports(args: string[], timeoutMs: number): Promise<MatrixRun> {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'pm-merged-'));
  return runCli('harness/cli/mergeReports.ts', [...args, '--report-dir', reportDir], reportDir, timeoutMs);
}

function runCli(script: string, args: string[], reportDir: string, timeoutMs: number, env: Record<string, string> = {}): Promise<MatrixRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    env: { ...cleanEnv(), ...env, CI: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ${args.join(' ')} did not finish in ${timeoutMs / 1000} s:\n${output.slice(-3000)}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? 1, output, reportDir, report: readReport(reportDir) });
    });
  });
}

/** The outer test runner's own variables would steer the inner run; a user's shell has none of them. */
function cleanEnv(): NodeJS.ProcessEnv {
  const inner = /^(PW_|TEST_|PLAYWRIGHT_|PASSKEY_MATRIX_|PM_|RP_URL$|RP_FAULTS$|RP_ADAPTER$|RP_VERSION$|RP_USER_VERIFICATION$|BASELINE$)/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !inner.test(key)));
}

function readReport(dir: string): CompatReport | null {
  try {
    return CompatReport.parse(JSON.parse(readFileSync(path.join(dir, 'compat-matrix.json'), 'utf8')));
  } catch {
    return null;
  }
}
