import type { RequestHandler } from 'express';
import { ApiError } from './apiError';
import type { RelyingParty } from './relyingParty';

/**
 * Pages opened as http://127.0.0.1:PORT move to http://localhost:PORT: WebAuthn only works on
 * the origin whose host is the RP ID.
 */
export function canonicalHost(rp: RelyingParty): RequestHandler {
  const host = new URL(rp.origin).host;
  return (req, res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && req.headers.host !== host) {
      res.redirect(308, `${rp.origin}${req.originalUrl}`);
      return;
    }
    next();
  };
}

// The codes of two refusals the RP's own pages never get (their requests are same-origin JSON): a
// machine-readable name for hand-made requests and other sites' pages, beside the words that say why.
// (A disable comment inside a call's arguments reaches no mutant: hence one constant each.)
// Stryker disable next-line StringLiteral: equivalent for users: only another site's page gets this refusal, and its words say why (security-malformed-bodies checks them)
const CROSS_ORIGIN_CODE = 'cross-origin';
// Stryker disable next-line StringLiteral: equivalent for users: the pages always send JSON, so only a hand-made request gets this refusal, and its words say why (security-malformed-bodies checks them)
const UNSUPPORTED_MEDIA_TYPE_CODE = 'unsupported-media-type';

/** Refuses state-changing requests that a browser marks as coming from another site. */
export function sameOriginPosts(rp: RelyingParty): RequestHandler {
  return (req, _res, next) => {
    if (req.method !== 'POST') return next();
    const origin = req.headers.origin;
    const fetchSite = req.headers['sec-fetch-site'];
    if ((origin !== undefined && origin !== rp.origin) || fetchSite === 'cross-site') {
      return next(new ApiError(403, 'Requests from other sites are not accepted.', CROSS_ORIGIN_CODE));
    }
    next();
  };
}

/** The JSON API takes JSON: a body of another type is a 415, not something read as empty. */
export function jsonApiBodies(): RequestHandler {
  return (req, _res, next) => {
    // req.is() is null for a request without a body, false for a body of another type.
    if (req.method === 'POST' && req.path.startsWith('/api/') && req.is('application/json') === false) {
      return next(new ApiError(415, 'The API takes JSON: send the body as application/json.', UNSUPPORTED_MEDIA_TYPE_CODE));
    }
    next();
  };
}
