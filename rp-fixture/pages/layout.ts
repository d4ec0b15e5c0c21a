import type { DetectedEnvironment } from '../environment';
import { html, SafeHtml } from './html';
import { STYLE } from './style';
import { scriptUrl } from '../staticScripts';

/** Pages with a script part in public/app.js; any other name (a notice, another feature's page) is allowed too. */
export type Page = 'signin' | 'register' | 'account' | 'notice' | (string & {});

export type LayoutProps = {
  title: string;
  /** Tells public/app.js which page it runs on. */
  page: Page;
  environment: DetectedEnvironment;
  signedInAs?: string | undefined;
  /** The session's CSRF token (`csrfToken(req)` in csrf.ts): page scripts send it as X-CSRF-Token. */
  csrfToken: string;
  body: SafeHtml;
};

/** The page shell shared by every page: header, main content, detected environment, scripts. */
export function layout(props: LayoutProps): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${props.csrfToken}">
<title>${props.title} · Passkey Matrix Fixture</title>
<link rel="icon" href="data:,">
<style>${new SafeHtml(STYLE)}</style>
</head>
<body data-page="${props.page}">
<header>
<a href="/">Passkey Matrix Fixture</a>
${props.signedInAs ? html`<span>Signed in as ${props.signedInAs}</span>` : html`<span>Not signed in</span>`}
</header>
<main>
${props.body}
</main>
${environmentFooter(props.environment)}
<script src="${scriptUrl('simplewebauthn-browser')}"></script>
<script src="${scriptUrl('rpApi')}"></script>
<script src="${scriptUrl('app')}"></script>
</body>
</html>
`.value;
}

function environmentFooter(environment: DetectedEnvironment): SafeHtml {
  return html`<footer>
<p role="note" data-message="environment.detected" data-testid="detected-environment" data-os="${environment.os}" data-browser="${environment.browser}" data-os-version="${environment.osVersion ?? ''}">
This site thinks you are using ${environment.label}${versions(environment)}.
</p>
</footer>`;
}

function versions(environment: DetectedEnvironment): string {
  const parts = [
    environment.osVersion && `system version ${environment.osVersion}`,
    environment.browserVersion && `browser version ${environment.browserVersion}`,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
