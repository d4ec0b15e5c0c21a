import { z } from 'zod';
import type { CapabilityProfile, Environment } from '../matrix/schema';
import { describeEmulation } from '../browser/capabilityProfile';

/** How one environment was emulated on the Chromium engine, as the report states it. */
export const EmulatedEnvironment = z.strictObject({
  id: z.string(),
  label: z.string(),
  userAgent: z.string(),
  clientHints: z.boolean(),
  /** What the page was made to hide or answer so it matches the real browser. */
  capabilities: z.array(z.string()),
});
export type EmulatedEnvironment = z.infer<typeof EmulatedEnvironment>;

export function emulatedEnvironment(environment: Environment, profile: CapabilityProfile): EmulatedEnvironment {
  return {
    id: environment.id,
    label: environment.label,
    userAgent: environment.userAgent,
    clientHints: environment.clientHints !== null,
    capabilities: describeEmulation(profile),
  };
}
