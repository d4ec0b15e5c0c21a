import { csrfInput } from './csrfInput';
import type { DetectedEnvironment } from '../environment';
import type { Notice, SignalKind } from '../notice';
import type { ProviderIcon } from '../providerIcons';
import { isUnknownProvider } from '../providerName';
import type { SecondPasskeyAdvice } from '../secondPasskeyAdvice';
import { syncText, type SyncState } from '../syncState';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

/** One passkey as the account page shows it; names, icon and sync already decided by the route. */
export type PasskeyRow = {
  id: string;
  aaguid: string;
  provider: string;
  icon: ProviderIcon;
  /** The user's name for it; '' when none. */
  nickname: string;
  sync: SyncState;
  createdIn: DetectedEnvironment;
  createdAt: Date;
  lastUsedAt: Date | null;
};

/** A Signal API call for public/app.js to make, with everything it needs. */
export type SignalRequest =
  | { kind: Extract<SignalKind, 'all-accepted'>; rpId: string; userId: string; credentialIds: string[] }
  | { kind: Extract<SignalKind, 'current-user'>; rpId: string; userId: string; name: string; displayName: string };

/** Advice to give after a passkey is created, beyond "saved". */
export type CreationNotes = { deviceBound: boolean; notBackedUp: boolean };

export type AccountPageProps = {
  username: string;
  /** The name shown for the account, which the user may change. */
  displayName: string;
  environment: DetectedEnvironment;
  passkeys: PasskeyRow[];
  csrfToken: string;
  /**
   * The passkey just created, when the page is opened right after registration, and what to say
   * about it beyond "saved" (decided by the route, and its faults).
   */
  created?: { passkey: PasskeyRow; advice: CreationNotes } | undefined;
  /** Left by the form post that led here (deleted, renamed). */
  notice?: Notice | undefined;
  /** A refusal of the form just posted, shown at the top; the page is answered with a 4xx then. */
  refusal?: { code: string; text: string } | undefined;
  /** True when the account's only way in is its one passkey: its delete form asks for confirmation. */
  lastWayIn: boolean;
  /** The account's other ways in, e.g. "password + authenticator app". */
  otherWaysIn: string[];
  advice: SecondPasskeyAdvice;
  signals: SignalRequest[];
};

const SAVED_SYNC_TEXT: Record<SyncState, string> = {
  synced: 'It is synced and backed up, so you can also use it on your other devices that use the same provider.',
  eligible: 'It can sync, but it is not backed up yet.',
  'device-bound': 'It is only on this device: it does not sync, and it is gone if this device is lost or reset.',
};

export function accountPage(props: AccountPageProps): string {
  const body = html`<h1>Your account: <span data-testid="account-username">${props.username}</span></h1>
${props.refusal ? html`<p role="alert" data-message="${props.refusal.code}">${props.refusal.text}</p>` : ''}
${props.notice ? noticeMessage(props.notice) : ''}
${props.created ? creationMessages(props.created.passkey, props.created.advice) : ''}
<h2>Passkeys</h2>
${secondPasskeyNotes(props.advice)}
${
  props.passkeys.length
    ? html`<ul class="passkeys" data-testid="passkeys">
${props.passkeys.map((passkey, index) => passkeyItem(passkey, index, props))}
</ul>`
    : noPasskeys(props)
}
<p><a id="add-passkey" href="/register">Add a passkey</a></p>
<p><a id="ways-in" href="/account/ways-in">Other ways to sign in (email, password)</a></p>
${props.otherWaysIn.length ? otherWaysIn(props.otherWaysIn) : ''}
${accountNameForm(props)}
<form method="post" action="/signout">${csrfInput(props.csrfToken)}<button id="signout" type="submit" class="secondary">Sign out</button></form>
${props.signals.length ? html`<div id="passkey-signals" hidden>${props.signals.map(signalRequest)}</div>` : ''}`;
  return layout({ title: 'Your account', page: 'account', environment: props.environment, signedInAs: props.username, csrfToken: props.csrfToken, body });
}

/** The name your passkey providers show beside this site's passkeys; changing it tells them (Signal API). */
function accountNameForm(props: AccountPageProps): SafeHtml {
  return html`<h2>Your name</h2>
<form method="post" action="/account/name" class="account-name">${csrfInput(props.csrfToken)}
<label for="display-name">Name shown for your account (your passkey providers show it beside your passkeys)</label>
<input id="display-name" name="display-name" value="${props.displayName}" maxlength="64" required>
<button type="submit" data-testid="change-account-name">Change name</button>
</form>`;
}

function noticeMessage(notice: Notice): SafeHtml {
  return html`<p class="note" role="${notice.role}" data-message="${notice.code}">${notice.text}</p>`;
}

function creationMessages(passkey: PasskeyRow, advice: CreationNotes): SafeHtml {
  const where = isUnknownProvider(passkey.provider)
    ? 'Your passkey was saved, but we cannot tell which passkey provider holds it.'
    : `Your passkey was saved in ${passkey.provider}.`;
  return html`<p class="note" data-message="creation.saved" data-provider="${passkey.provider}" data-sync="${passkey.sync}" role="status">
${where} ${SAVED_SYNC_TEXT[passkey.sync]}
</p>
${advice.deviceBound ? deviceBoundAdvice() : ''}
${advice.notBackedUp ? notBackedUpAdvice(passkey) : ''}`;
}

function deviceBoundAdvice(): SafeHtml {
  return html`<p class="note" data-message="creation.device-bound-advice" role="note">
So that you can still sign in if this device is lost, add a second passkey in another provider, for example on your phone or in a password manager. <a href="/register">Add another passkey</a>
</p>`;
}

function notBackedUpAdvice(passkey: PasskeyRow): SafeHtml {
  const provider = isUnknownProvider(passkey.provider) ? 'your passkey provider' : passkey.provider;
  return html`<p class="note" data-message="creation.not-backed-up" role="note">
This passkey can sync but is not backed up yet: until ${provider} backs it up, it is only on this device. Check that syncing or backup is turned on for ${provider}, or add a second passkey in another provider. <a href="/register">Add another passkey</a>
</p>`;
}

function secondPasskeyNotes(advice: SecondPasskeyAdvice): SafeHtml {
  return html`${
    advice.allDeviceBound
      ? html`<p class="note" data-message="passkeys.all-device-bound" role="note">
Every passkey of this account is only on the device that made it: none of them syncs. If you lose that device, you lose the passkey. Add a second passkey in another provider that syncs, such as a password manager or your phone. <a href="/register">Add a passkey</a>
</p>`
      : ''
  }${
    advice.oneProvider !== null
      ? html`<p class="note" data-message="passkeys.one-provider" data-provider="${advice.oneProvider}" role="note">
All your passkeys are in ${advice.oneProvider}. If you lose access to it, you lose them all: add a second passkey in another provider, for example another platform or a password manager. <a href="/register">Add a passkey</a>
</p>`
      : ''
  }`;
}

function noPasskeys(props: AccountPageProps): SafeHtml {
  const consequence = props.otherWaysIn.length
    ? 'You sign in another way for now.'
    : 'Without a passkey you cannot sign in again once you sign out: add one now.';
  return html`<p class="note" data-message="passkeys.none" role="note">This account has no passkeys. ${consequence}</p>`;
}

function otherWaysIn(ways: string[]): SafeHtml {
  return html`<h2>Other ways in</h2>
<ul data-testid="other-ways-in">
${ways.map((way) => html`<li>${way}</li>`)}
</ul>`;
}

function passkeyItem(passkey: PasskeyRow, index: number, props: AccountPageProps): SafeHtml {
  return html`<li data-testid="passkey" data-credential-id="${passkey.id}" data-aaguid="${passkey.aaguid}" data-sync="${passkey.sync}" data-created-os="${passkey.createdIn.os}" data-created-browser="${passkey.createdIn.browser}" data-provider-icon="${passkey.icon.id}">
<div class="passkey-title">
<img class="provider-icon" data-field="provider-icon" data-icon="${passkey.icon.id}" src="${passkey.icon.src}" alt="" width="32" height="32">
<div>
<span class="provider" data-field="provider">${passkey.provider}</span>
${passkey.nickname ? html`<span class="nickname" data-field="nickname">${passkey.nickname}</span>` : ''}
</div>
</div>
<dl>
<dt>Sync</dt><dd><span data-field="sync">${syncText(passkey.sync)}</span></dd>
<dt>Created in</dt><dd><span data-field="created-in">${passkey.createdIn.label}</span></dd>
<dt>Created</dt><dd>${timeField('created-at', passkey.createdAt)}</dd>
<dt>Last used</dt><dd>${passkey.lastUsedAt ? timeField('last-used', passkey.lastUsedAt) : html`<span data-field="last-used">never</span>`}</dd>
</dl>
${renameForm(passkey, index, props.csrfToken)}
${deleteForm(passkey, index, props)}
</li>`;
}

function renameForm(passkey: PasskeyRow, index: number, csrfToken: string): SafeHtml {
  const action = `/account/passkeys/${encodeURIComponent(passkey.id)}/rename`;
  return html`<form method="post" action="${action}" class="rename-passkey">
${csrfInput(csrfToken)}
<label for="nickname-${index}">Name for this passkey</label>
<div class="inline">
<input id="nickname-${index}" name="nickname" type="text" maxlength="64" required autocomplete="off" value="${passkey.nickname}">
<button type="submit" class="secondary" data-testid="rename-passkey">Rename</button>
</div>
</form>`;
}

function deleteForm(passkey: PasskeyRow, index: number, props: AccountPageProps): SafeHtml {
  const action = `/account/passkeys/${encodeURIComponent(passkey.id)}/delete`;
  return html`<form method="post" action="${action}" class="delete-passkey">
${csrfInput(props.csrfToken)}
${
  props.lastWayIn
    ? html`<div class="confirm">
<input id="confirm-lose-access-${index}" name="confirm-lose-access" type="checkbox" value="yes">
<label for="confirm-lose-access-${index}">I understand that this passkey is the only way into my account ${props.username}, and that without it I cannot sign in again.</label>
</div>`
    : ''
}
<button type="submit" class="danger" data-testid="delete-passkey">Delete this passkey</button>
</form>`;
}

function signalRequest(signal: SignalRequest): SafeHtml {
  if (signal.kind === 'all-accepted') {
    return html`<span data-signal-request="all-accepted" data-rp-id="${signal.rpId}" data-user-id="${signal.userId}" data-credential-ids="${signal.credentialIds.join(' ')}"></span>`;
  }
  return html`<span data-signal-request="current-user" data-rp-id="${signal.rpId}" data-user-id="${signal.userId}" data-name="${signal.name}" data-display-name="${signal.displayName}"></span>`;
}

function timeField(field: string, at: Date): SafeHtml {
  const iso = at.toISOString();
  return html`<time data-field="${field}" datetime="${iso}">${iso.slice(0, 16).replace('T', ' ')} UTC</time>`;
}
