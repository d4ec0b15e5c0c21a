import type { RunOptions } from './runOptions';

/** The RP a run tests, as its report names it. */
export interface RpDescription {
  url?: string;
  kind?: string;
  faults: string;
  version: string | null;
}

/** From the run's options, once its global setup has started (or reached) the RP. */
export function describeRp(options: Pick<RunOptions, 'startedRp' | 'rp'>): RpDescription {
  const started = options.startedRp;
  return { url: started?.url, kind: started?.kind, faults: started?.faults.join(',') ?? '', version: options.rp.version ?? null };
}
