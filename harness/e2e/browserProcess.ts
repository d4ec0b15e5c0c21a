import { readdirSync, readFileSync } from 'node:fs';

/**
 * The Chromium browser processes (not their renderers, GPU or utility processes) among the
 * descendants of `rootPid`, read from /proc: Linux only, as the matrix's Chromium is. A browser's
 * main process is the one without `--type=`; Playwright drives it over `--remote-debugging-pipe`.
 */
export function browserProcesses(rootPid: number): number[] {
  return descendants(rootPid).filter((pid) => {
    const args = commandLine(pid);
    return /chrom/i.test(args[0] ?? '') && args.includes('--remote-debugging-pipe') && !args.some((a) => a.startsWith('--type='));
  });
}

function descendants(pid: number): number[] {
  const children = tasks(pid).flatMap((task) => read(`/proc/${pid}/task/${task}/children`).split(' ').filter(Boolean).map(Number));
  return children.flatMap((child) => [child, ...descendants(child)]);
}

function tasks(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return []; // it ended while we looked
  }
}

function commandLine(pid: number): string[] {
  return read(`/proc/${pid}/cmdline`).split('\0').filter(Boolean);
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
