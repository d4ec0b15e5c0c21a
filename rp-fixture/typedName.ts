import { z } from 'zod';

/** What to tell the person about a name refused by `typedName`: its first refusal (zod gives at least one). */
export function refusalOf(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Enter a name of 1 to 64 characters.';
}

/**
 * A name as a person types it (a username, an account's or a passkey's name): trimmed, 1 to 64
 * characters, no control characters. `empty` is what to say when nothing was typed; `label` starts
 * the other two refusals ("A passkey name can be at most ...").
 */
export function typedName(empty: string, label: string) {
  return z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .max(64, `${label} can be at most 64 characters long.`)
    .regex(/^[^\p{Cc}\p{Cf}]+$/u, `${label} cannot contain control characters.`);
}
