import type { Request } from 'express';

/** What the page asks the browser to tell the passkey provider (the Signal API), see public/app.js. */
export type SignalKind = 'unknown-credential' | 'all-accepted' | 'current-user';

/** A message a form post leaves for the page it redirects to (post/redirect/get), shown once. */
export type Notice = {
  /** The message's data-message code, e.g. `passkey.deleted`. */
  code: string;
  role: 'status' | 'alert' | 'note';
  text: string;
  /** A Signal API call the page makes once, with data from the account as it is then. */
  signal?: SignalKind | undefined;
};

declare module 'express-session' {
  interface SessionData {
    notice: Notice;
  }
}

export function setNotice(req: Request, notice: Notice): void {
  req.session.notice = notice;
}

/** The notice left for this page, removed as it is read. */
export function takeNotice(req: Request): Notice | undefined {
  const notice = req.session.notice;
  if (notice !== undefined) delete req.session.notice;
  return notice;
}
