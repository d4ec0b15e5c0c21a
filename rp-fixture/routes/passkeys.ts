import type { Request, Response } from 'express';
import { Router } from 'express';
import { refusalOf, typedName } from '../typedName';
import type { FixtureContext } from '../context';
import { csrfToken } from '../csrf';
import { detectEnvironment } from '../environment';
import { faultOn } from '../faults';
import { isLastWayIn } from '../lastWayIn';
import { setNotice, type SignalKind } from '../notice';
import { noticePage, type NoticePageProps } from '../pages/notice';
import { providerName, isUnknownProvider } from '../providerName';
import { currentAccount } from '../session';
import type { Account, CredentialRecord } from '../store';
import { sendAccountPage } from './accountView';

/** A passkey's name as typed. */
export const Nickname = typedName('Enter a name for the passkey.', 'A passkey name');

/** The name shown for an account, as typed. */
export const DisplayName = typedName('Enter a name.', 'A name');

/** A credential ID in a URL: base64url, at most 1023 bytes' worth. */
// Stryker disable next-line Regex: equivalent for users: only a hand-made post names a malformed id (see ownedPasskey), and one the pattern lets through is no passkey of the account: refused as such (404), nothing changed
const CredentialId = /^[A-Za-z0-9_-]{1,1364}$/;

type Owned = { account: Account; credential: CredentialRecord };

/**
 * The account page's forms: rename and delete one passkey, and change the account's name. Only the
 * signed-in owner may; someone else's passkey is a 404, as is one that does not exist. Each success redirects (303) back to
 * /account with a notice; each refusal answers at once with a 4xx page that says why.
 */
export function passkeyRoutes(context: FixtureContext): Router {
  const router = Router();

  router.post('/account/passkeys/:id/rename', (req, res) => {
    const owned = ownedPasskey(context, req, res);
    // Stryker disable next-line ConditionalExpression: equivalent for users as false: the refusal's page has been sent whole, and going on only throws at owned.account after the answer ended (as true, every form goes unanswered: the BooleanLiteral mutant, left on, is that case)
    if (!owned) return;
    const nickname = Nickname.safeParse(formField(req, 'nickname'));
    if (!nickname.success) {
      sendAccountPage(req, res, context, owned.account, {
        status: 400,
        code: 'passkey.rename-invalid',
        text: `The passkey was not renamed: ${refusalOf(nickname.error)}`,
      });
      return;
    }
    context.store.renameCredential(owned.account, owned.credential.id, nickname.data);
    setNotice(req, {
      code: 'passkey.renamed',
      role: 'status',
      text: `Your ${providerLabel(context, owned.credential)} passkey is now called "${nickname.data}".`,
      signal: signalAfterRename(context),
    });
    res.redirect(303, '/account');
  });

  router.post('/account/name', (req, res) => {
    const account = signedInAccount(context, req, res);
    if (!account) return;
    const displayName = DisplayName.safeParse(formField(req, 'display-name'));
    if (!displayName.success) {
      sendAccountPage(req, res, context, account, {
        status: 400,
        code: 'account.rename-invalid',
        text: `Your name was not changed: ${refusalOf(displayName.error)}`,
      });
      return;
    }
    context.store.renameAccount(account, displayName.data);
    setNotice(req, {
      code: 'account.renamed',
      role: 'status',
      text: `Your account is now shown as "${displayName.data}". Your passkey providers are told, so they show the new name beside your passkeys for this site.`,
      signal: signalAfterRename(context),
    });
    res.redirect(303, '/account');
  });

  router.post('/account/passkeys/:id/delete', (req, res) => {
    const owned = ownedPasskey(context, req, res);
    // Stryker disable next-line ConditionalExpression: equivalent for users as false: the refusal's page has been sent whole, and going on only throws at owned.account after the answer ended (as true, every form goes unanswered: the BooleanLiteral mutant, left on, is that case)
    if (!owned) return;
    if (isLastWayIn(context, owned.account) && !lossConfirmed(context, req)) {
      sendAccountPage(req, res, context, owned.account, {
        status: 409,
        code: 'passkey.delete-last-refused',
        text: `The passkey was not deleted. This is the only way into your account ${owned.account.username}: without it you cannot sign in again. Add another passkey first, or tick "I understand" below and delete it again.`,
      });
      return;
    }
    const label = passkeyLabel(context, owned.credential);
    context.store.removeCredential(owned.account, owned.credential.id);
    setNotice(req, {
      code: 'passkey.deleted',
      role: 'status',
      text: `The passkey ${label} was deleted: this site no longer accepts it. Your passkey provider may keep showing it until it learns it is gone; you can also remove it there.`,
      signal: signalAfterDelete(context),
    });
    res.redirect(303, '/account');
  });

  return router;
}

/** The signed-in account, or a 401 page already sent. */
function signedInAccount(context: FixtureContext, req: Request, res: Response): Account | undefined {
  const account = currentAccount(req, context.store);
  if (!account) {
    // Stryker disable all: equivalent for users: only a hand-made post gets here: no page gives a signed-out visitor these forms, and a form left open after the session ended carries a CSRF token that died with it, so the CSRF check refuses it first (security-csrf)
    sendNotice(req, res, context, 401, {
      title: 'Not signed in',
      code: 'account.signed-out',
      text: 'You are not signed in (your session may have ended), so nothing was changed. Sign in and try again.',
      link: { href: '/signin', label: 'Sign in' },
    });
    // Stryker restore all
  }
  return account;
}

/** The signed-in account and its passkey named in the URL, or a 4xx page already sent. */
function ownedPasskey(context: FixtureContext, req: Request, res: Response): Owned | undefined {
  const account = signedInAccount(context, req, res);
  if (!account) return undefined;
  const param: unknown = req.params['id'];
  const id = typeof param === 'string' ? param : '';
  if (!CredentialId.test(id)) {
    // Stryker disable all: equivalent for users: only a hand-made post names a malformed id (every form's address carries the id of a passkey the page lists, and a user cannot type a POST), and it is refused either way: here, or as no passkey of the account (404)
    sendNotice(req, res, context, 400, {
      title: 'No such passkey',
      code: 'passkey.bad-id',
      text: 'This address does not name a passkey, so nothing was changed.',
      link: { href: '/account', label: 'Back to your account' },
    }, account);
    return undefined;
    // Stryker restore all
  }
  const credential = account.credentials.find((candidate) => candidate.id === id);
  if (!credential) {
    sendNotice(req, res, context, 404, {
      title: 'No such passkey',
      // Stryker disable next-line StringLiteral: the code is markup for adapters (data-message), not words a user sees; the page's words are checked
      code: 'passkey.not-found',
      text: 'Your account has no such passkey (it may have been deleted already), so nothing was changed.',
      link: { href: '/account', label: 'Back to your account' },
    }, account);
    return undefined;
  }
  return { account, credential };
}

/** The confirmation checkbox of the delete form, ticked. */
function lossConfirmed(context: FixtureContext, req: Request): boolean {
  // Fault delete-last-passkey-silently: the account's last way in goes without asking.
  if (faultOn(context.faults, 'delete-last-passkey-silently')) return true;
  return formField(req, 'confirm-lose-access') === 'yes';
}

/** After a delete: tell the provider which passkeys this account still accepts. */
function signalAfterDelete(context: FixtureContext): SignalKind | undefined {
  // Fault no-signal-on-delete: the provider is not told, so it keeps offering the deleted passkey.
  if (faultOn(context.faults, 'no-signal-on-delete')) return undefined;
  return 'all-accepted';
}

/** After a passkey or the account is renamed: send the provider the account's current name, so what it shows stays right. */
function signalAfterRename(context: FixtureContext): SignalKind | undefined {
  // Fault no-signal-rename: the provider is not sent the account's details after a change.
  if (faultOn(context.faults, 'no-signal-rename')) return undefined;
  return 'current-user';
}

/**
 * A form field's value when it is one string; repeated, missing or non-text fields are undefined.
 * The body is the urlencoded parser's object, or none (express.json parses strictly, so never null;
 * an array has no such field).
 */
function formField(req: Request, name: string): string | undefined {
  // Stryker disable next-line OptionalChaining: equivalent for users: only a hand-made post has no body (every form of the page sends one), and the CSRF check refuses it first unless it carries the token in a header
  const value: unknown = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

function providerLabel(context: FixtureContext, credential: CredentialRecord): string {
  const name = providerName(credential.aaguid, context.faults);
  return isUnknownProvider(name) ? 'unknown provider' : name;
}

/** How the notices name a passkey: its nickname and provider. */
function passkeyLabel(context: FixtureContext, credential: CredentialRecord): string {
  const provider = providerLabel(context, credential);
  return credential.nickname ? `"${credential.nickname}" (${provider})` : `from ${provider}`;
}

function sendNotice(
  req: Request,
  res: Response,
  context: FixtureContext,
  status: number,
  props: Pick<NoticePageProps, 'title' | 'code' | 'text' | 'link'>,
  account?: Account,
): void {
  res.status(status).type('html').send(
    noticePage({
      ...props,
      role: 'alert',
      environment: detectEnvironment(req.headers, context.faults),
      // Stryker disable next-line OptionalChaining: equivalent for users: only the signed-out refusal has no account, and no page gives a signed-out visitor these forms (sign-out ends the session, and with it the forms' CSRF token); it answers hand-made requests
      signedInAs: account?.username,
      csrfToken: csrfToken(req),
    }),
  );
}
