import type { Environment } from '../matrix/schema';

/** One matrix run of the benchmark: what it covers, and how its pages are laid out. */
export interface BenchRun {
  label: string;
  environments: string[];
  /** Empty: every scenario. */
  scenarios: string[];
  layout: 'reuse' | 'plain';
}

/** The runs of a benchmark: the matrix at 1/4, 1/2 and all of its environments, and the plain layout beside one of them. */
export interface BenchPlan {
  runs: BenchRun[];
  /** The run whose figures are the headline: the largest. */
  headline: string;
  /** The two runs, on the same cells, whose wall times give the ratio. */
  comparison: { plain: string; reuse: string };
}

/**
 * Environments in an order that spreads browsers and OSes, so each fraction of the matrix is a
 * fair sample of it rather than, say, only Windows.
 */
export function interleaved(environments: Environment[]): string[] {
  const byOs = new Map<string, string[]>();
  for (const environment of environments) byOs.set(environment.os, [...(byOs.get(environment.os) ?? []), environment.id]);
  const queues = [...byOs.values()];
  const order: string[] = [];
  while (queues.some((q) => q.length)) for (const queue of queues) if (queue.length) order.push(queue.shift()!);
  return order;
}

/**
 * The full benchmark runs every scenario; the quick one only `register-and-sign-in` on four
 * environments, to answer in under a minute.
 */
export function benchPlan(environments: Environment[], quick: boolean): BenchPlan {
  const order = interleaved(environments);
  const pool = quick ? order.slice(0, 4) : order;
  const scenarios = quick ? ['register-and-sign-in'] : [];
  const fraction = (share: number) => pool.slice(0, Math.max(1, Math.round(pool.length * share)));
  const runs: BenchRun[] = [
    { label: 'reuse 1/4', environments: fraction(1 / 4), scenarios, layout: 'reuse' },
    { label: 'plain 1/4', environments: fraction(1 / 4), scenarios, layout: 'plain' },
    { label: 'reuse 1/2', environments: fraction(1 / 2), scenarios, layout: 'reuse' },
    { label: 'reuse all', environments: pool, scenarios, layout: 'reuse' },
  ];
  return { runs, headline: 'reuse all', comparison: { plain: 'plain 1/4', reuse: 'reuse 1/4' } };
}
