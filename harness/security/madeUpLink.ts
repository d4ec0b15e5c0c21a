import { nearMissToken } from './forgedRequest';

/** Shorter than this, a query value or path segment is a word or an id, not a secret token. */
const TOKEN_MIN_LENGTH = 16;

/** A part of a link that may carry its token, and how to put another value in its place. */
interface LinkPart {
  value: string;
  replace(url: URL, value: string): void;
}

/**
 * The link with its token made up: the longest query value or path segment (the secret a mailed link
 * carries), each letter and digit moved on by one, so the link has the right shape and a value the RP
 * never sent. When no part is long enough to be a token, the reason instead.
 */
export function madeUpLink(link: string): { link: string } | { reason: string } {
  const url = new URL(link);
  const queryValues: LinkPart[] = [...url.searchParams].map(([name, value]) => ({ value, replace: (u, v) => u.searchParams.set(name, v) }));
  const segments: LinkPart[] = url.pathname.split('/').map((segment, index) => ({
    value: decodeURIComponent(segment),
    replace: (u, v) => {
      const parts = u.pathname.split('/');
      parts[index] = encodeURIComponent(v);
      u.pathname = parts.join('/');
    },
  }));
  const token = [...queryValues, ...segments]
    .filter((part) => part.value.length >= TOKEN_MIN_LENGTH)
    .reduce<LinkPart | null>((longest, part) => (longest && longest.value.length >= part.value.length ? longest : part), null);
  if (!token) return { reason: `the link has no query value or path segment of ${TOKEN_MIN_LENGTH} characters or more to take for its token` };
  token.replace(url, nearMissToken(token.value));
  return { link: url.href };
}
