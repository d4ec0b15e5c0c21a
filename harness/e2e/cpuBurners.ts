import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Processes that keep a core busy each, beside a run, as a noisy CI runner's neighbours would: a
 * run must give the same verdicts on a loaded machine, only later. Stopped (killed) by `stop`.
 */
export function startCpuBurners(count: number): { stop(): void } {
  const burners: ChildProcess[] = Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
  return {
    stop() {
      for (const burner of burners) burner.kill('SIGKILL');
    },
  };
}
