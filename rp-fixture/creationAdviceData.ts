import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Where a new passkey will likely be saved, per system and browser: data, dated and sourced in the file. */
const FILE = new URL('./data/creationAdvice.json', import.meta.url);

const OS = z.enum(['windows', 'macos', 'ios', 'android', 'linux', 'chromeos', 'unknown']);
const Browser = z.enum(['chrome', 'edge', 'firefox', 'safari', 'samsung-internet', 'unknown']);
const Advice = z.strictObject({
  provider: z.string().min(1),
  alternatives: z.array(z.string().min(1)),
  sync: z.enum(['synced', 'device-bound', 'unknown']),
  text: z.string().min(1),
  /** A key of syncWarnings, or null. */
  syncWarning: z.string().nullable(),
});
const File = z
  .strictObject({
    description: z.string(),
    source: z.strictObject({ title: z.string(), retrieved: z.string() }),
    thirdPartyNote: z.string().min(1),
    syncWarnings: z.record(z.string(), z.string().min(1)),
    rows: z.array(z.strictObject({ os: OS, browsers: z.union([z.array(Browser).min(1), z.literal('any')]), advice: Advice })).min(1),
    undetected: Advice,
  })
  .superRefine((file, context) => {
    for (const advice of [...file.rows.map((row) => row.advice), file.undetected]) {
      if (advice.syncWarning !== null && !(advice.syncWarning in file.syncWarnings)) {
        context.addIssue({ code: 'custom', message: `syncWarning "${advice.syncWarning}" is not one of syncWarnings` });
      }
    }
  });

/** What the user is told before creating a passkey. */
export type CreationAdvice = {
  /** The most likely provider's name; "none" when the browser has no built-in one, "unknown" when undetected. */
  provider: string;
  /** Providers that may take it instead, besides any third-party password manager. */
  alternatives: string[];
  /** Whether a passkey saved in `provider` syncs to the user's other devices. */
  sync: 'synced' | 'device-bound' | 'unknown';
  text: string;
  /** Said beside the advice when the likely provider will not sync from here; null when it will (or nobody can tell). */
  syncWarning: string | null;
};

export interface CreationAdviceTable {
  rows: { os: z.infer<typeof OS>; browsers: z.infer<typeof Browser>[] | 'any'; advice: CreationAdvice }[];
  undetected: CreationAdvice;
  thirdPartyNote: string;
}

export function loadCreationAdvice(): CreationAdviceTable {
  const file = File.parse(JSON.parse(readFileSync(FILE, 'utf8')));
  const resolved = (advice: z.infer<typeof Advice>): CreationAdvice => ({
    ...advice,
    syncWarning: advice.syncWarning === null ? null : file.syncWarnings[advice.syncWarning]!,
  });
  return {
    rows: file.rows.map((row) => ({ os: row.os, browsers: row.browsers, advice: resolved(row.advice) })),
    undetected: resolved(file.undetected),
    thirdPartyNote: file.thirdPartyNote,
  };
}
