import type { DetectedEnvironment } from '../environment';
import { html } from './html';
import { layout } from './layout';

export type NoticePageProps = {
  title: string;
  /** data-message code of the one message. */
  code: string;
  role: 'alert' | 'status' | 'note';
  text: string;
  link: { href: string; label: string };
  environment: DetectedEnvironment;
  signedInAs?: string | undefined;
  csrfToken: string;
};

/** A page with one message and a way on, for refusals of form posts (expired form, unknown passkey...). */
export function noticePage(props: NoticePageProps): string {
  const body = html`<h1>${props.title}</h1>
<p role="${props.role}" data-message="${props.code}">${props.text}</p>
<p><a id="notice-continue" href="${props.link.href}">${props.link.label}</a></p>`;
  return layout({
    title: props.title,
    page: 'notice',
    environment: props.environment,
    signedInAs: props.signedInAs,
    csrfToken: props.csrfToken,
    body,
  });
}
