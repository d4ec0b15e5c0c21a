import type { ErrorRequestHandler } from 'express';

/** A request the API refuses, with a message meant for the person at the browser. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    /** Extra fields for the JSON answer, e.g. what the page should signal to the passkey provider. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** body-parser's errors carry the status to answer with and a `type`. */
type BodyParserError = Error & { status?: number; type?: string };

/**
 * Turns every error into JSON `{error, code?}`: bad input is the client's fault (4xx); only a
 * genuine bug is a 500, and then without internals.
 */
export function apiErrorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof ApiError) {
      res.status(error.status).json({ ...error.details, error: error.message, ...(error.code ? { code: error.code } : {}) });
      return;
    }
    const parserError = error as BodyParserError;
    if (typeof parserError.type === 'string' && typeof parserError.status === 'number' && parserError.status < 500) {
      res.status(parserError.status).json({ error: bodyErrorMessage(parserError), code: 'bad-request' });
      return;
    }
    // Other client errors, e.g. express's 400 for a path that is not valid percent-encoding.
    if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      res.status(parserError.status).json({ error: 'The request could not be understood.', code: 'bad-request' });
      return;
    }
    log(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    res.status(500).json({ error: 'Something went wrong on the server.' });
  };
}

function bodyErrorMessage(error: BodyParserError): string {
  if (error.type === 'entity.too.large') return 'The request body is too large (the limit is 64 kB).';
  if (error.type === 'entity.parse.failed') return 'The request body is not valid JSON.';
  return `The request body could not be read (${error.type}).`;
}
