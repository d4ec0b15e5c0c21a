import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Each burner spins in a worker thread while its main thread listens to the channel to this process:
 * when this process dies without `stop` (a test run killed), the channel closes and the burner exits
 * instead of loading the machine on, orphaned.
 */
const BURNER = "new (require('node:worker_threads').Worker)('for (;;) {}', { eval: true }); process.on('disconnect', () => process.exit(0));";

/**
 * Processes that keep a core busy each, beside a run, as a noisy CI runner's neighbours would: a
 * run must give the same verdicts on a loaded machine, only later. Stopped (killed) by `stop`.
 */
export function startCpuBurners(count: number): { stop(): void } {
  const burners: ChildProcess[] = Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', BURNER], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] }),
  );
  return {
    stop() {
      for (const burner of burners) burner.kill('SIGKILL');
    },
  };
}
