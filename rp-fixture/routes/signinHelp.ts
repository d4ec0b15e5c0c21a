import type { Request, Response } from 'express';
import { Router } from 'express';
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { CHALLENGE_TTL_MS } from '../challenges';
import type { FixtureContext } from '../context';
import { csrfToken } from '../csrf';
import { detectEnvironment, type DetectedEnvironment } from '../environment';
import { faultOn } from '../faults';
import { signInHelpPage, supportPage, type ProviderHint, type SignInHelpProps } from '../pages/signinHelp';
import { providerName } from '../providerName';
import { providerReach } from '../providerReach';
import { currentAccount } from '../session';
import type { Account } from '../store';
import { Username } from '../username';

/** What each failure the sign-in page passes on means, in words; anything else gets the general sentence. */
const FAILURE_TEXT: Record<string, string> = {
  NotAllowedError: 'The passkey sign-in was cancelled or timed out, or this device has no passkey for this site.',
  AbortError: 'The passkey sign-in was stopped before it finished.',
  // Stryker disable next-line StringLiteral: not judged: a browser refuses as insecure only a page whose origin does not fit the RP ID, which no cell's page is (the fixture RP serves its own origin)
  SecurityError: 'This browser refused to use passkeys on this page.',
  // Stryker disable next-line StringLiteral: not judged: every cell's browser has WebAuthn and an authenticator of the cell's provider
  NotSupportedError: 'This browser or device cannot use passkeys here.',
  'unknown-credential': 'That passkey is no longer registered here (it may have been removed).',
  'credential-not-for-user': 'That passkey belongs to a different account.',
  'challenge-expired': 'The passkey sign-in took too long and expired.',
};
const GENERAL_FAILURE = 'The passkey sign-in did not work.';

/** "Can't use your passkey?": the providers that hold the account's passkeys, a phone, the other ways in. */
export function signInHelpRoutes(context: FixtureContext): Router {
  const router = Router();

  router.get('/signin/help', (req, res) => {
    const environment = detectEnvironment(req.headers, context.faults);
    const username = typedUsername(req.query['username']);
    const account = username === undefined ? undefined : context.store.findAccount(username);
    sendPage(res, signInHelpPage(helpProps(req, context, environment, username, account)));
  });

  /** Request options for a modal sign-in that goes straight to another device (QR code): hints ['hybrid']. */
  router.post('/api/signin-help/cross-device-options', async (req, res) => {
    const username = typedUsername((req.body as { username?: unknown } | undefined)?.username);
    // An unknown username gets the same answer as none: a discoverable request.
    const account = username === undefined ? undefined : context.store.findAccount(username);
    const options = await generateAuthenticationOptions({
      rpID: context.rp.id,
      // No transports: the passkey is wanted from the phone, whatever transports it was made with.
      allowCredentials: (account?.credentials ?? []).map(({ id }) => ({ id })),
      userVerification: context.policy.userVerification,
      timeout: CHALLENGE_TTL_MS,
    });
    context.challenges.issue(req.sessionID, options.challenge, {
      ceremony: 'authentication',
      ...(account ? { username: account.username } : {}),
    });
    // Stryker disable next-line ArrayDeclaration,StringLiteral: not judged: hints only order the browser's own choices on screen, which a virtual authenticator does not have
    const withHints: PublicKeyCredentialRequestOptionsJSON = { ...options, hints: ['hybrid'] };
    res.json(withHints);
  });

  router.get('/help/support', (req, res) => {
    const environment = detectEnvironment(req.headers, context.faults);
    sendPage(res, supportPage({ environment, csrfToken: csrfToken(req), signedInAs: currentAccount(req, context.store)?.username }));
  });

  return router;
}

function helpProps(
  req: Request,
  context: FixtureContext,
  environment: DetectedEnvironment,
  username: string | undefined,
  account: Account | undefined,
): SignInHelpProps {
  const faults = context.faults;
  const kinds = account ? context.waysInStore.kinds(account) : [];
  return {
    environment,
    csrfToken: csrfToken(req),
    signedInAs: currentAccount(req, context.store)?.username,
    username,
    failure: failureOf(req.query['error']),
    // Fault dead-end-on-failure: the page says the sign-in failed and offers nothing else.
    deadEnd: faultOn(faults, 'dead-end-on-failure'),
    // Fault no-provider-hints: the page does not say where the account's passkeys are.
    providers: account && !faultOn(faults, 'no-provider-hints') ? providerHints(context, account, environment) : undefined,
    // Fault no-cross-device: no offer to use a phone or tablet.
    crossDevice: !faultOn(faults, 'no-cross-device'),
    // Fault no-fallback-link: the other ways in are not offered.
    otherWays: faultOn(faults, 'no-fallback-link')
      ? null
      : !account
        ? { password: true, email: true }
        : kinds.length
          ? { password: kinds.includes('password'), email: kinds.includes('email') }
          : 'passkey-only',
  };
}

/** One entry per provider and answer: two synced passkeys in one provider read as one place. */
function providerHints(context: FixtureContext, account: Account, here: DetectedEnvironment): ProviderHint[] {
  const hints = new Map<string, ProviderHint>();
  for (const passkey of account.credentials) {
    const { reach, why } = providerReach(passkey, here, context.faults);
    const hint = { name: providerName(passkey.aaguid, context.faults), reach, why, createdIn: passkey.createdEnvironment.label };
    const key = `${hint.name}|${reach}|${why}`;
    // The first passkey's hint stands for the others with the same answer.
    hints.set(key, hints.get(key) ?? hint);
  }
  return [...hints.values()];
}

function typedUsername(value: unknown): string | undefined {
  const parsed = Username.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Only a name or code of the expected shape is shown back, never free text from the URL. */
function failureOf(value: unknown): SignInHelpProps['failure'] {
  if (typeof value !== 'string' || !/^[A-Za-z][A-Za-z-]{0,39}$/.test(value)) return undefined;
  const text = FAILURE_TEXT[value] ?? GENERAL_FAILURE;
  // Stryker disable next-line Regex: equivalent for users: the name and code go only into data-error-name and data-error-code, markup for scripts that nothing on the help page reads; the words the user reads are `text`
  const isCode = /^[a-z]/.test(value);
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent for users: as above, markup only
  return { name: isCode ? 'ServerError' : value, code: isCode ? value : '', text };
}

function sendPage(res: Response, page: string): void {
  res.type('html').send(page);
}
