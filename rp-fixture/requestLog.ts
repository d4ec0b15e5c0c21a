import type { RequestHandler } from 'express';

/** One line per request once it is answered: method, path, status, time taken. */
export function requestLog(write: (line: string) => void): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      write(`${req.method} ${req.originalUrl} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
    });
    next();
  };
}
