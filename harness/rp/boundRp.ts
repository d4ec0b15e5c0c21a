import type { Page } from '@playwright/test';
import type { CreationView, DeleteOutcome, PasskeyView, RpAdapter, SignInHelpView, SignInMethod } from './adapter';

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
  signInHelp(username: string): Promise<SignInHelpView>;
}

export function bindRp(adapter: RpAdapter, page: Page, url: string): Rp {
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
    deletePasskey: (credentialId, confirmLosingAccess) => adapter.deletePasskey(page, url, credentialId, confirmLosingAccess),
    signInHelp: (username) => adapter.signInHelp(page, url, username),
  };
}
