import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { Router } from 'express';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { z } from 'zod';
import { AttemptLimit, attemptKey } from '../attemptLimit';
import type { FixtureContext } from '../context';
import { csrfToken } from '../csrf';
import { csrfField } from '../pages/csrfInput';
import type { EmailLinkGrant } from '../emailLinks';
import { detectEnvironment } from '../environment';
import { faultOn } from '../faults';
import { authenticatorSetupPage, passwordSignInPage, passwordSignUpPage, type PasswordSignUpProps } from '../pages/password';
import {
  emailLinkPage,
  emailRequestPage,
  emailVerifiedPage,
  invalidEmailLinkPage,
  waysInPage,
  WAYS_IN_NOTICES,
  type WaysInNotice,
  type WaysInPageProps,
} from '../pages/waysIn';
import { decoyHash, FAST_COST, hashPassword, Password, STRONG_COST, verifyPassword } from '../passwords';
import { afterSignInPath } from '../promotion';
import { currentAccount, startSignedInSession } from '../session';
import type { Account } from '../store';
import { checkTotp, newTotpEnrolment } from '../totp';
import { Username } from '../username';

declare module 'express-session' {
  interface SessionData {
    /** A password waiting for its authenticator app: a sign-up, or an addition to the signed-in account. */
    passwordEnrolment: PasswordEnrolment;
  }
}

/** Held in the session until the first code works: a sign-up creates the account only then. */
type PasswordEnrolment = {
  kind: 'sign-up' | 'add';
  username: string;
  passwordHash: string;
  totpSecret: string;
  totpUri: string;
  email?: string | undefined;
};

const EmailAddress = z.email('Enter an email address such as name@example.com.').max(254);

/** Failed password sign-ins per username, and sign-in mails per address, within 15 minutes. */
const FAILED_SIGN_INS = 10;
const MAILS_PER_ADDRESS = 5;
const LIMIT_WINDOW_MS = 15 * 60 * 1000;

/** Sign-up with a password and authenticator app, password sign-in, email links, and the ways-in page. */
export function waysInRoutes(context: FixtureContext): Router {
  const router = Router();
  const passwordCost = context.config.passwordHashing === 'fast' ? FAST_COST : STRONG_COST;
  const failedSignIns = new AttemptLimit(FAILED_SIGN_INS, LIMIT_WINDOW_MS, context.config.now);
  const mailsSent = new AttemptLimit(MAILS_PER_ADDRESS, LIMIT_WINDOW_MS, context.config.now);
  const base = (req: Request) => pageBase(req, context);

  // ---- Sign-up with a password: username and password first, then the authenticator app ----

  router.get('/signup/password', (req, res) => {
    if (currentAccount(req, context.store)) return res.redirect(302, '/account/ways-in');
    sendPage(res, 200, passwordSignUpPage(base(req)));
  });

  router.post('/signup/password', async (req, res) => {
    const typed = { username: field(req, 'username'), email: field(req, 'email').trim() };
    const refuse = (status: number, error: PasswordSignUpProps['error']) =>
      sendPage(res, status, passwordSignUpPage({ ...base(req), ...typed, error }));
    const username = Username.safeParse(typed.username);
    if (!username.success) return refuse(400, { code: 'signup.invalid', text: firstIssue(username.error) });
    const password = Password.safeParse(field(req, 'password'));
    if (!password.success) return refuse(400, { code: 'signup.invalid', text: firstIssue(password.error) });
    if (password.data.trim().toLowerCase() === username.data.toLowerCase()) {
      return refuse(400, { code: 'signup.invalid', text: 'Choose a password that is not your username.' });
    }
    const email = typed.email === '' ? undefined : EmailAddress.safeParse(typed.email);
    if (email && !email.success) return refuse(400, { code: 'signup.invalid', text: 'Enter a valid email address, or leave it empty.' });
    if (context.store.findAccount(username.data)) return refuse(409, usernameTaken(username.data));
    const enrolment = newTotpEnrolment(username.data);
    req.session.passwordEnrolment = {
      kind: 'sign-up',
      username: username.data,
      passwordHash: await hashPassword(password.data, passwordCost),
      totpSecret: enrolment.secret,
      totpUri: enrolment.uri,
      email: email?.data,
    };
    res.redirect(303, '/authenticator-setup');
  });

  // ---- The authenticator app (TOTP): shown as text, confirmed by one code ----

  router.get('/authenticator-setup', (req, res) => {
    const pending = pendingEnrolment(req, context);
    if (!pending) return res.redirect(302, currentAccount(req, context.store) ? '/account/ways-in' : '/signup/password');
    sendPage(res, 200, authenticatorSetupPage({ ...base(req), ...enrolmentView(pending) }));
  });

  router.post('/authenticator-setup', async (req, res) => {
    const pending = pendingEnrolment(req, context);
    if (!pending) return res.redirect(303, currentAccount(req, context.store) ? '/account/ways-in' : '/signup/password');
    const step = checkTotp(pending.totpSecret, field(req, 'code'), context.config.now(), null);
    if (step === null) return sendPage(res, 400, authenticatorSetupPage({ ...base(req), ...enrolmentView(pending), invalidCode: true }));
    if (pending.kind === 'add') {
      const account = currentAccount(req, context.store);
      delete req.session.passwordEnrolment;
      if (!account) return res.redirect(303, '/signin');
      context.waysInStore.setPassword(account, pending.passwordHash, pending.totpSecret, step);
      return res.redirect(303, '/account/ways-in?notice=password.saved');
    }
    const account = createPasswordAccount(context, pending, step);
    if (!account) {
      delete req.session.passwordEnrolment;
      return sendPage(res, 409, passwordSignUpPage({ ...base(req), username: pending.username, error: usernameTaken(pending.username) }));
    }
    if (pending.email) sendConfirmation(context, account, context.waysInStore.setEmail(account, pending.email).address);
    await startSignedInSession(req, account.username, context.challenges, context.faults);
    res.redirect(303, afterSignInPath(context, account, detectEnvironment(req.headers, context.faults)));
  });

  // ---- Sign-in with password and code: a failure never says which part was wrong ----

  router.get('/signin/password', (req, res) => {
    sendPage(res, 200, passwordSignInPage({ ...base(req), username: queryText(req, 'username', 64) }));
  });

  router.post('/signin/password', async (req, res) => {
    const typed = field(req, 'username');
    const key = attemptKey(typed);
    if (failedSignIns.reached(key)) return sendPage(res, 429, passwordSignInPage({ ...base(req), username: typed, throttled: true }));
    const parsed = Username.safeParse(typed);
    const account = parsed.success ? context.store.findAccount(parsed.data) : undefined;
    const way = account ? context.waysInStore.of(account).password : undefined;
    // An unknown username costs a hash too, so the time taken does not tell which accounts exist.
    const passwordRight = await verifyPassword(field(req, 'password'), way?.hash ?? (await decoyHash(passwordCost)));
    const step = way ? checkTotp(way.totpSecret, field(req, 'code'), context.config.now(), way.lastTotpStep, context.faults) : null;
    // Fault totp-not-checked: any code, or none, passes once the password is right.
    const codeRight = step !== null || (way !== undefined && faultOn(context.faults, 'totp-not-checked'));
    if (!account || !way || !passwordRight || !codeRight) {
      failedSignIns.record(key);
      return sendPage(res, 401, passwordSignInPage({ ...base(req), username: typed, failed: true }));
    }
    if (step !== null) context.waysInStore.recordTotpStep(account, step);
    await startSignedInSession(req, account.username, context.challenges, context.faults);
    res.redirect(303, afterSignInPath(context, account, detectEnvironment(req.headers, context.faults)));
  });

  // ---- Sign-in by email link: the same answer whether or not the address has an account ----

  router.get('/signin/email', (req, res) => {
    sendPage(res, 200, emailRequestPage(base(req)));
  });

  router.post('/signin/email', (req, res) => {
    const address = EmailAddress.safeParse(field(req, 'email').trim());
    if (!address.success) return sendPage(res, 400, emailRequestPage({ ...base(req), address: field(req, 'email'), invalid: true }));
    const key = attemptKey(address.data);
    if (!mailsSent.reached(key)) {
      mailsSent.record(key);
      for (const account of context.waysInStore.accountsWithEmail(address.data)) sendSignInLink(context, account);
    }
    sendPage(res, 200, emailRequestPage({ ...base(req), address: address.data, sent: true }));
  });

  router.get('/signin/email/link', (req, res) => {
    const token = queryText(req, 'token', 128) ?? '';
    const account = grantedAccount(context, context.emailLinks.peek(token, 'sign-in'));
    if (!account) return sendPage(res, 400, invalidEmailLinkPage({ ...base(req), purpose: 'sign-in' }));
    sendPage(res, 200, emailLinkPage({ ...base(req), token, username: account.username }));
  });

  router.post('/signin/email/link', async (req, res) => {
    const account = grantedAccount(context, context.emailLinks.consume(field(req, 'token'), 'sign-in'));
    if (!account) return sendPage(res, 400, invalidEmailLinkPage({ ...base(req), purpose: 'sign-in' }));
    await startSignedInSession(req, account.username, context.challenges, context.faults);
    res.redirect(303, afterSignInPath(context, account, detectEnvironment(req.headers, context.faults)));
  });

  router.get('/verify-email', (req, res) => {
    const grant = context.emailLinks.consume(queryText(req, 'token', 128) ?? '', 'verify-email');
    const account = grant && context.store.findAccount(grant.username);
    if (!grant || !account || !context.waysInStore.verifyEmail(account, grant.address, context.config.now())) {
      return sendPage(res, 400, invalidEmailLinkPage({ ...base(req), purpose: 'verify-email' }));
    }
    sendPage(res, 200, emailVerifiedPage({ ...base(req), address: grant.address }));
  });

  // ---- The signed-in account's ways in ----

  router.get('/account/ways-in', (req, res) => {
    const account = currentAccount(req, context.store);
    if (!account) return res.redirect(302, '/signin');
    const notice = queryText(req, 'notice', 40);
    sendPage(res, 200, waysInPage(waysInProps(req, context, account, { notice: isNotice(notice) ? notice : undefined })));
  });

  router.post('/account/ways-in/email', (req, res) => {
    const account = currentAccount(req, context.store);
    if (!account) return res.redirect(303, '/signin');
    const address = EmailAddress.safeParse(field(req, 'email').trim());
    if (!address.success) {
      const error = { code: 'email.invalid', text: 'Enter an email address such as name@example.com.' } as const;
      return sendPage(res, 400, waysInPage(waysInProps(req, context, account, { error })));
    }
    const email = context.waysInStore.setEmail(account, address.data);
    if (email.verifiedAt) return res.redirect(303, '/account/ways-in');
    sendConfirmation(context, account, email.address);
    res.redirect(303, '/account/ways-in?notice=email.verification-sent');
  });

  router.post('/account/ways-in/password', async (req, res) => {
    const account = currentAccount(req, context.store);
    if (!account) return res.redirect(303, '/signin');
    const password = Password.safeParse(field(req, 'password'));
    if (!password.success) {
      const error = { code: 'password.invalid', text: firstIssue(password.error) } as const;
      return sendPage(res, 400, waysInPage(waysInProps(req, context, account, { error })));
    }
    const enrolment = newTotpEnrolment(account.username);
    req.session.passwordEnrolment = {
      kind: 'add',
      username: account.username,
      passwordHash: await hashPassword(password.data, passwordCost),
      totpSecret: enrolment.secret,
      totpUri: enrolment.uri,
    };
    res.redirect(303, '/authenticator-setup');
  });

  router.post('/account/ways-in/remove', (req, res) => {
    const account = currentAccount(req, context.store);
    if (!account) return res.redirect(303, '/signin');
    const way = field(req, 'way');
    if (way !== 'password' && way !== 'email') return res.redirect(303, '/account/ways-in');
    const refusal = lastWayRefusal(context, account, way);
    if (refusal) return sendPage(res, 409, waysInPage(waysInProps(req, context, account, { error: { code: 'ways-in.last-way', text: refusal } })));
    if (way === 'password') context.waysInStore.removePassword(account);
    else context.waysInStore.removeEmail(account);
    res.redirect(303, '/account/ways-in?notice=ways-in.removed');
  });

  return router;
}

function pageBase(req: Request, context: FixtureContext) {
  return {
    environment: detectEnvironment(req.headers, context.faults),
    csrfToken: csrfToken(req),
    csrfField: csrfField(req),
    signedInAs: currentAccount(req, context.store)?.username,
  };
}

function sendPage(res: Response, status: number, page: string): void {
  res.status(status).type('html').send(page);
}

/** A form field as text; anything else (absent, repeated) is empty. */
function field(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

function queryText(req: Request, name: string, maxLength: number): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' && value.length <= maxLength ? value : undefined;
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Check the form and try again.';
}

function usernameTaken(username: string): PasswordSignUpProps['error'] {
  return { code: 'signup.username-taken', text: `The username "${username}" is taken. Choose another one, or sign in if it is yours.` };
}

/** The enrolment in the session, if it still fits who is signed in. */
function pendingEnrolment(req: Request, context: FixtureContext): PasswordEnrolment | undefined {
  const pending = req.session.passwordEnrolment;
  if (pending?.kind === 'add' && currentAccount(req, context.store)?.username !== pending.username) return undefined;
  return pending;
}

function enrolmentView(pending: PasswordEnrolment) {
  return { username: pending.username, secret: pending.totpSecret, uri: pending.totpUri, adding: pending.kind === 'add' };
}

/** Creates the account, with no passkey; undefined when the username was taken meanwhile. */
function createPasswordAccount(context: FixtureContext, pending: PasswordEnrolment, step: number): Account | undefined {
  const userId = isoBase64URL.fromBuffer(randomBytes(32));
  if (!context.store.createAccount(pending.username, userId)) return undefined;
  const account = context.store.findAccount(pending.username);
  if (account) context.waysInStore.setPassword(account, pending.passwordHash, pending.totpSecret, step);
  return account;
}

/** The account a link grants, if the address is still that account's confirmed one. */
function grantedAccount(context: FixtureContext, grant: EmailLinkGrant | undefined): Account | undefined {
  const account = grant && context.store.findAccount(grant.username);
  const email = account && context.waysInStore.of(account).email;
  const stillTheirs = email?.verifiedAt && email.address.toLowerCase() === grant?.address.toLowerCase();
  return stillTheirs ? account : undefined;
}

function waysInProps(
  req: Request,
  context: FixtureContext,
  account: Account,
  extra: Pick<WaysInPageProps, 'notice' | 'error'>,
): WaysInPageProps {
  const ways = context.waysInStore.of(account);
  return {
    ...pageBase(req, context),
    username: account.username,
    passkeyCount: account.credentials.length,
    hasPassword: ways.password !== undefined,
    email: ways.email,
    passkeyOnlyAccounts: context.config.passkeyOnlyAccounts,
    ...extra,
  };
}

function isNotice(value: string | undefined): value is WaysInNotice {
  return value !== undefined && Object.hasOwn(WAYS_IN_NOTICES, value);
}

/**
 * Why removing this way in is refused, if it is: an account always keeps a way in, and unless
 * passkey-only accounts are allowed, one besides its passkeys.
 */
function lastWayRefusal(context: FixtureContext, account: Account, way: 'password' | 'email'): string | undefined {
  const kinds = context.waysInStore.kinds(account);
  if (!kinds.includes(way)) return undefined;
  const othersLeft = kinds.length - 1;
  if (othersLeft > 0) return undefined;
  if (!context.config.passkeyOnlyAccounts) {
    return 'Your account must keep a way to sign in besides passkeys, in case they are out of reach: add another one before removing this one.';
  }
  return account.credentials.length > 0 ? undefined : 'This is the only way into your account: add a passkey or another way first.';
}

function sendSignInLink(context: FixtureContext, account: Account): void {
  const address = context.waysInStore.of(account).email?.address;
  if (!address) return;
  const token = context.emailLinks.issue({ purpose: 'sign-in', username: account.username, address });
  context.mailer.sendInBackground({
    to: address,
    subject: `Your sign-in link for ${context.rp.name}`,
    text: [
      `Hello ${account.username},`,
      '',
      `Open this link to sign in to ${context.rp.name}. It works once, within 15 minutes:`,
      '',
      `${context.rp.origin}/signin/email/link?token=${token}`,
      '',
      'If you did not ask for it, ignore this mail: nobody can sign in without the link.',
    ].join('\n'),
  });
}

function sendConfirmation(context: FixtureContext, account: Account, address: string): void {
  const token = context.emailLinks.issue({ purpose: 'verify-email', username: account.username, address });
  context.mailer.sendInBackground({
    to: address,
    subject: `Confirm your email address for ${context.rp.name}`,
    text: [
      `Hello ${account.username},`,
      '',
      `Open this link within 15 minutes to use this address for signing in to ${context.rp.name}:`,
      '',
      `${context.rp.origin}/verify-email?token=${token}`,
      '',
      'If you did not ask for it, ignore this mail: the address will not be used.',
    ].join('\n'),
  });
}
