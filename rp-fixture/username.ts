import { typedName } from './typedName';

/** A username as typed: trimmed, 1 to 64 characters, no control characters. */
export const Username = typedName('Enter a username.', 'A username');
