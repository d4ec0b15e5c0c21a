import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';

const START = fileURLToPath(new URL('./fixtureRpProcess.ts', import.meta.url));

/** Whether a process is still there (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('a fixture RP whose harness dies unannounced (killed, no stop) exits with it instead of staying behind', async () => {
  // The harness: starts an RP, says the RP's pid, then waits to be killed.
  const dir = mkdtempSync(path.join(tmpdir(), 'pm-rp-parent-'));
  const script = path.join(dir, 'harness.mts');
  writeFileSync(
    script,
    `import { startFixtureRpProcess } from ${JSON.stringify(START)};
const rp = await startFixtureRpProcess();
const { execSync } = await import('node:child_process');
const children = execSync('ps -o pid=,args= --ppid ' + process.pid).toString().split('\\n');
const rpLine = children.find((line) => line.includes('rp-fixture/server/cli.ts'));
console.log('RP ' + rpLine.trim().split(' ')[0] + ' ' + rp.url);
setInterval(() => undefined, 1000);`,
  );
  const harness = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let rpPid: number | null = null;
  try {
    rpPid = await new Promise<number>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`no RP started within 20 s: ${output}`)), 20_000);
      harness.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /^RP (\d+) /m.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
    });
    const pid = rpPid;
    expect(alive(pid)).toBe(true);
    harness.kill('SIGKILL');
    await expect.poll(() => alive(pid), { timeout: 10_000, message: 'the RP exits once its harness is gone' }).toBe(false);
  } finally {
    // Whatever failed above, leave nothing running.
    harness.kill('SIGKILL');
    if (rpPid !== null && alive(rpPid)) process.kill(rpPid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
