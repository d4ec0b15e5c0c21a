import type { Rp } from '../rp/boundRp';
import type { TimeWindow } from './checkMatchers';

/** The window of the RP's time in which `action` ran: what the RP stamps then must fall inside it. */
export async function rpTimeDuring(rp: Rp, action: () => Promise<unknown>): Promise<TimeWindow> {
  const from = await rp.now();
  await action();
  return { from, to: await rp.now() };
}
