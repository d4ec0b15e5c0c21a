import type { FullConfig } from '@playwright/test';
import { startTarget } from './target';

/** Environment variables through which workers learn the run's RP. */
export const RP_URL_VAR = 'PASSKEY_MATRIX_RP_URL';
export const RP_KIND_VAR = 'PASSKEY_MATRIX_RP_KIND';
export const RP_FAULTS_VAR = 'PASSKEY_MATRIX_RP_FAULTS';
/** How long starting (or reaching) the RP took, for the report's stages. */
export const RP_START_MS_VAR = 'PASSKEY_MATRIX_RP_START_MS';

/** One RP for the whole run, started before the first worker and stopped after the last. */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const started = performance.now();
  const target = await startTarget();
  process.env[RP_START_MS_VAR] = String(Math.round(performance.now() - started));
  process.env[RP_URL_VAR] = target.url;
  process.env[RP_KIND_VAR] = target.kind;
  process.env[RP_FAULTS_VAR] = target.faults.join(',');
  return () => target.stop();
}
