import { z } from 'zod';

/** Verdict of one cell, or of one scenario in it. `error` means the harness or the RP broke: no verdict. */
export const CellStatus = z.enum(['pass', 'fail', 'not-applicable', 'skipped', 'error']);
export type CellStatus = z.infer<typeof CellStatus>;
