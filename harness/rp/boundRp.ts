import type { Page } from '@playwright/test';
import type { AfterSignIn, CreationView, DeleteOutcome, PasskeyView, WayIn, RpAdapter, SignInHelpView, SignInMethod } from './adapter';

/** The RP under test, driven through its adapter on one page. */
export interface Rp {
  url: string;
  adapter: RpAdapter;
  page: Page;
  register(username: string): Promise<CreationView>;
  addPasskey(): Promise<CreationView>;
  signOut(): Promise<void>;
  signIn(method: SignInMethod, username: string): Promise<void>;
  signedInAs(): Promise<string | null>;
  listPasskeys(): Promise<PasskeyView[]>;
  deletePasskey(credentialId: string, confirmLosingAccess: boolean): Promise<DeleteOutcome>;
  signUpWithoutPasskey(username: string): Promise<AfterSignIn & { way: WayIn }>;
  signInWithoutPasskey(username: string): Promise<AfterSignIn>;
  declinePasskeyOffer(): Promise<void>;
  /** Lets time pass on the RP's clock; undefined where the RP has no clock to move. */
  letTimePass?: (seconds: number) => Promise<void>;
  signInHelp(username: string): Promise<SignInHelpView>;
}

export function bindRp(adapter: RpAdapter, page: Page, url: string): Rp {
  const clock = adapter.clock;
  return {
    url,
    adapter,
    page,
    register: (username) => adapter.register(page, url, username),
    addPasskey: () => adapter.addPasskey(page, url),
    signOut: () => adapter.signOut(page, url),
    signIn: (method, username) => adapter.signIn(page, url, method, username),
    signedInAs: () => adapter.signedInAs(page, url),
    listPasskeys: () => adapter.listPasskeys(page, url),
    signUpWithoutPasskey: (username) => adapter.signUpWithoutPasskey(page, url, username),
    signInWithoutPasskey: (username) => adapter.signInWithoutPasskey(page, url, username),
    declinePasskeyOffer: () => adapter.declinePasskeyOffer(page, url),
    ...(clock ? { letTimePass: (seconds: number) => clock.advance(page, url, seconds) } : {}),
    deletePasskey: (credentialId, confirmLosingAccess) => adapter.deletePasskey(page, url, credentialId, confirmLosingAccess),
    signInHelp: (username) => adapter.signInHelp(page, url, username),
  };
}
