import type { Request, Response } from 'express';
import type { FixtureContext } from '../context';
import { csrfToken } from '../csrf';
import { detectEnvironment } from '../environment';
import { faultOn, type ActiveFaults } from '../faults';
import { isLastWayIn } from '../lastWayIn';
import { takeNotice, type Notice } from '../notice';
import { accountPage, type PasskeyRow, type SignalRequest } from '../pages/account';
import { providerIcon } from '../providerIcons';
import { providerName } from '../providerName';
import { secondPasskeyAdvice } from '../secondPasskeyAdvice';
import type { Account, CredentialRecord } from '../store';
import { syncState } from '../syncState';

/** What a form post that did not go through wants shown on the account page it answers with. */
export type AccountRefusal = { status: number; code: string; text: string };

/**
 * Answers with the account page: after a redirect (with the notice the post left), or at once
 * with a refusal and its 4xx status.
 */
export function sendAccountPage(req: Request, res: Response, context: FixtureContext, account: Account, refusal?: AccountRefusal): void {
  const notice = refusal ? undefined : takeNotice(req);
  const passkeys = account.credentials.map((credential) => passkeyRow(credential, context.faults));
  const createdId = typeof req.query['created'] === 'string' ? req.query['created'] : undefined;
  const created = refusal ? undefined : passkeys.find((passkey) => passkey.id === createdId);
  const page = accountPage({
    username: account.username,
    displayName: account.displayName,
    environment: detectEnvironment(req.headers, context.faults),
    passkeys,
    csrfToken: csrfToken(req),
    created: created && { passkey: created, advice: creationAdvice(created, context.faults) },
    notice,
    refusal,
    lastWayIn: isLastWayIn(context, account),
    otherWaysIn: context.waysIn.list(account),
    advice: secondPasskeyAdvice(passkeys, context.faults),
    signals: notice ? signalRequests(context, account, notice) : [],
  });
  res.status(refusal?.status ?? 200).type('html').send(page);
}

/** What the page tells the user about one passkey; the faults bend it here, in the real helpers. */
function passkeyRow(credential: CredentialRecord, faults: ActiveFaults): PasskeyRow {
  return {
    id: credential.id,
    aaguid: credential.aaguid,
    provider: providerName(credential.aaguid, faults),
    icon: providerIcon(credential.aaguid, faults),
    nickname: credential.nickname,
    sync: syncState(credential, faults),
    createdIn: credential.createdEnvironment,
    createdAt: credential.createdAt,
    lastUsedAt: credential.lastUsedAt,
  };
}

/** Advice right after creating a passkey that will not (yet) survive the loss of this device. */
function creationAdvice(created: PasskeyRow, faults: ActiveFaults) {
  return {
    // Fault no-device-bound-advice: a passkey that lives on this device only gets no advice to add another.
    deviceBound: created.sync === 'device-bound' && !faultOn(faults, 'no-device-bound-advice'),
    // Fault no-not-backed-up-advice: a passkey that can sync but is not backed up yet gets no word of what that means.
    notBackedUp: created.sync === 'eligible' && !faultOn(faults, 'no-not-backed-up-advice'),
  };
}

/** The Signal API call a notice asks for, filled in from the account as it is now. */
function signalRequests(context: FixtureContext, account: Account, notice: Notice): SignalRequest[] {
  const base = { rpId: context.rp.id, userId: account.userId };
  if (notice.signal === 'all-accepted') {
    return [{ kind: 'all-accepted', ...base, credentialIds: account.credentials.map((credential) => credential.id) }];
  }
  if (notice.signal === 'current-user') {
    return [{ kind: 'current-user', ...base, name: account.username, displayName: account.displayName }];
  }
  return [];
}
