import { z } from 'zod';

/** The cell's own environment or provider, so one world runs in every cell. */
export const CELL = 'cell';

/** A provider on a device, signed in to one of the user's accounts with it. */
export const ProviderSlot = z.union([
  z.string().min(1),
  z.strictObject({
    provider: z.string().min(1),
    /** The user's account in that provider: "personal" by default; "work" for a second Google account or an Android work profile. */
    account: z.string().min(1).default('personal'),
  }),
]);
export type ProviderSlot = z.input<typeof ProviderSlot>;

export const DeviceSpec = z.strictObject({
  /** An environment id, or "cell". */
  environment: z.string().min(1),
  /**
   * The providers on the device, the first one preferred when a passkey is created. "cell" is the
   * cell's provider, left out on a device where it cannot be used (no Windows Hello on a phone).
   */
  providers: z.array(ProviderSlot).min(1),
});
export type DeviceSpec = z.input<typeof DeviceSpec>;

/** A simulated user: their devices by name. Plain data a scenario declares in a few lines. */
export const WorldSpec = z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a device name like "laptop"'), DeviceSpec);
export type WorldSpec = z.input<typeof WorldSpec>;

/** A provider slot with the cell resolved and the account filled in. */
export interface ResolvedSlot {
  provider: string;
  account: string;
}

export function resolveSlot(slot: ProviderSlot, cellProvider: string): ResolvedSlot {
  const { provider, account } = typeof slot === 'string' ? { provider: slot, account: 'personal' } : { account: 'personal', ...slot };
  return { provider: provider === CELL ? cellProvider : provider, account };
}
