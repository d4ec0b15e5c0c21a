import type { DetectedEnvironment } from '../environment';
import { isUnknownProvider } from '../providerName';
import { syncText, type SyncState } from '../syncState';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

/** One passkey as the account page shows it; names and sync already decided by the route. */
export type PasskeyRow = {
  id: string;
  aaguid: string;
  provider: string;
  sync: SyncState;
  createdIn: DetectedEnvironment;
  createdAt: Date;
  lastUsedAt: Date | null;
};

export type AccountPageProps = {
  username: string;
  environment: DetectedEnvironment;
  passkeys: PasskeyRow[];
  /** The passkey just created, when the page is opened right after registration. */
  created?: PasskeyRow | undefined;
};

const SAVED_SYNC_TEXT: Record<SyncState, string> = {
  synced: 'It is synced and backed up, so you can also use it on your other devices that use the same provider.',
  eligible: 'It can sync, but it is not backed up yet.',
  'device-bound': 'It is only on this device: it does not sync, and it is gone if this device is lost or reset.',
};

export function accountPage(props: AccountPageProps): string {
  const body = html`<h1>Your account: <span data-testid="account-username">${props.username}</span></h1>
${props.created ? creationMessages(props.created) : ''}
<h2>Your passkeys</h2>
<ul class="passkeys" data-testid="passkeys">
${props.passkeys.map(passkeyItem)}
</ul>
<p><a id="add-passkey" href="/register">Add a passkey</a></p>
<form method="post" action="/signout"><button id="signout" type="submit" class="secondary">Sign out</button></form>`;
  return layout({ title: 'Your account', page: 'account', environment: props.environment, signedInAs: props.username, body });
}

function creationMessages(passkey: PasskeyRow): SafeHtml {
  const where = isUnknownProvider(passkey.provider)
    ? 'Your passkey was saved, but we cannot tell which passkey provider holds it.'
    : `Your passkey was saved in ${passkey.provider}.`;
  return html`<p class="note success" data-message="creation.saved" data-provider="${passkey.provider}" data-sync="${passkey.sync}">
${where} ${SAVED_SYNC_TEXT[passkey.sync]}
</p>
${passkey.sync === 'device-bound' ? deviceBoundAdvice() : ''}`;
}

function deviceBoundAdvice(): SafeHtml {
  return html`<p class="note" data-message="creation.device-bound-advice">
So that you can still sign in if this device is lost, add a second passkey in another provider, for example on your phone or in a password manager. <a href="/register">Add another passkey</a>
</p>`;
}

function passkeyItem(passkey: PasskeyRow): SafeHtml {
  return html`<li data-testid="passkey" data-credential-id="${passkey.id}" data-aaguid="${passkey.aaguid}" data-sync="${passkey.sync}" data-created-os="${passkey.createdIn.os}" data-created-os-version="${passkey.createdIn.osVersion ?? ''}" data-created-browser="${passkey.createdIn.browser}">
<span class="provider" data-field="provider">${passkey.provider}</span>
<dl>
<dt>Sync</dt><dd><span data-field="sync">${syncText(passkey.sync)}</span></dd>
<dt>Created in</dt><dd><span data-field="created-in">${passkey.createdIn.label}</span></dd>
<dt>Created</dt><dd>${timeField('created-at', passkey.createdAt)}</dd>
<dt>Last used</dt><dd>${passkey.lastUsedAt ? timeField('last-used', passkey.lastUsedAt) : html`<span data-field="last-used">never</span>`}</dd>
</dl>
</li>`;
}

function timeField(field: string, at: Date): SafeHtml {
  const iso = at.toISOString();
  return html`<time data-field="${field}" datetime="${iso}">${iso.slice(0, 16).replace('T', ' ')} UTC</time>`;
}
