/**
 * Runs each method an adapter declares once against the live RP, in one emulated environment with
 * one provider's virtual authenticator, in the order a user would, and judges each by the contract
 * in adapter.ts (adapterCheckVerdict.ts). Before any matrix run, so a wrong adapter is found in a
 * minute, method by method, not as a matrix of puzzling cells.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { CapabilityProfile, Environment, Provider, SyncFlag } from '../matrix/schema';
import { openDevice, type Device } from '../browser/device';
import { addVirtualAuthenticator, type VirtualAuthenticator } from '../browser/virtualAuthenticator';
import { installSelfStartedSignInLog, type SelfStartedRequest, type SelfStartedSignInLog } from '../browser/selfStartedSignIn';
import type { RpAdapter, RpFeature, SignInMethod } from './adapter';
import { stripAnsi } from '../report/stripAnsi';
import {
  AfterSignInSchema,
  AnotherProviderSuggestionSchema,
  ClockNowSchema,
  CreationViewSchema,
  DeleteOutcomeSchema,
  EmailLinkSchema,
  EnvironmentShownSchema,
  OtherWaysListSchema,
  PasskeyListSchema,
  SignInHelpViewSchema,
  SignUpWithoutPasskeySchema,
} from './adapterViews';
import {
  describeError,
  judgeCall,
  judgeRefusedOrLetIn,
  judgeSignedInAs,
  judgeSignIn,
  judgeSignInWithoutPasskey,
  notTried,
  signedInAfter,
  type Afterwards,
  type Attempt,
  type MethodVerdict,
  type SelfStartedSignIn,
} from './adapterCheckVerdict';

/** Longer than any one step's own waits (10-15 s), so a slow RP is said by the adapter's own error first. */
const CALL_TIMEOUT_MS = 45_000;

export interface AdapterCheckSetup {
  browser: Browser;
  adapter: RpAdapter;
  rpUrl: string;
  environment: Environment;
  capabilities: CapabilityProfile;
  provider: Provider;
  sync: SyncFlag;
  /** The provider a second passkey goes to (addPasskey), with its sync flag; null where no other is usable. */
  otherProvider: { provider: Provider; sync: SyncFlag } | null;
  /** Where a failed method's screenshot and error go. */
  evidenceDir: string;
}

export interface AdapterCheckOutcome {
  verdicts: MethodVerdict[];
  /** How the RP started a sign-in by itself on page load, each way it did. */
  selfStarted: SelfStartedRequest['mode'][];
  /** The screenshot and error files of the methods that did not do what the contract says. */
  evidence: string[];
}

class NoAnswerInTime extends Error {
  override name = 'NoAnswerInTime';
}

/** The call's outcome, never longer than CALL_TIMEOUT_MS. */
async function attempt<T>(call: () => Promise<T>): Promise<Attempt<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new NoAnswerInTime(`no answer within ${CALL_TIMEOUT_MS / 1000} s`)), CALL_TIMEOUT_MS);
  });
  try {
    return { ok: true, value: await Promise.race([call(), late]) };
  } catch (error) {
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}

/** The self-started requests of one step, as its sign-in is judged: a modal one first, it signs the user in. */
function selfStartedOf(requests: readonly SelfStartedRequest[]): SelfStartedSignIn | null {
  const modal = requests.find((r) => r.mode === 'modal');
  if (modal) return { mode: 'modal', answered: modal.outcome === 'answered' };
  return requests.length ? { mode: 'autofill', answered: false } : null;
}

function fileNameOf(method: string): string {
  return method.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

class AdapterCheckRun {
  readonly verdicts: MethodVerdict[] = [];
  readonly evidence: string[] = [];
  private readonly selfStartedModes = new Set<SelfStartedRequest['mode']>();
  private readonly page: Page;
  private readonly adapter: RpAdapter;
  private readonly url: string;
  private readonly username = `adapter-check-${randomBytes(4).toString('hex')}`;

  constructor(
    private readonly setup: AdapterCheckSetup,
    private readonly device: Device,
    private authenticator: VirtualAuthenticator,
    private readonly selfStarted: SelfStartedSignInLog,
  ) {
    this.page = device.page;
    this.adapter = setup.adapter;
    this.url = setup.rpUrl;
  }

  /** Every way the RP started a sign-in by itself so far; kept across the log's clears. */
  modesSeen(): SelfStartedRequest['mode'][] {
    for (const request of this.selfStarted.requests()) this.selfStartedModes.add(request.mode);
    return [...this.selfStartedModes];
  }

  private has(feature: RpFeature): boolean {
    return this.adapter.lacks?.[feature] === undefined;
  }

  /** Keeps the verdict; for one that failed, the page's screenshot and the call's error beside it. */
  private async record(verdict: MethodVerdict, call?: Attempt<unknown>): Promise<void> {
    this.verdicts.push(verdict);
    if (verdict.result !== 'fail') return;
    const error = call && !call.ok ? call.error : undefined;
    mkdirSync(this.setup.evidenceDir, { recursive: true });
    const base = path.join(this.setup.evidenceDir, fileNameOf(verdict.method));
    const lines = [`${verdict.method}: ${verdict.why}`, `page: ${this.page.url()}`];
    if (error !== undefined) lines.push('', stripAnsi(error instanceof Error ? (error.stack ?? describeError(error)) : String(error)));
    writeFileSync(`${base}.txt`, `${lines.join('\n')}\n`);
    this.evidence.push(`${base}.txt`);
    try {
      await this.page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 10_000 });
      this.evidence.push(`${base}.png`);
    } catch (shotError) {
      writeFileSync(`${base}.txt`, `${lines.join('\n')}\n\nno screenshot: ${describeError(shotError)}\n`);
    }
  }

  private whoIsIn(): Promise<Attempt<string | null>> {
    return attempt(() => this.adapter.signedInAs(this.page, this.url));
  }

  /** Signs out without judging it again (signOut has its own row), so the next step starts signed out. */
  private async quietlySignOut(): Promise<void> {
    const who = await this.whoIsIn();
    if (who.ok && who.value !== null) await attempt(() => this.adapter.signOut(this.page, this.url));
  }

  async run(): Promise<void> {
    const u = this.username;
    const registered = await this.passkeyAccount(u);
    if (!registered) {
      for (const method of this.methodsThatNeedAnAccount()) await this.record(notTried(method, 'register left no account signed in'));
    } else {
      await this.signInWays(u);
      await this.environmentShown();
      await this.management();
      await this.emailLink(u);
    }
    await this.clock();
    await this.signInWithoutPasskeyOnAuthenticator(u, registered);
    await this.arrangePasskeyAccount();
    await this.otherWaysIn();
  }

  /** The rows of the steps that go on from the account register makes: not tried without it. */
  private methodsThatNeedAnAccount(): string[] {
    const when = (feature: RpFeature, methods: string[]) => (this.has(feature) ? methods : []);
    return [
      'signOut',
      'signIn (discoverable)',
      'signIn (username-first)',
      ...when('autofill-sign-in', ['signIn (autofill)']),
      ...(this.adapter.environmentShown ? ['environmentShown'] : []),
      ...when('management-page', ['listPasskeys', 'suggestsAnotherProvider']),
      ...(this.adapter.otherWaysListed ? when('management-page', ['otherWaysListed']) : []),
      ...when('several-passkeys', ['addPasskey']),
      ...when('passkey-rename', ['renamePasskey']),
      ...when('account-name', ['renameAccount']),
      ...when('management-page', ['deletePasskey']),
      ...when('email-link', ['addEmailWayIn', 'requestEmailLink', 'openEmailLink']),
      'signIn (no passkey)',
      ...when('sign-in-help', ['signInHelp']),
    ];
  }

  /** register, then signedInAs and signOut; true when an account was made and left signed in. */
  private async passkeyAccount(u: string): Promise<boolean> {
    const made = await attempt(() => this.adapter.register(this.page, this.url, u));
    const whileIn = await this.whoIsIn();
    await this.record(judgeCall('register', made, CreationViewSchema, [signedInAfter(whileIn, u)]), made);
    const registered = made.ok && whileIn.ok && whileIn.value === u;
    if (!registered) {
      await this.record(judgeSignedInAs(whileIn.ok && whileIn.value === u ? whileIn : null, null, u));
      return false;
    }
    const out = await attempt(() => this.adapter.signOut(this.page, this.url));
    const whileOut = await this.whoIsIn();
    await this.record(judgeCall('signOut', out, null, [signedInAfter(whileOut, null)]), out);
    await this.record(judgeSignedInAs(whileIn, whileOut, u));
    return true;
  }

  /** Each passkey sign-in the RP has, from signed out; the user is left signed in. */
  private async signInWays(u: string): Promise<void> {
    const methods: SignInMethod[] = ['discoverable', 'username-first', ...(this.has('autofill-sign-in') ? (['autofill'] as const) : [])];
    for (const method of methods) {
      await this.quietlySignOut();
      await this.signIn(method, u);
    }
    if (this.has('cross-device-sign-in')) {
      await this.record(notTried('signIn (cross-device)', "a phone's passkey over the RP's QR code needs a second device: the matrix's cross-device scenarios try it"));
    }
  }

  private async signIn(method: SignInMethod, u: string): Promise<void> {
    this.modesSeen(); // keeps what earlier steps saw before the log is cleared
    this.selfStarted.clear();
    const done = await attempt(() => this.adapter.signIn(this.page, this.url, method, u));
    const who = await this.whoIsIn();
    const verdict = judgeSignIn(`signIn (${method})`, done, signedInAfter(who, u), selfStartedOf(this.selfStarted.requests()));
    await this.record(verdict, done);
  }

  private async environmentShown(): Promise<void> {
    const { environmentShown } = this.adapter;
    if (!environmentShown) {
      await this.record({ method: 'environmentShown', result: 'lacking', why: 'not implemented: the matrix says its check is not applicable' });
      return;
    }
    const shown = await attempt(() => environmentShown.call(this.adapter, this.page, this.url));
    const words = shown.ok ? `resolved: ${JSON.stringify(shown.value)?.slice(0, 100)}` : 'resolved';
    await this.record(judgeCall('environmentShown', shown, EnvironmentShownSchema, [], words), shown);
  }

  private async passkeyCount(): Promise<number> {
    return (await this.authenticator.credentials()).length;
  }

  /** Management page, a second passkey, names: signed in, each once. */
  private async management(): Promise<void> {
    const { adapter, page, url } = this;
    let firstId: string | null = null;
    if (this.has('management-page')) {
      const held = await this.passkeyCount();
      const list = await attempt(() => adapter.listPasskeys!(page, url));
      const count: Afterwards = list.ok && Array.isArray(list.value)
        ? { holds: list.value.length === held, seen: `listed ${list.value.length} passkey(s); the authenticator holds ${held}` }
        : { holds: true, seen: '' };
      await this.record(judgeCall('listPasskeys', list, PasskeyListSchema, [count]), list);
      if (list.ok && Array.isArray(list.value)) firstId = list.value[0]?.credentialId ?? null;
      const suggestion = await attempt(() => adapter.suggestsAnotherProvider!(page, url));
      await this.record(judgeCall('suggestsAnotherProvider', suggestion, AnotherProviderSuggestionSchema), suggestion);
      if (adapter.otherWaysListed) {
        const listed = await attempt(() => adapter.otherWaysListed!(page, url));
        const none: Afterwards = { holds: !listed.ok || (Array.isArray(listed.value) && listed.value.length === 0), seen: `listed ${JSON.stringify(listed.ok ? listed.value : null)} for an account with only its passkey` };
        await this.record(judgeCall('otherWaysListed', listed, OtherWaysListSchema, [none]), listed);
      }
    }
    if (this.has('several-passkeys')) await this.addPasskey();
    if (this.has('passkey-rename')) await this.renamePasskey(firstId);
    if (this.has('account-name')) {
      const renamed = await attempt(() => adapter.renameAccount!(page, url, 'Adapter Check'));
      await this.record(judgeCall('renameAccount', renamed, null), renamed);
    }
    if (this.has('management-page')) await this.deletePasskey();
  }

  /**
   * A second passkey, in another provider as a user would add one: the provider that holds the first
   * refuses a second for the same account (the RP excludes the passkeys it knows).
   */
  private async addPasskey(): Promise<void> {
    const other = this.setup.otherProvider;
    if (!other) {
      await this.record(notTried('addPasskey', `no provider besides ${this.setup.provider.name} is usable in ${this.setup.environment.id}`));
      return;
    }
    await this.authenticator.remove();
    this.authenticator = await addVirtualAuthenticator(this.device.cdp, other.provider, other.sync);
    const added = await attempt(() => this.adapter.addPasskey!(this.page, this.url));
    const held = await this.passkeyCount();
    const inOther: Afterwards = { holds: held === 1, seen: `${other.provider.name}'s authenticator then held ${held} passkey(s)` };
    await this.record(judgeCall('addPasskey', added, CreationViewSchema, [inOther]), added);
  }

  private async renamePasskey(credentialId: string | null): Promise<void> {
    const { adapter, page, url } = this;
    if (credentialId === null || !adapter.listPasskeys || !this.has('management-page')) {
      await this.record(notTried('renamePasskey', 'it needs a passkey id from listPasskeys, which listed none'));
      return;
    }
    const name = 'Adapter check';
    const renamed = await attempt(() => adapter.renamePasskey!(page, url, credentialId, name));
    const list = await attempt(() => adapter.listPasskeys!(page, url));
    const shown = list.ok && Array.isArray(list.value) ? list.value.find((p) => p.credentialId === credentialId)?.name : undefined;
    const after: Afterwards = { holds: shown === name, seen: `then listPasskeys showed its name as ${JSON.stringify(shown ?? null)}` };
    await this.record(judgeCall('renamePasskey', renamed, null, [after]), renamed);
  }

  /** Deletes the newest listed passkey without confirming losing access: deleted or refused, and the list agrees. */
  private async deletePasskey(): Promise<void> {
    const { adapter, page, url } = this;
    const list = await attempt(() => adapter.listPasskeys!(page, url));
    const target = list.ok && Array.isArray(list.value) ? list.value.at(-1) : undefined;
    if (!target) {
      await this.record(notTried('deletePasskey', 'it needs a passkey id from listPasskeys, which listed none'));
      return;
    }
    const count = list.ok && Array.isArray(list.value) ? list.value.length : 0;
    const outcome = await attempt(() => adapter.deletePasskey!(page, url, target.credentialId, false));
    const after = await attempt(() => adapter.listPasskeys!(page, url));
    const expected = outcome.ok && outcome.value === 'deleted' ? count - 1 : count;
    // An answer of the wrong shape is said by judgeCall; here only what the list then shows.
    const agrees: Afterwards = !after.ok
      ? { holds: false, seen: `then listPasskeys threw ${describeError(after.error)}` }
      : !Array.isArray(after.value)
        ? { holds: false, seen: 'then listPasskeys gave no list' }
        : { holds: after.value.length === expected, seen: `said ${outcome.ok ? String(outcome.value) : '?'}; listPasskeys then listed ${after.value.length}, ${count} before` };
    await this.record(judgeCall('deletePasskey', outcome, DeleteOutcomeSchema, [agrees]), outcome);
  }

  /** Adds the account's address, signs out, asks for a link and opens it: signed in again. */
  private async emailLink(u: string): Promise<void> {
    if (!this.has('email-link')) return;
    const { adapter, page, url } = this;
    const added = await attempt(() => adapter.addEmailWayIn!(page, url, u));
    await this.record(judgeCall('addEmailWayIn', added, null), added);
    await this.quietlySignOut();
    const link = await attempt(() => adapter.requestEmailLink!(page, url, u));
    await this.record(judgeCall('requestEmailLink', link, EmailLinkSchema), link);
    if (!link.ok || typeof link.value !== 'string') {
      await this.record(notTried('openEmailLink', 'requestEmailLink gave no link'));
      return;
    }
    const opened = await attempt(() => adapter.openEmailLink!(page, url, link.value));
    const who = await this.whoIsIn();
    await this.record(judgeCall('openEmailLink', opened, AfterSignInSchema, [signedInAfter(who, u)]), opened);
  }

  /** The RP's clock: now() is a date, and advance(60) moves it a minute on. */
  private async clock(): Promise<void> {
    const clock = this.has('clock') ? this.adapter.clock : undefined;
    if (!clock) return;
    const { page, url } = this;
    const before = await attempt(() => clock.now(page, url));
    const moved = before.ok ? await attempt(() => clock.advance(page, url, 60)) : before;
    const after = moved.ok ? await attempt(() => clock.now(page, url)) : moved;
    const gap = before.ok && after.ok ? (after.value.getTime() - before.value.getTime()) / 1000 : Number.NaN;
    const minuteOn: Afterwards = { holds: gap >= 60, seen: `now() moved ${Number.isNaN(gap) ? '?' : Math.round(gap)} s on advance(60)` };
    await this.record(judgeCall('clock', after, ClockNowSchema, [minuteOn], 'now() and advance(60) resolved'), after);
  }

  /**
   * With no passkey on the authenticator, a passkey sign-in must fail in the RP's words; then the
   * help the failure leads to.
   */
  private async signInWithoutPasskeyOnAuthenticator(u: string, registered: boolean): Promise<void> {
    if (!registered) return;
    await this.quietlySignOut();
    await this.authenticator.remove();
    this.authenticator = await addVirtualAuthenticator(this.device.cdp, this.setup.provider, this.setup.sync);
    const failed = await attempt(() => this.adapter.signIn(this.page, this.url, 'discoverable', u));
    await this.record(judgeSignInWithoutPasskey('signIn (no passkey)', failed), failed);
    if (!this.has('sign-in-help')) return;
    const help = await attempt(() => this.adapter.signInHelp!(this.page, this.url, u));
    await this.record(judgeCall('signInHelp', help, SignInHelpViewSchema), help);
  }

  /** The quicker way to an account: one passkey on the authenticator, the user signed out. */
  private async arrangePasskeyAccount(): Promise<void> {
    const { arrangePasskeyAccount } = this.adapter;
    if (!arrangePasskeyAccount) {
      await this.record({ method: 'arrangePasskeyAccount', result: 'lacking', why: 'not implemented: scenarios take register then signOut' });
      return;
    }
    await this.quietlySignOut();
    const before = await this.passkeyCount();
    const v = `${this.username}-b`;
    const arranged = await attempt(() => arrangePasskeyAccount.call(this.adapter, this.page, this.url, v));
    const after = await this.passkeyCount();
    const who = await this.whoIsIn();
    const onePasskey: Afterwards = { holds: after === before + 1, seen: `the authenticator then held ${after - before} new passkey(s)` };
    await this.record(judgeCall('arrangePasskeyAccount', arranged, null, [onePasskey, signedInAfter(who, null)]), arranged);
  }

  /** An account without a passkey, its sign-in, and what someone without all its secrets is told. */
  private async otherWaysIn(): Promise<void> {
    if (!this.has('other-ways-in')) return;
    const { adapter, page, url } = this;
    const w = `${this.username}-c`;
    await this.quietlySignOut();
    const made = await attempt(() => adapter.signUpWithoutPasskey!(page, url, w));
    const offered = made.ok && made.value.passkeyOffered;
    const declined = offered && this.has('passkey-offer') ? await attempt(() => adapter.declinePasskeyOffer!(page, url)) : null;
    const who = await this.whoIsIn();
    await this.record(judgeCall('signUpWithoutPasskey', made, SignUpWithoutPasskeySchema, [signedInAfter(who, w)]), made);
    if (this.has('passkey-offer')) {
      if (declined) await this.record(judgeCall('declinePasskeyOffer', declined, null, [signedInAfter(who, w)]), declined);
      else await this.record(notTried('declinePasskeyOffer', 'the RP offered no passkey after signUpWithoutPasskey'));
    }
    if (!made.ok) {
      await this.record(notTried('signInWithoutPasskey', 'signUpWithoutPasskey made no account'));
      return;
    }
    await this.quietlySignOut();
    const signedIn = await attempt(() => adapter.signInWithoutPasskey!(page, url, w));
    if (signedIn.ok && signedIn.value.passkeyOffered && this.has('passkey-offer')) await attempt(() => adapter.declinePasskeyOffer!(page, url));
    const again = await this.whoIsIn();
    await this.record(judgeCall('signInWithoutPasskey', signedIn, AfterSignInSchema, [signedInAfter(again, w)]), signedIn);
    if (this.has('second-factor')) await this.secondFactor(w, made.value.way === 'password');
  }

  /** Each sign-in without every secret, from signed out: refused in the RP's words, or let in and signed in. */
  private async secondFactor(w: string, hasPassword: boolean): Promise<void> {
    const { adapter, page, url } = this;
    const tries: [string, () => Promise<unknown>][] = [
      ['signInWithWrongCode', () => adapter.signInWithWrongCode!(page, url, w)],
      ['signInWithPastCode', () => adapter.signInWithPastCode!(page, url, w, 'just-used')],
      ['signInWithWrongPassword', () => adapter.signInWithWrongPassword!(page, url, w)],
    ];
    for (const [method, call] of tries) {
      if (!hasPassword) {
        await this.record(notTried(method, 'signUpWithoutPasskey made no password account to try it on'));
        continue;
      }
      await this.quietlySignOut();
      const tried = await attempt(call);
      const who = tried.ok ? await this.whoIsIn() : ({ ok: true, value: null } as const);
      await this.record(judgeRefusedOrLetIn(method, tried, signedInAfter(who, w)), tried);
    }
  }
}

/** Opens the environment's device with the provider's authenticator, runs every check, and closes it. */
export async function runAdapterCheck(setup: AdapterCheckSetup): Promise<AdapterCheckOutcome> {
  const origin = new URL(setup.rpUrl).origin;
  const device = await openDevice(setup.browser, setup.environment, setup.capabilities, origin);
  try {
    // As a matrix run's: a step's waits are bounded even where the adapter sets none.
    device.context.setDefaultTimeout(10_000);
    device.context.setDefaultNavigationTimeout(15_000);
    const selfStarted = await installSelfStartedSignInLog(device.context);
    const authenticator = await addVirtualAuthenticator(device.cdp, setup.provider, setup.sync);
    const run = new AdapterCheckRun(setup, device, authenticator, selfStarted);
    await run.run();
    return { verdicts: run.verdicts, selfStarted: run.modesSeen(), evidence: run.evidence };
  } finally {
    await device.close();
  }
}
