import type { RequestHandler } from 'express';

/**
 * Ways the fixture RP can be made to break down, so the harness can prove it survives an RP that
 * fails, hangs or dies mid-run: each such cell must be an `error` with its cause, never a verdict
 * and never a hang. Not behaviours of a passkey site (those are the fault switches).
 */
export type Outage =
  /** Every request whose path starts with the prefix is answered 500. */
  | { kind: '500'; pathPrefix: string }
  /** Every request whose path starts with the prefix is never answered. */
  | { kind: 'hang'; pathPrefix: string }
  /** The process dies when the request after the first N arrives. */
  | { kind: 'exit-after'; requests: number };

export class OutageError extends Error {}

const USAGE = 'use --outage 500:/path/prefix, --outage hang:/path/prefix or --outage exit-after:N';

export function parseOutage(text: string): Outage {
  const [kind, arg = ''] = text.split(/:(.*)/s);
  if ((kind === '500' || kind === 'hang') && arg.startsWith('/')) return { kind, pathPrefix: arg };
  if (kind === 'exit-after' && /^\d+$/.test(arg)) return { kind, requests: Number(arg) };
  throw new OutageError(`Invalid outage "${text}": ${USAGE}.`);
}

/** The outages as the first middleware; `die` ends the process (the CLI's process.exit). */
export function outages(list: Outage[], die: () => void): RequestHandler {
  let requests = 0;
  return (req, res, next) => {
    requests++;
    for (const outage of list) {
      if (outage.kind === 'exit-after' && requests > outage.requests) return die();
      if (outage.kind === '500' && req.path.startsWith(outage.pathPrefix)) {
        res.status(500).json({ error: 'Something went wrong on the server.' });
        return;
      }
      if (outage.kind === 'hang' && req.path.startsWith(outage.pathPrefix)) return; // never answered
    }
    next();
  };
}
