import type { FullConfig } from '@playwright/test';
import { startTarget } from './target';
import { announceStartedRp, runOptions } from '../plan/runOptions';

/** One RP for the whole run, started before the first worker and stopped after the last; workers learn it from this process. */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const started = performance.now();
  const target = await startTarget(runOptions().rp);
  announceStartedRp({ url: target.url, kind: target.kind, faults: target.faults, startMs: Math.round(performance.now() - started) });
  return () => target.stop();
}
