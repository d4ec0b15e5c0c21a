import { startFixtureRpProcess } from './fixtureRpProcess';
import type { RunOptions } from '../plan/runOptions';

/** The RP a run tests: the fixture RP started for the run, or a team's running RP. */
export interface RpTarget {
  url: string;
  kind: 'fixture' | 'external';
  /** Fault switches turned on in the fixture RP, to prove the harness catches them. */
  faults: string[];
  stop(): Promise<void>;
}

export class RpUnreachableError extends Error {
  override name = 'RpUnreachableError';
}

/** A given URL names a running RP (RP_URL, --rp-url); otherwise the fixture RP is started with the run's faults switched on. */
export async function startTarget(rp: Pick<RunOptions['rp'], 'url' | 'faults'>): Promise<RpTarget> {
  const external = rp.url;
  if (external) {
    await checkReachable(external);
    return { url: external.replace(/\/$/, ''), kind: 'external', faults: [], stop: async () => undefined };
  }
  const faults = rp.faults;
  const running = await startFixtureRpProcess(faults);
  return { url: running.url, kind: 'fixture', faults, stop: running.stop };
}

/** Refuses, in one line, an RP_URL that is not a URL or does not answer within 5 s. */
export async function checkReachable(url: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RpUnreachableError(`RP_URL "${url}" is not a URL; give one like https://staging.example.test.`);
  }
  try {
    await fetch(parsed, { signal: AbortSignal.timeout(5_000), redirect: 'manual' });
  } catch (error) {
    // localhost resolves to two addresses: Node then reports each refusal inside an AggregateError.
    const reason = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
    const cause = reason?.code ?? reason?.errors?.[0]?.code ?? reason?.message ?? (error as Error).message;
    throw new RpUnreachableError(`RP_URL ${url} is unreachable (${cause}); start the RP or fix the URL.`);
  }
}
