import type { Request } from 'express';
import { CSRF_FIELD, csrfToken } from '../csrf';
import { html, type SafeHtml } from './html';

/** The hidden input every server-rendered POST form carries. */
export function csrfField(req: Request): SafeHtml {
  return csrfInput(csrfToken(req));
}

/** The same input from a token already read, for page functions that take plain props. */
export function csrfInput(token: string): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
}
