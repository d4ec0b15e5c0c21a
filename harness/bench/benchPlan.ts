import type { Environment } from '../matrix/schema';

/** One matrix run of the benchmark: what it covers, and how its pages are laid out. */
export interface BenchRun {
  label: string;
  environments: string[];
  /** Empty: every provider. */
  providers: string[];
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
 * The quick benchmark's cells: the provider most environments have, on four environments (9 cells):
 * each run's fixed cost (starting the runner, the RP and the browser) leaves room for no more in a minute.
 */
const QUICK = { environments: 4, providers: ['google-password-manager'], scenarios: ['register-and-sign-in'] };

/**
 * The full benchmark runs every scenario in every cell, and the plain layout on a quarter of them;
 * the quick one runs `register-and-sign-in` in a few cells, and the plain layout on all of those,
 * to answer in about a minute.
 */
export function benchPlan(environments: Environment[], quick: boolean): BenchPlan {
  const order = interleaved(environments);
  const pool = quick ? order.slice(0, QUICK.environments) : order;
  const providers = quick ? QUICK.providers : [];
  const scenarios = quick ? QUICK.scenarios : [];
  const fraction = (share: number) => pool.slice(0, Math.max(1, Math.round(pool.length * share)));
  const compared = quick ? 'all' : '1/4';
  const runs: BenchRun[] = [
    { label: 'reuse 1/4', environments: fraction(1 / 4), providers, scenarios, layout: 'reuse' },
    { label: 'reuse 1/2', environments: fraction(1 / 2), providers, scenarios, layout: 'reuse' },
    { label: 'reuse all', environments: pool, providers, scenarios, layout: 'reuse' },
    { label: `plain ${compared}`, environments: compared === 'all' ? pool : fraction(1 / 4), providers, scenarios, layout: 'plain' },
  ];
  return { runs, headline: 'reuse all', comparison: { plain: `plain ${compared}`, reuse: `reuse ${compared}` } };
}
