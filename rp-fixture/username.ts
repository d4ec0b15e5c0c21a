import { z } from 'zod';

/** A username as typed: trimmed, 1 to 64 characters, no control characters. */
export const Username = z
  .string({ error: 'Enter a username.' })
  .trim()
  .min(1, 'Enter a username.')
  .max(64, 'A username can be at most 64 characters long.')
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'A username cannot contain control characters.');
