import type { Page } from '@playwright/test';
import { FEATURE_LABELS, FEATURE_MEMBERS, type AfterSignIn, type AnotherProviderSuggestion, type CreationView, type DeleteOutcome, type PasskeyView, type PastCode, type RpAdapter, type RpFeature, type SignInHelpView, type SignInMethod, type WayIn } from './adapter';

/** The RP under test, driven through its adapter on one page. */
export interface Rp {
  url: string;
  /** The RP's name, as its adapter gives it: what a scenario's notes and messages call it. */
  name: string;
  adapter: RpAdapter;
  page: Page;
  register(username: string): Promise<CreationView>;
  /** An account with its first passkey, the user signed out: the adapter's quicker way where it has one, else register and sign out. */
  arrangePasskeyAccount(username: string): Promise<void>;
  addPasskey(): Promise<CreationView>;
  signOut(): Promise<void>;
  signIn(method: SignInMethod, username: string): Promise<void>;
  signedInAs(): Promise<string | null>;
  listPasskeys(): Promise<PasskeyView[]>;
  /** The passkeys the management page shows now, loaded afresh in another tab of the user's browser (after a change made behind the page's back). */
  passkeysShownIn(tab: Page): Promise<PasskeyView[]>;
  suggestsAnotherProvider(): Promise<AnotherProviderSuggestion | null>;
  deletePasskey(credentialId: string, confirmLosingAccess: boolean): Promise<DeleteOutcome>;
  /** The ways in besides passkeys the management page lists; null where the adapter cannot read them. */
  otherWaysListed(): Promise<WayIn[] | null>;
  renamePasskey(credentialId: string, name: string): Promise<void>;
  renameAccount(displayName: string): Promise<void>;
  signUpWithoutPasskey(username: string): Promise<AfterSignIn & { way: WayIn }>;
  signInWithoutPasskey(username: string): Promise<AfterSignIn>;
  declinePasskeyOffer(): Promise<void>;
  addEmailWayIn(username: string): Promise<void>;
  requestEmailLink(username: string): Promise<string>;
  openEmailLink(link: string): Promise<AfterSignIn>;
  signInWithWrongCode(username: string): Promise<AfterSignIn>;
  signInWithPastCode(username: string, code: PastCode): Promise<AfterSignIn>;
  signInWithWrongPassword(username: string): Promise<AfterSignIn>;
  signInHelp(username: string): Promise<SignInHelpView>;
  /** What the RP says about the user's system and browser; not applicable where the adapter cannot read it. */
  environmentShown(): Promise<string | null>;
  /** Why the RP lacks a feature, in the report's words; null where it has it. */
  lacking(feature: RpFeature): string | null;
  /** Lets time pass on the RP's clock; undefined where the RP has no clock to move. */
  letTimePass?: (seconds: number) => Promise<void>;
  /** The RP's time: its clock's where it has one a test can read, else this machine's. */
  now(): Promise<Date>;
}

/** What happens when a scenario needs a feature the RP lacks: in a cell, the scenario is not applicable. */
export type OnLackingFeature = (reason: string) => never;

export class RpLacksFeatureError extends Error {
  override name = 'RpLacksFeatureError';
}

const throwLacking: OnLackingFeature = (reason) => {
  throw new RpLacksFeatureError(reason);
};

const SIGN_IN_FEATURES: Partial<Record<SignInMethod, RpFeature>> = { autofill: 'autofill-sign-in', 'cross-device': 'cross-device-sign-in' };

export function bindRp(adapter: RpAdapter, page: Page, url: string, onLacking: OnLackingFeature = throwLacking): Rp {
  const lacks = (feature: RpFeature) => `${adapter.name} has no ${FEATURE_LABELS[feature]}${adapter.lacks?.[feature] ? `: ${adapter.lacks[feature]}` : ''}`;
  /** The adapter's member for a feature, or the scenario stops as not applicable, saying why. */
  const need = <T>(feature: RpFeature, member: T | undefined): T => {
    if (adapter.lacks?.[feature] !== undefined || member === undefined) return onLacking(lacks(feature));
    return member;
  };
  /** A feature is had when not declared lacking and every member it needs is there. */
  const lacking = (feature: RpFeature): string | null => {
    const had = adapter.lacks?.[feature] === undefined && FEATURE_MEMBERS[feature].every((member) => adapter[member] !== undefined);
    return had ? null : lacks(feature);
  };
  const clock = adapter.lacks?.clock === undefined ? adapter.clock : undefined;
  return {
    url,
    name: adapter.name,
    adapter,
    page,
    lacking,
    register: (username) => adapter.register(page, url, username),
    arrangePasskeyAccount: async (username) => {
      if (adapter.arrangePasskeyAccount) return adapter.arrangePasskeyAccount(page, url, username);
      await adapter.register(page, url, username);
      await adapter.signOut(page, url);
    },
    addPasskey: () => need('several-passkeys', adapter.addPasskey).call(adapter, page, url),
    signOut: () => adapter.signOut(page, url),
    signIn: (method, username) => {
      const feature = SIGN_IN_FEATURES[method];
      if (feature) need(feature, true);
      return adapter.signIn(page, url, method, username);
    },
    signedInAs: () => adapter.signedInAs(page, url),
    listPasskeys: () => need('management-page', adapter.listPasskeys).call(adapter, page, url),
    passkeysShownIn: async (tab) => {
      const list = need('management-page', adapter.listPasskeys);
      // An adapter may reuse a page already open, which would show the management page as it was.
      await tab.goto('about:blank');
      return list.call(adapter, tab, url);
    },
    suggestsAnotherProvider: () => need('management-page', adapter.suggestsAnotherProvider).call(adapter, page, url),
    deletePasskey: (credentialId, confirmLosingAccess) =>
      need('management-page', adapter.deletePasskey).call(adapter, page, url, credentialId, confirmLosingAccess),
    otherWaysListed: async () => {
      need('management-page', true);
      return adapter.otherWaysListed ? adapter.otherWaysListed(page, url) : null;
    },
    renamePasskey: (credentialId, name) => need('passkey-rename', adapter.renamePasskey).call(adapter, page, url, credentialId, name),
    renameAccount: (displayName) => need('account-name', adapter.renameAccount).call(adapter, page, url, displayName),
    signUpWithoutPasskey: (username) => need('other-ways-in', adapter.signUpWithoutPasskey).call(adapter, page, url, username),
    signInWithoutPasskey: (username) => need('other-ways-in', adapter.signInWithoutPasskey).call(adapter, page, url, username),
    declinePasskeyOffer: () => need('passkey-offer', adapter.declinePasskeyOffer).call(adapter, page, url),
    addEmailWayIn: (username) => need('email-link', adapter.addEmailWayIn).call(adapter, page, url, username),
    requestEmailLink: (username) => need('email-link', adapter.requestEmailLink).call(adapter, page, url, username),
    openEmailLink: (link) => need('email-link', adapter.openEmailLink).call(adapter, page, url, link),
    signInWithWrongCode: (username) => need('second-factor', adapter.signInWithWrongCode).call(adapter, page, url, username),
    signInWithPastCode: (username, code) => need('second-factor', adapter.signInWithPastCode).call(adapter, page, url, username, code),
    signInWithWrongPassword: (username) => need('second-factor', adapter.signInWithWrongPassword).call(adapter, page, url, username),
    signInHelp: (username) => need('sign-in-help', adapter.signInHelp).call(adapter, page, url, username),
    environmentShown: () => {
      if (!adapter.environmentShown) return onLacking(`${adapter.name}'s adapter does not read which system and browser the RP says the user is on (environmentShown)`);
      return adapter.environmentShown(page, url);
    },
    ...(clock ? { letTimePass: (seconds: number) => clock.advance(page, url, seconds) } : {}),
    now: async () => (clock ? clock.now(page, url) : new Date()),
  };
}
