import type { RequestHandler } from 'express';
import { HIGH_ENTROPY_HINTS } from '../clientHints';
import { STYLE_HASH } from '../pages/style';

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src '${STYLE_HASH}'`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers on every response. Accept-CH asks Chromium for the high-entropy client hints on the
 * following requests, so the registration request itself tells Windows 11 from Windows 10.
 */
export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Accept-CH', HIGH_ENTROPY_HINTS.join(', '));
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // same-origin, not no-referrer: with no-referrer a form POST sends "Origin: null" and fails the origin check.
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
