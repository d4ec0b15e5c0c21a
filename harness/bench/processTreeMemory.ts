import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resident memory of a process and all its descendants (runner, workers, browsers, the RP), in
 * bytes, from Linux /proc. Counted as PSS where the kernel gives it: Chromium's processes share
 * most of their pages, and a plain sum of RSS would count those pages once per process.
 */
export function treeRssBytes(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rssPages = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields after its last ')' are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
      rssPages.set(pid, Number(fields[21]));
    } catch {
      // The process ended while we looked.
    }
  }
  // Only the tree's own processes are asked for their PSS: the kernel walks a process's page tables
  // for it, which costs the machine being measured far more than reading every process's stat.
  let total = 0;
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    const pages = rssPages.get(pid);
    if (pages !== undefined) total += proportionalBytes(String(pid)) ?? pages * PAGE_BYTES;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

const PAGE_BYTES = 4096;

/** The process's proportional set size (its private pages, and its share of shared ones), or null where unreadable. */
function proportionalBytes(pid: string): number | null {
  try {
    const kib = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return kib === undefined ? null : Number(kib) * 1024;
  } catch {
    return null;
  }
}

/**
 * Samples a process tree's memory until stopped; `peak()` is the highest sum seen. Every half
 * second: a sample costs a few milliseconds of the machine the run is measured on.
 */
export function watchPeakMemory(rootPid: number, everyMs = 500): { peak(): number; stop(): void } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRssBytes(rootPid));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return { peak: () => peak, stop: () => clearInterval(timer) };
}
