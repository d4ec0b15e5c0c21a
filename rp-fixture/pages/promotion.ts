import type { DetectedEnvironment } from '../environment';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

export type PromotionPageProps = {
  environment: DetectedEnvironment;
  csrfToken: string;
  csrfField: SafeHtml;
  username: string;
  intervalDays: number;
};

/** The passkey offer after a sign-in without one: one clear choice, and "Not now" is respected. */
export function promotionPage(props: PromotionPageProps): string {
  const body = html`<h1>Sign in faster next time</h1>
<section class="note" role="note" data-message="promotion.offer">
<p>Create a passkey for ${props.username}: next time, sign in in one step with your fingerprint, face or screen lock. A passkey cannot be phished or leaked, and your other ways to sign in keep working.</p>
<div class="actions">
<form method="get" action="/register"><button id="promotion-create" type="submit">Create a passkey</button></form>
<form method="post" action="/promote-passkey/not-now">${props.csrfField}<button id="promotion-not-now" type="submit" class="secondary">Not now</button></form>
</div>
<p>If you choose "Not now", we will not ask again for ${props.intervalDays === 1 ? '1 day' : `${props.intervalDays} days`}.</p>
</section>
<p><a id="promotion-skip" href="/account">Go to your account</a></p>`;
  return layout({ title: 'Create a passkey', page: 'promotion', environment: props.environment, signedInAs: props.username, csrfToken: props.csrfToken, body });
}
