import { RP_FAULTS_VAR, RP_KIND_VAR, RP_URL_VAR } from './globalSetup';

/** The RP a run tests, as its report names it; read from the variables the global setup sets. */
export interface RpDescription {
  url?: string;
  kind?: string;
  faults: string;
  version: string | null;
}

export function describeRp(env: NodeJS.ProcessEnv = process.env): RpDescription {
  return { url: env[RP_URL_VAR], kind: env[RP_KIND_VAR], faults: env[RP_FAULTS_VAR] || '', version: env.RP_VERSION?.trim() || null };
}
